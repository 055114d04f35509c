package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: the one check before undo (wizard and CLI), and the journal's own integrity and durability. */
class UndoCheckTest {
    static DemoDirectory demo;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    /** Applies port-spn on srv003 (two adds on the computer) and returns its journal. */
    Journal applied() throws Exception {
        LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        Plan p = Remedies.plan(Remedies.PORT_SPN, l, demo, new RemedySettings(false));
        Journal j = Journal.create(dir, demo.info(), l.target(), p);
        ApplyReport r = new PlanExecutor(new AuditLog(dir.resolve("audit.log"))).apply(demo, p, j, ApplyListener.NONE);
        assertTrue(r.success(), r.message());
        return Journal.read(j.file());
    }

    @Test
    void aJournalAsWritten_passes() throws Exception {
        Journal j = applied();
        assertEquals(List.of(), j.integrityProblems());
        assertEquals(List.of(), UndoCheck.refusals(j, demo));
    }

    @Test
    void aJournalOfTheDemo_isRefusedOnALiveConnection_andTheReverse() throws Exception {
        Journal j = applied();
        DirectoryInfo live = new DirectoryInfo(false, "dc1.rwwilden01.local:636", "alice@rwwilden01.local", false);
        List<String> r = UndoCheck.refusals(j, new Renamed(demo, live));
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).contains("demo directory") && r.get(0).contains("live directory"), r.get(0));
    }

    @Test
    void aJournalOfAnotherDomain_isRefused_namingTheAccount() throws Exception {
        Journal j = applied();
        // a directory of another domain: none of the journal's DNs exists there
        Renamed other = new Renamed(demo, demo.info()) {
            @Override
            public Optional<io.github.spndoctor.core.model.Account> readAccount(String dn) { return Optional.empty(); }
        };
        List<String> r = UndoCheck.refusals(j, other);
        assertFalse(r.isEmpty());
        assertTrue(r.get(0).contains("does not exist in this directory") && r.get(0).contains("SRV003"), r.toString());
    }

    @Test
    void undo_verifiesValueByValue_andNamesWhatDiffers() throws Exception {
        Journal j = applied();
        SpnChange first = j.changes().get(0);
        demo.apply(first.inverse());          // someone removed one SPN SPN Doctor added
        List<String> r = UndoCheck.refusals(j, demo);
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).contains(first.spn().toString()) && r.get(0).contains("does not hold it now"), r.get(0));
    }

    @Test
    void aHandEditedJournal_thatWouldDeleteWhatSpnDoctorNeverAdded_isRefused() throws Exception {
        Journal j = applied();
        String text = Files.readString(j.file());
        String added = j.changes().get(0).spn().toString();
        // the computer held HOST/srv003.rwwilden01.local before: claim SPN Doctor added it, so undo would delete it
        String edited = text.replace("\"spn\":\"" + added + "\"", "\"spn\":\"HOST/srv003.rwwilden01.local\"");
        assertFalse(edited.equals(text));
        Path e1 = dir.resolve("edited.ldif");
        Files.writeString(e1, edited);
        Journal a = Journal.read(e1);
        assertTrue(a.integrityProblems().stream().anyMatch(p -> p.contains("changed after SPN Doctor wrote it")), a.integrityProblems().toString());
        assertTrue(a.integrityProblems().stream().anyMatch(p -> p.contains("never added")), a.integrityProblems().toString());
        assertFalse(UndoCheck.refusals(a, demo).isEmpty());

        // the same edit with the seal line dropped is refused too
        Path e2 = dir.resolve("edited-unsealed.ldif");
        Files.writeString(e2, String.join("\n", edited.lines().filter(l -> !l.startsWith("#@seal")).toList()) + "\n");
        Journal b = Journal.read(e2);
        assertTrue(b.integrityProblems().stream().anyMatch(p -> p.contains("no seal")), b.integrityProblems().toString());
        assertTrue(b.integrityProblems().stream().anyMatch(p -> p.contains("never added")), b.integrityProblems().toString());
    }

    @Test
    void theJournalFolder_isSyncedAfterTheJournalIsCreated() throws Exception {
        List<Path> synced = new ArrayList<>();
        List<Boolean> fileExisted = new ArrayList<>();
        var before = DiskSync.observer;
        DiskSync.observer = p -> {
            synced.add(p);
            try (var s = Files.list(p)) {
                fileExisted.add(s.anyMatch(f -> f.toString().endsWith(".ldif")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            Journal j = Journal.create(dir.resolve("journals"), demo.info(), TargetName.parse("srv003"), JournalTest.plan());
            assertEquals(List.of(j.file().toAbsolutePath().getParent()), synced);
            assertEquals(List.of(true), fileExisted, "the folder is synced once the file is in it");
        } finally {
            DiskSync.observer = before;
        }
    }

    /** The demo directory under another identity. */
    static class Renamed implements io.github.spndoctor.core.directory.Directory {
        final DemoDirectory d;
        final DirectoryInfo info;

        Renamed(DemoDirectory d, DirectoryInfo info) { this.d = d; this.info = info; }

        @Override public DirectoryInfo info() { return info; }
        @Override public LookupResult lookup(TargetName t) throws io.github.spndoctor.core.directory.DirectoryException { return d.lookup(t); }
        @Override public List<io.github.spndoctor.core.model.Account> findHolders(Spn s) throws io.github.spndoctor.core.directory.DirectoryException { return d.findHolders(s); }
        @Override public Optional<io.github.spndoctor.core.model.Account> readAccount(String dn) throws io.github.spndoctor.core.directory.DirectoryException { return d.readAccount(dn); }
        @Override public void apply(SpnChange c) throws io.github.spndoctor.core.directory.DirectoryException { d.apply(c); }
        @Override public void close() { }
    }
}
