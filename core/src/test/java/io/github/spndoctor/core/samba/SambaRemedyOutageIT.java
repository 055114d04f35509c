package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real domain controller goes away in the middle of a plan: samba is stopped after the first of four changes of
 * move-spn-to-computer and started again afterwards. The report must say the directory is part-way and which changes
 * are in effect; after the restart, undo from the journal restores the prior state. The lab is restarted in a
 * finally block and re-seeded, so other tests find it as before. Because it interrupts everyone using the shared lab,
 * it runs only under CI=true or with SAMBALAB_ALLOW_OUTAGE=1.
 */
class SambaRemedyOutageIT {
    @TempDir
    Path tmp;

    @Test
    void sambaStoppedMidPlan_reportSaysPartWay_andJournalUndoesEverything() throws Exception {
        SambaLab.require();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && !"1".equals(System.getenv("SAMBALAB_ALLOW_OUTAGE"))) {
            String msg = "stops the shared samba lab for a few seconds; runs under CI=true or with SAMBALAB_ALLOW_OUTAGE=1";
            System.out.println("SKIPPED Samba outage test: " + msg);
            org.junit.jupiter.api.Assumptions.abort(msg);
        }
        SambaLab.script("seed");
        // 'samba-lab.sh stop' also stops the WinRM stand-in: start it again afterwards if it was there (the probe ITs need it)
        boolean standIn = listening(5985);
        TargetName t = TargetName.parse("dynamics-crm.lab.test");
        Map<String, Set<String>> before;
        Path journalFile;
        try {
            ApplyReport report;
            try (LdapDirectory dir = SambaLab.directory()) {
                before = SambaRemedyIT.state(dir);
                LookupResult l = dir.lookup(t);
                Plan plan = Remedies.plan("move-spn-to-computer", l, dir);
                assertEquals(4, plan.changes().size());
                PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
                Recheck rc = ex.recheck(dir, plan);
                Journal j = Journal.create(tmp, dir.info(), l.target(), rc.plan());
                journalFile = j.file();
                report = ex.apply(new StopsAfterFirstWrite(dir), rc.plan(), j, ApplyListener.NONE);
            }
            assertFalse(report.success());
            assertEquals(ChangeOutcome.Status.APPLIED, report.outcomes().get(0).status());
            assertTrue(report.outcomes().get(1).status() == ChangeOutcome.Status.UNKNOWN
                    || report.outcomes().get(1).status() == ChangeOutcome.Status.FAILED, report.message());
            assertEquals(ChangeOutcome.Status.NOT_ATTEMPTED, report.outcomes().get(3).status());
            assertTrue(report.message().startsWith("Stopped at change 2 of 4"), report.message());
            assertTrue(report.message().contains("The directory is part-way"), report.message());
            assertTrue(report.message().contains(journalFile.toString()), report.message());
        } finally {
            SambaLab.script("start");
            if (standIn) {
                SambaLab.script("winrm-start");
            }
        }
        try (LdapDirectory dir = SambaLab.directory()) {
            Plan undo = Journal.read(journalFile).undoPlan();
            PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
            Recheck rc = ex.recheck(dir, undo);
            assertTrue(rc.canApply(), rc.message());
            ApplyReport undone = ex.apply(dir, rc.plan(), Journal.create(tmp.resolve("undo"), dir.info(), t, rc.plan()), ApplyListener.NONE);
            assertTrue(undone.success(), undone.message());
            assertEquals(SambaRemedyIT.folded(before), SambaRemedyIT.folded(SambaRemedyIT.state(dir)), "no SPN lost");
        } finally {
            SambaLab.script("seed");
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Delegates to the lab, and stops samba right after the first successful write. */
    private static final class StopsAfterFirstWrite implements Directory {
        private final Directory d;
        private int writes;

        StopsAfterFirstWrite(Directory d) { this.d = d; }

        @Override public DirectoryInfo info() { return d.info(); }
        @Override public LookupResult lookup(TargetName t) throws DirectoryException { return d.lookup(t); }
        @Override public List<Account> findHolders(Spn s) throws DirectoryException { return d.findHolders(s); }
        @Override public Optional<Account> readAccount(String dn) throws DirectoryException { return d.readAccount(dn); }
        @Override public void close() { }

        @Override
        public void apply(SpnChange c) throws DirectoryException {
            d.apply(c);
            if (++writes == 1) {
                try {
                    SambaLab.script("stop");
                } catch (Exception e) {
                    throw new AssertionError("could not stop samba", e);
                }
            }
        }
    }
}
