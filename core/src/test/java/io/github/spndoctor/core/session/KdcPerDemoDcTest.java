package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "then each DC's KDC" on the trainer demo: the simulated DC2 has its own real (Kerby) KDC that chooses
 * the account from DC2's late view, so right after the fix DC2's KDC still issues the removed SPN's ticket with the
 * old holder's key and DC1's does not; once DC2 has caught up both are in effect. Recorded in the report. Also: a
 * stop asks nothing more, and a demo without its KDCs says so instead of pretending.
 */
class KdcPerDemoDcTest {
    static final Duration LAG = Duration.ofSeconds(6);
    static final String HOST = "srv003.rwwilden01.local";
    /** Never used on the demo: its own KDCs are found first. */
    static final Supplier<ProbeEnvironment> NOT_THE_NETWORK = () -> {
        throw new AssertionError("the demo must not ask the machine's Kerberos");
    };
    @TempDir
    Path home;
    DemoDirectory demo;
    TrainerDemo trainer;
    final ReplicationStepTest.MovingClock clock = new ReplicationStepTest.MovingClock();

    @BeforeEach
    void start() {
        demo = DemoDirectory.start();
        trainer = TrainerDemo.unsaved(home.resolve("demo"), demo);
    }

    @AfterEach
    void stop() { trainer.close(); }

    RepairSession fixed(Directory dir) throws Exception {
        RepairSession s = new RepairSession(dir, new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, RemedySettings.DEFAULT));
        s.describe(CommonSymptom.UNKNOWN_SECURITY_ERROR.text(), TargetName.parse(HOST));
        s.lookup();
        s.plan(Remedies.REMOVE_SPN);
        ReplicationStepTest.commit(s);
        return s;
    }

    @Test
    void dc2sOwnKdcIssuesForTheOldHolderUntilItCatchesUp_andTheReportSaysSo() throws Exception {
        RepairSession s = fixed(new ReplicatedDemo(trainer.directory(), LAG, clock));
        WatchOutcome held = s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false);
        List<String> asking = new ArrayList<>();
        KdcReport before = s.askKdcs(held, NOT_THE_NETWORK, (dc, spn) -> asking.add(dc.shortName() + " " + spn), () -> false);

        assertEquals(List.of("DC1 HTTP/" + HOST, "DC2 HTTP/" + HOST), asking, "each DC's KDC, told before it is asked");
        List<KdcReport.PerDc> dcs = before.perDc();
        assertEquals(2, dcs.size(), before.toString());
        assertEquals(KdcCheck.Verdict.IN_EFFECT, dcs.get(0).verdict(), dcs.get(0).words().toString());
        assertEquals(KdcCheck.Verdict.OLD_HOLDER, dcs.get(1).verdict(), dcs.get(1).words().toString());
        KdcCheck.DcTicket dc1 = before.tickets().get(0);
        KdcCheck.DcTicket dc2 = before.tickets().get(1);
        assertEquals(1, dc1.keyOf().size());
        assertEquals(1, dc2.keyOf().size());
        assertNotEquals(dc1.keyOf(), dc2.keyOf(), "two different accounts' keys");
        String removedFrom = held.report().orElseThrow().expected().get(0).account().samAccountName();
        assertEquals(List.of(removedFrom), dc2.keyOf(), "DC2 still issues with the account the SPN was removed from");
        assertTrue(before.summary().contains("DC2 still issues tickets with the key of the account the SPN was removed from"), before.summary());

        clock.pass(LAG.plusSeconds(1));
        WatchOutcome caught = s.watchReplication(Duration.ofSeconds(3), (r, left) -> { }, () -> false);
        assertTrue(caught.converged(), caught.verdict());
        KdcReport after = s.askKdcs(caught, NOT_THE_NETWORK, KdcCheck.Progress.NONE, () -> false);
        assertTrue(after.perDc().stream().allMatch(d -> d.verdict() == KdcCheck.Verdict.IN_EFFECT), after.toString());
        assertEquals(dc1.keyOf(), after.tickets().get(1).keyOf(), "DC2 now issues as DC1 did");

        List<String> kdcSteps = s.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.PROBE)
                .map(TimelineEntry::title).toList();
        assertEquals(List.of("Each domain controller's KDC: " + before.summary(), "Each domain controller's KDC: " + after.summary()), kdcSteps);
        String md = s.report().toMarkdown();
        assertTrue(md.contains(dc2.words()), md);

        // the undo puts the SPN back on the service account: DC1's KDC issues with its key again, DC2's not yet
        s.planUndo();
        ReplicationStepTest.commit(s);
        KdcReport undone = s.askKdcs(s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false), NOT_THE_NETWORK,
                KdcCheck.Progress.NONE, () -> false);
        assertEquals(List.of(KdcCheck.Verdict.IN_EFFECT, KdcCheck.Verdict.NOT_YET),
                undone.perDc().stream().map(KdcReport.PerDc::verdict).toList(), undone.toString());
        assertEquals(List.of(removedFrom), undone.tickets().get(0).keyOf());
        assertTrue(undone.tickets().get(1).words().endsWith("The change has not reached DC2 yet, so its KDC still answers as before."),
                undone.tickets().get(1).words());
        assertTrue(undone.summary().endsWith("1 of 2 answer with the change in effect; the others: DC2 (not in effect yet)."), undone.summary());
    }

    @Test
    void aStopAsksNoFurtherKdc() throws Exception {
        RepairSession s = fixed(new ReplicatedDemo(trainer.directory(), LAG, clock));
        WatchOutcome held = s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false);
        List<DomainController> asked = new ArrayList<>();
        boolean[] stop = {false};
        KdcReport r = s.askKdcs(held, NOT_THE_NETWORK, (dc, spn) -> {
            asked.add(dc);
            stop[0] = true;   // the user presses Stop while DC1's KDC is asked
        }, () -> stop[0]);
        assertEquals(1, asked.size());
        assertEquals(1, r.tickets().size());
        assertTrue(r.stopped());
        assertTrue(r.summary().endsWith("Stopped before the rest were asked."), r.summary());
    }

    @Test
    void aDemoWithoutItsKdcs_saysSo_andAsksNothing() throws Exception {
        RepairSession s = fixed(new ReplicatedDemo(demo, LAG, clock));   // the bare demo directory: no trainer, no KDC
        WatchOutcome held = s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false);
        KdcReport r = s.askKdcs(held, NOT_THE_NETWORK, (dc, spn) -> { throw new AssertionError("asked " + dc); }, () -> false);
        assertTrue(r.tickets().isEmpty());
        assertFalse(r.stopped());
        assertEquals("This demo runs without its own KDCs, so no domain controller's KDC could be asked.", r.summary());
    }

    @Test
    void dc2sViewTakesBackOnlyWhatHasNotReachedIt() throws Exception {
        ReplicatedDemo rep = new ReplicatedDemo(trainer.directory(), LAG, clock);
        RepairSession s = fixed(rep);
        Spn spn = Spn.parse("HTTP/" + HOST);
        DomainController dc1 = rep.dc("dc1.rwwilden01.local").orElseThrow();
        DomainController dc2 = rep.dc("DC2.rwwilden01.local").orElseThrow();
        assertFalse(rep.lags(dc1));
        assertTrue(rep.lags(dc2));
        assertEquals(List.of(), rep.viewOf(dc1).findHolders(spn));
        assertEquals(1, rep.viewOf(dc2).findHolders(spn).size());
        assertTrue(rep.viewOf(dc2).findHolders(spn).get(0).holds(spn));
        clock.pass(LAG.plusSeconds(1));
        assertEquals(List.of(), rep.viewOf(dc2).findHolders(spn));
        assertTrue(s.wroteToDirectory());
    }
}
