package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trainer's break through the repair session: the same plan, confirmation, recheck, journal and undo as a fix. */
class RepairSessionBreakTest {
    @TempDir
    Path home;

    static java.util.List<String> sorted(String export) { return export.lines().sorted().toList(); }

    RepairSession session(TrainerDemo demo) {
        return new RepairSession(demo.directory(), SessionConfig.under(home).withNames(Optional.empty()).withProbes(ProbeChoice.NONE));
    }

    @Test
    void everyDirectoryBreak_commitsWithAJournal_checksAsBroken_andItsUndoRestoresTheDemo() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            String seed = demo.export();
            for (String id : java.util.List.of(Breaks.HIJACK_HTTP, Breaks.DUPLICATE, Breaks.REMOVE_WSMAN)) {
                RepairSession s = session(demo);
                DemoBreak b = Breaks.plan(demo, id, Optional.empty(), Optional.empty());
                s.planBreak(b);
                assertEquals(RepairSession.Purpose.BREAK, s.purpose());
                assertEquals(b.target(), s.target().orElseThrow().asTyped());
                assertTrue(s.preview(io.github.spndoctor.core.render.Format.SETSPN).contains("setspn"), id);
                assertThrows(IllegalStateException.class, () -> s.commit(ApplyListener.NONE, Optional.empty()), "not confirmed yet");
                s.confirm();
                Commit c = s.commit(ApplyListener.NONE, Optional.empty());
                assertTrue(c.recheck().canApply(), id + ": " + c.recheck().message());
                assertTrue(c.applied().orElseThrow().success(), id);
                assertTrue(Files.isRegularFile(c.journal().orElseThrow()) && c.journal().get().startsWith(demo.journals()), id);
                assertEquals(VerifyResult.Verdict.NOT_FIXED, c.check().orElseThrow().verdict(), id + ": the break stands");
                assertTrue(c.check().get().findings().stream().anyMatch(f -> f.endsWith("in place")), id);
                assertTrue(demo.changedSinceSeed(), id);
                s.planUndo();
                assertEquals(RepairSession.Purpose.UNDO, s.purpose());
                s.confirm();
                Commit u = s.commit(ApplyListener.NONE, Optional.empty());
                assertTrue(u.applied().orElseThrow().success(), id + " undone");
                assertEquals(VerifyResult.Verdict.UNDONE, u.check().orElseThrow().verdict(), id);
                // a directory keeps values as a set: an undone removal may come back in another order
                assertEquals(sorted(seed), sorted(demo.export()), id + ": the undo gives the demo back exactly");
            }
            assertTrue(Files.readString(demo.auditLog()).contains("srv004"), "the demo's own audit log");
            assertFalse(Files.exists(home.resolve("audit.log")), "nothing in the real audit log");
        }
    }

    @Test
    void aBreakOvertakenBeforeTheCommit_isRefusedByTheRecheck_andWritesNothing() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            for (String id : java.util.List.of(Breaks.HIJACK_HTTP, Breaks.DUPLICATE)) {
                RepairSession s = session(demo);
                DemoBreak b = Breaks.plan(demo, id, Optional.empty(), Optional.empty());
                s.planBreak(b);
                s.confirm();
                // someone else registers the SPN on another account between the preview and the commit
                Spn spn = b.plan().changes().get(0).spn();
                Account other = demo.directory().lookup(TargetName.parse("srv003.rwwilden01.local")).computer().orElseThrow();
                demo.server().setUniquenessCheck(false);
                demo.directory().apply(new SpnChange.Add(other.ref(), spn));
                demo.server().setUniquenessCheck(true);
                String before = demo.export();
                Commit c = s.commit(ApplyListener.NONE, Optional.empty());
                assertEquals(Recheck.Status.REFUSED, c.recheck().status(), id + ": " + c.recheck().message());
                assertTrue(c.applied().isEmpty() && c.journal().isEmpty(), id);
                assertEquals(before, demo.export(), id + ": nothing written");
                demo.reset();
            }
        }
    }

    @Test
    void breaks_areForTheTrainersDemoOnly() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start());
             DemoDirectory plain = DemoDirectory.start()) {
            DemoBreak hijack = Breaks.plan(demo, Breaks.HIJACK_HTTP, Optional.empty(), Optional.empty());
            RepairSession other = new RepairSession(plain, SessionConfig.under(home).withProbes(ProbeChoice.NONE));
            assertThrows(IllegalStateException.class, () -> other.planBreak(hijack));
            assertTrue(other.currentPlan().isEmpty());
            DemoBreak cname = Breaks.plan(demo, Breaks.CNAME, Optional.empty(), Optional.empty());
            assertThrows(IllegalStateException.class, () -> other.planBreak(cname));
        }
    }
}
