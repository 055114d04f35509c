package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.apply.UndoCheck;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.ReadOnlyDirectory;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.render.Format;
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

/**
 * The CNAME break through the repair session: one DNS alias change, previewed, confirmed, rechecked at the commit,
 * journalled before it is made, audited in the demo log, checked, and undone from its journal — in one process and
 * in the next one (the journal read back from disk).
 */
class CnameBreakTest {
    @TempDir
    Path home;

    RepairSession session(TrainerDemo demo) {
        return new RepairSession(demo.directory(), SessionConfig.under(home).withNames(Optional.empty())
                .withProbes(ProbeChoice.NONE));
    }

    @Test
    void theCnameBreak_isAJournalledPlan_andItsUndoPutsTheAliasBack() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            String seed = demo.export();
            String before = demo.dns().aliases().get(Breaks.DEFAULT_ALIAS);
            RepairSession s = session(demo);
            DemoBreak b = s.planBreak(Breaks.CNAME, Optional.empty(), Optional.of("srv003.rwwilden01.local"));
            assertEquals(RepairSession.Purpose.BREAK, s.purpose());
            assertEquals(Breaks.DEFAULT_ALIAS, s.target().orElseThrow().asTyped());
            assertEquals(java.util.List.of(new AliasChange(Breaks.DEFAULT_ALIAS, before, "srv003.rwwilden01.local")), b.plan().aliases());
            String summary = s.preview(Format.SUMMARY);
            assertTrue(summary.contains("Point the DNS alias " + Breaks.DEFAULT_ALIAS + " at srv003.rwwilden01.local"), summary);
            assertTrue(s.preview(Format.POWERSHELL).contains("Add-DnsServerResourceRecordCName -ZoneName 'rwwilden01.local' -Name 'reports'"),
                    s.preview(Format.POWERSHELL));
            assertTrue(s.preview(Format.SETSPN).contains("dnscmd . /recordadd rwwilden01.local reports CNAME srv003.rwwilden01.local"));
            assertEquals(before, demo.dns().aliases().get(Breaks.DEFAULT_ALIAS), "planning changes nothing");

            s.confirm();
            Commit c = s.commit(ApplyListener.NONE, Optional.empty());
            assertTrue(c.recheck().canApply(), c.recheck().message());
            assertTrue(c.applied().orElseThrow().success(), c.applied().get().message());
            assertEquals("srv003.rwwilden01.local", demo.dns().canonical(Breaks.DEFAULT_ALIAS));
            Path journal = c.journal().orElseThrow();
            assertTrue(journal.startsWith(demo.journals()));
            String text = Files.readString(journal);
            assertTrue(text.contains("#@alias {") && text.contains("\"after\":\"srv003.rwwilden01.local\""), text);
            assertTrue(text.contains("#@outcome {\"n\":1,\"status\":\"applied\""), text);
            VerifyResult v = c.check().orElseThrow();
            assertEquals(VerifyResult.Verdict.NOT_FIXED, v.verdict(), v.findings().toString());
            assertTrue(v.findings().stream().anyMatch(f -> f.contains(Breaks.DEFAULT_ALIAS) && f.endsWith("in place")), v.findings().toString());
            assertTrue(Files.readString(demo.auditLog()).contains("\tcname\t" + Breaks.DEFAULT_ALIAS + " -> srv003.rwwilden01.local"));
            assertFalse(Files.exists(home.resolve("audit.log")), "nothing in the real audit log");
            assertTrue(s.wroteToDirectory());

            s.planUndo();
            assertEquals(java.util.List.of(new AliasChange(Breaks.DEFAULT_ALIAS, "srv003.rwwilden01.local", before)),
                    s.currentPlan().orElseThrow().aliases());
            s.confirm();
            Commit u = s.commit(ApplyListener.NONE, Optional.empty());
            assertTrue(u.applied().orElseThrow().success(), u.recheck().message());
            assertEquals(VerifyResult.Verdict.UNDONE, u.check().orElseThrow().verdict(), u.check().get().findings().toString());
            assertEquals(seed, demo.export(), "the undo gives the demo back exactly");
        }
    }

    @Test
    void anAliasMovedBeforeTheCommit_isRefusedByTheRecheck_andNoJournalIsWritten() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            RepairSession s = session(demo);
            s.planBreak(Breaks.CNAME, Optional.empty(), Optional.empty());
            s.confirm();
            demo.setAlias(Breaks.DEFAULT_ALIAS, "mem1.contoso.com");   // someone else, between preview and commit
            String moved = demo.export();
            Commit c = s.commit(ApplyListener.NONE, Optional.empty());
            assertEquals(Recheck.Status.REFUSED, c.recheck().status(), c.recheck().message());
            assertTrue(c.recheck().message().contains("mem1.contoso.com"), c.recheck().message());
            assertTrue(c.applied().isEmpty() && c.journal().isEmpty());
            assertEquals(moved, demo.export(), "nothing written");
            assertFalse(Files.exists(demo.journals()) && Files.list(demo.journals()).findAny().isPresent(), "no journal");
        }
    }

    @Test
    void theJournal_undoesTheBreakInTheNextRun_andATamperedAliasLineIsRefused() throws Exception {
        Path state = home.resolve("demo");
        String seed;
        Path journal;
        try (TrainerDemo demo = TrainerDemo.open(state)) {
            seed = demo.export();
            RepairSession s = session(demo);
            s.planBreak(Breaks.CNAME, Optional.empty(), Optional.empty());
            s.confirm();
            journal = s.commit(ApplyListener.NONE, Optional.empty()).journal().orElseThrow();
        }
        Path tampered = home.resolve("tampered.ldif");
        Files.writeString(tampered, Files.readString(journal).replace("\"after\":\"" + Breaks.DEFAULT_ALIAS_TARGET,
                "\"after\":\"mem1.contoso.com"));
        try (TrainerDemo demo = TrainerDemo.open(state)) {
            assertEquals(Breaks.DEFAULT_ALIAS_TARGET, demo.dns().canonical(Breaks.DEFAULT_ALIAS), "the break is still there");
            assertFalse(UndoCheck.refusals(Journal.read(tampered), demo.directory()).isEmpty(), "an edited journal is refused");
            Journal j = Journal.read(journal);
            assertEquals(java.util.List.of(), UndoCheck.refusals(j, demo.directory()));
            RepairSession s = session(demo);
            s.describe("", io.github.spndoctor.core.model.TargetName.parse(j.target()));
            s.useUndo(j, journal);
            s.confirm();
            Commit u = s.commit(ApplyListener.NONE, Optional.empty());
            assertTrue(u.applied().orElseThrow().success(), u.recheck().message());
            assertEquals(seed, demo.export());
        }
        try (TrainerDemo demo = TrainerDemo.open(state)) {
            assertEquals(seed, demo.export(), "the undone alias is what the next run sees");
        }
    }

    @Test
    void aDirectoryThatIsNotTheTrainersDemo_changesNoDnsRecord() throws Exception {
        AliasChange a = new AliasChange(Breaks.DEFAULT_ALIAS, Breaks.DEFAULT_HOST, Breaks.DEFAULT_ALIAS_TARGET);
        try (DemoDirectory plain = DemoDirectory.start();
             TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            assertEquals(DirectoryException.Kind.READ_ONLY, assertThrows(DirectoryException.class, () -> plain.applyAlias(a)).kind());
            assertEquals(DirectoryException.Kind.READ_ONLY, assertThrows(DirectoryException.class,
                    () -> new ReadOnlyDirectory(demo.directory()).applyAlias(a)).kind());
            assertEquals(Breaks.DEFAULT_HOST, demo.dns().canonical(Breaks.DEFAULT_ALIAS), "the read-only view wrote nothing");
            assertThrows(IllegalArgumentException.class, () -> new AliasChange("x; rm -rf /", "a.b", "c.d"));
        }
    }
}
