package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyUndoTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    private PlanExecutor executor() { return new PlanExecutor(new AuditLog(home.resolve("audit.log"))); }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "remove-spn, srv003.rwwilden01.local, 1",
        "remove-spn, DYNAMICS-CRM, 2",
        "remove-spn, mem1.contoso.com, 2",
        "port-spn, srv003.rwwilden01.local, 2",
        "port-spn, DYNAMICS-CRM, 2",
        "wsman-prefix, DYNAMICS-CRM, 2",
        "move-spn-to-computer, DYNAMICS-CRM, 4",
        "credssp, hci-node1.contoso.com, 2",
    })
    void applyThenUndo_restoresTheExactPriorState(String remedy, String target, int expectedChanges) throws Exception {
        Map<String, String> before = DemoState.snapshot(demo);
        LookupResult lookup = demo.lookup(TargetName.parse(target));
        Plan plan = Remedies.plan(remedy, lookup, demo);
        assertEquals(expectedChanges, plan.changes().size(), plan.changes().toString());

        PlanExecutor ex = executor();
        Recheck rc = ex.recheck(demo, plan);
        assertEquals(Recheck.Status.UNCHANGED, rc.status(), rc.message());
        Journal journal = Journal.create(home.resolve("journals"), demo.info(), lookup.target(), rc.plan());
        List<String> progress = new ArrayList<>();
        ApplyReport report = ex.apply(demo, rc.plan(), journal, new ApplyListener() {
            @Override
            public void finished(int index, int total, ChangeOutcome outcome) {
                progress.add((index + 1) + "/" + total + " " + outcome.status().id());
            }
        });
        assertTrue(report.success(), report.message());
        assertEquals(expectedChanges, progress.size());
        assertTrue(progress.stream().allMatch(p -> p.endsWith("applied")), progress.toString());
        Map<String, String> after = DemoState.snapshot(demo);
        assertNotEquals(before, after);
        assertEquals(expectedChanges, Files.readAllLines(home.resolve("demo").resolve("audit.log")).size());

        Journal read = Journal.read(journal.file());
        Plan undo = read.undoPlan();
        assertEquals(expectedChanges, undo.changes().size());
        Recheck urc = ex.recheck(demo, undo);
        assertEquals(Recheck.Status.UNCHANGED, urc.status(), urc.message());
        Journal undoJournal = Journal.create(home.resolve("journals"), demo.info(), lookup.target(), urc.plan());
        ApplyReport undone = ex.apply(demo, urc.plan(), undoJournal, ApplyListener.NONE);
        assertTrue(undone.success(), undone.message());
        assertEquals(before, DemoState.snapshot(demo));
        assertEquals(2L * expectedChanges, Files.readAllLines(home.resolve("demo").resolve("audit.log")).size());
    }

    @Test
    void removeSpn_fixesTheLookup() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        Plan plan = Remedies.plan("remove-spn", lookup, demo);
        executor().apply(demo, plan, Journal.create(home, demo.info(), lookup.target(), plan), ApplyListener.NONE);
        assertTrue(LookupClassifier.classify(demo.lookup(TargetName.parse("srv003.rwwilden01.local"))).isEmpty());
    }

    @Test
    void undoOfADuplicateRemoval_putsItBackOnOneAccountOnly_andSaysWhy() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("app01.contoso.com"));
        Plan plan = Remedies.plan("remove-spn", lookup, demo);
        PlanExecutor ex = executor();
        Journal j = Journal.create(home, demo.info(), lookup.target(), plan);
        assertTrue(ex.apply(demo, plan, j, ApplyListener.NONE).success());
        Plan undo = Journal.read(j.file()).undoPlan();
        assertEquals(2, undo.changes().size());
        Recheck rc = ex.recheck(demo, undo);
        assertEquals(Recheck.Status.REBUILT, rc.status());
        assertEquals(1, rc.plan().changes().size());
        assertTrue(rc.message().contains("would make it a duplicate"), rc.message());
        ApplyReport r = ex.apply(demo, rc.plan(), Journal.create(home, demo.info(), lookup.target(), rc.plan()), ApplyListener.NONE);
        assertTrue(r.success(), r.message());
        assertEquals(1, demo.findHolders(Spn.parse("HTTP/app01.contoso.com")).size());
    }

    @Test
    void apply_refusesAPlanThatRemovesAProtectedSpn_beforeWritingAnything() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        var computer = lookup.computer().orElseThrow().ref();
        Plan evil = new Plan("x", "x", List.of(new SpnChange.Remove(computer, Spn.parse("HOST/srv003.rwwilden01.local"))), List.of(), List.of());
        Map<String, String> before = DemoState.snapshot(demo);
        Journal j = Journal.create(home, demo.info(), lookup.target(), evil);
        assertThrows(IllegalArgumentException.class, () -> executor().apply(demo, evil, j, ApplyListener.NONE));
        assertEquals(before, DemoState.snapshot(demo));
    }

    @Test
    void apply_refusesAJournalOfAnotherPlan_orAUsedOne() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        Plan port = Remedies.plan("port-spn", lookup, demo);
        Plan remove = Remedies.plan("remove-spn", lookup, demo);
        Map<String, String> before = DemoState.snapshot(demo);
        Journal other = Journal.create(home, demo.info(), lookup.target(), port);
        assertThrows(IllegalArgumentException.class, () -> executor().apply(demo, remove, other, ApplyListener.NONE));
        assertEquals(before, DemoState.snapshot(demo));
        Journal j = Journal.create(home, demo.info(), lookup.target(), remove);
        assertTrue(executor().apply(demo, remove, j, ApplyListener.NONE).success());
        demo.reset();
        assertThrows(IllegalArgumentException.class, () -> executor().apply(demo, remove, j, ApplyListener.NONE));
    }

    @Test
    void dcRefusingADelete_isExplained() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("app01.contoso.com"));
        Plan plan = Remedies.plan("remove-spn", lookup, demo);
        var refusing = new io.github.spndoctor.core.directory.ldap.LdapDirectory(demo.server(), "", demo.server(), demo.info(), 10, () -> { }) {
            @Override
            public void apply(SpnChange change) throws io.github.spndoctor.core.directory.DirectoryException {
                throw new io.github.spndoctor.core.directory.DirectoryException(io.github.spndoctor.core.directory.DirectoryException.Kind.REFUSED_BY_DC,
                        "The domain controller refused the change.", "LDAP result 19 (constraint violation)", null);
            }
        };
        ApplyReport r = executor().apply(refusing, plan, Journal.create(home, demo.info(), lookup.target(), plan), ApplyListener.NONE);
        assertEquals(ChangeOutcome.Status.FAILED, r.outcomes().get(0).status());
        assertTrue(r.outcomes().get(0).detail().contains("samba-tool spn delete"), r.outcomes().get(0).detail());
        assertTrue(r.message().contains("The directory is exactly as it was before."), r.message());
    }

    @Test
    void readOnlyConnection_failsTheFirstChange_andSaysNothingChanged() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        Plan plan = Remedies.plan("port-spn", lookup, demo);
        var ro = new io.github.spndoctor.core.directory.ldap.LdapDirectory(demo.server(), "", demo.server(),
                new io.github.spndoctor.core.directory.DirectoryInfo(true, "demo", "reader", true), 10, () -> { });
        ApplyReport r = executor().apply(ro, plan, Journal.create(home, ro.info(), lookup.target(), plan), ApplyListener.NONE);
        assertFalse(r.success());
        assertEquals(List.of(ChangeOutcome.Status.FAILED, ChangeOutcome.Status.NOT_ATTEMPTED),
                r.outcomes().stream().map(ChangeOutcome::status).toList());
        assertTrue(r.message().contains("The directory is exactly as it was before."), r.message());
        List<String> audit = Files.readAllLines(home.resolve("demo").resolve("audit.log"));
        assertEquals(1, audit.size(), "the refused write is audited (the one not attempted is not): " + audit);
        assertTrue(audit.get(0).contains("\tfailed\t"), audit.get(0));
    }
}
