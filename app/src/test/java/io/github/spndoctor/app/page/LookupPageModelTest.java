package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.lookup.LookupPageModel;
import io.github.spndoctor.app.page.lookup.LookupRow;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.app.task.QueueTaskRunner;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookupPageModelTest {
    private static DemoDirectory demo;

    @BeforeAll
    static void startDemo() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stopDemo() { demo.close(); }

    private static WizardSession session(String target) {
        WizardSession s = new WizardSession();
        s.directoryProperty().set(demo);
        s.targetProperty().set(TargetName.parse(target));
        return s;
    }

    @Test
    void lookup_fillsTheTable_withHolderKindAndStatusAsText() {
        WizardSession s = session("srv003.rwwilden01.local");
        LookupPageModel m = new LookupPageModel(s, new ImmediateTaskRunner());
        m.onEnter();
        LookupRow row = m.rows().stream().filter(r -> r.spn().equals("HTTP/srv003.rwwilden01.local")).findFirst().orElseThrow();
        assertEquals("svc-srv003-web$", row.holder());
        assertEquals("msa", row.kind());
        assertEquals(LookupResult.Status.WRONG_ACCOUNT, row.status());
        assertEquals("wrong account", row.statusText());
        assertTrue(m.rows().stream().anyMatch(r -> r.spn().equalsIgnoreCase("HOST/srv003.rwwilden01.local")
                && r.holder().equals("SRV003$") && r.statusText().equals("held by the computer")));
        assertTrue(m.summaryProperty().get().contains("SRV003$"));
        assertTrue(m.rows().stream().anyMatch(r -> r.spn().equals("HTTP/srv003.rwwilden01.local:5985") && r.statusText().equals("not registered (optional)")));
        assertTrue(s.lookup().isPresent());
        assertFalse(m.isBusy());
    }

    /** Issue 15: when the GC's copy and the target's own DC disagree, the page says so (the note from core's lookup). */
    @Test
    void whenTheGlobalCatalogAndTheOwnDcDisagree_thePageSaysSo() {
        String note = "svc-srv003-web$: the global catalog still lists HTTP/srv003.rwwilden01.local, the DC no longer"
                + " (replication in flight; the DC's values are shown)";
        io.github.spndoctor.core.directory.Directory inFlight = new io.github.spndoctor.core.directory.DelegatingDirectory(demo) {
            @Override
            public LookupResult lookup(TargetName t) throws io.github.spndoctor.core.directory.DirectoryException {
                LookupResult r = super.lookup(t);
                return new LookupResult(r.target(), r.computer(), r.registrations(), r.accounts(), r.source(), r.queriedAt(),
                        java.util.List.of(note));
            }

            @Override
            public void close() { }
        };
        WizardSession s = new WizardSession();
        s.directoryProperty().set(inFlight);
        s.targetProperty().set(TargetName.parse("srv003.rwwilden01.local"));
        LookupPageModel m = new LookupPageModel(s, new ImmediateTaskRunner());
        m.onEnter();
        assertTrue(m.summaryProperty().get().endsWith("\n⚠ " + note), m.summaryProperty().get());
        LookupPageModel agreeing = new LookupPageModel(session("srv003.rwwilden01.local"), new ImmediateTaskRunner());
        agreeing.onEnter();
        assertFalse(agreeing.summaryProperty().get().contains("⚠"), agreeing.summaryProperty().get());
    }

    @Test
    void whileTheLookupRuns_thePageIsBusy_andStoppingRecordsAFailureNotAHealthyHost() {
        WizardSession s = session("srv004.rwwilden01.local");
        QueueTaskRunner runner = new QueueTaskRunner();
        LookupPageModel m = new LookupPageModel(s, runner);
        m.onEnter();
        assertTrue(m.isBusy());
        assertTrue(m.statusProperty().get().startsWith("Looking up srv004.rwwilden01.local"));
        assertTrue(m.stopWork());
        assertFalse(m.isBusy());
        runner.runAll();   // the late answer is ignored
        assertTrue(s.lookup().isEmpty());
        assertTrue(s.repair().lookupFailure().isPresent());
        assertTrue(m.errorProperty().get().contains("not a healthy result"));
        assertTrue(m.rows().isEmpty());
    }

    @Test
    void aFailingDirectory_givesThePlainMessageAndTheTechnicalDetail() {
        DemoDirectory dead = DemoDirectory.start();
        dead.server().shutDown(true);
        try {
            WizardSession s = new WizardSession();
            s.directoryProperty().set(dead);
            s.targetProperty().set(TargetName.parse("srv003"));
            LookupPageModel m = new LookupPageModel(s, new ImmediateTaskRunner());
            m.onEnter();
            assertTrue(m.errorProperty().get().contains("cannot be reached"), m.errorProperty().get());
            assertTrue(m.errorDetailProperty().get().contains("UNREACHABLE"), m.errorDetailProperty().get());
            assertTrue(s.lookup().isEmpty());
        } finally {
            dead.close();
        }
    }
}
