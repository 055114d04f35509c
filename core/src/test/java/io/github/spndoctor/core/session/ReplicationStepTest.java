package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.directory.DelegatingDirectory;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replication verdict after apply and after undo goes through the session into its timeline and its report
 * (Markdown and HTML), on the demo's second DC whose lag follows a test clock.
 */
class ReplicationStepTest {
    static final Duration LAG = Duration.ofSeconds(6);
    static final String HOST = "srv003.rwwilden01.local";
    @TempDir
    Path home;
    DemoDirectory demo;
    ReplicatedDemo replicated;
    final MovingClock clock = new MovingClock();

    static final class MovingClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }

        void pass(Duration d) { now = now.plus(d); }
    }

    @BeforeEach
    void start() {
        demo = DemoDirectory.start();
        replicated = new ReplicatedDemo(demo, LAG, clock);
    }

    @AfterEach
    void stop() { demo.close(); }

    RepairSession session(io.github.spndoctor.core.directory.Directory dir) throws Exception {
        RepairSession s = new RepairSession(dir, new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, RemedySettings.DEFAULT));
        s.describe(CommonSymptom.UNKNOWN_SECURITY_ERROR.text(), TargetName.parse(HOST));
        s.lookup();
        return s;
    }

    static void commit(RepairSession s) throws Exception {
        s.confirm();
        Commit c = s.commit(null, Optional.empty());
        assertTrue(c.applied().isPresent() && c.applied().get().success(), c.toString());
    }

    List<TimelineEntry> replication(RepairSession s) {
        return s.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.REPLICATION).toList();
    }

    @Test
    void applyThenUndo_eachRecordsWhatEveryDcHeld_inTheTimelineAndBothReportFormats() throws Exception {
        RepairSession s = session(replicated);
        assertThrows(IllegalStateException.class, () -> s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false));
        s.plan(Remedies.REMOVE_SPN);
        commit(s);

        WatchOutcome held = s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false);
        assertEquals(WatchOutcome.Ending.LIMIT, held.ending());
        ConvergenceReport first = held.report().orElseThrow();
        assertEquals(DcState.CONVERGED, first.dc("DC1").orElseThrow().state());
        assertEquals(DcState.STALE, first.dc("DC2").orElseThrow().state());
        clock.pass(LAG.plusSeconds(1));
        WatchOutcome caught = s.watchReplication(Duration.ofSeconds(5), (r, left) -> { }, () -> false);
        assertTrue(caught.converged(), caught.verdict());

        s.planUndo();
        commit(s);
        WatchOutcome undoHeld = s.watchReplication(Duration.ZERO, (r, left) -> { }, () -> false);
        assertEquals(DcState.STALE, undoHeld.report().orElseThrow().dc("DC2").orElseThrow().state(), undoHeld.verdict());
        clock.pass(LAG.plusSeconds(1));
        assertTrue(s.watchReplication(Duration.ofSeconds(5), (r, left) -> { }, () -> false).converged());

        List<TimelineEntry> rep = replication(s);
        assertEquals(4, rep.size(), s.timeline().toString());
        assertEquals("After the fix: " + held.verdict(), rep.get(0).title());
        assertTrue(rep.get(0).title().contains("not yet: DC2"), rep.get(0).title());
        assertTrue(rep.get(0).title().endsWith("(One look; not watched longer.)"), rep.get(0).title());
        assertTrue(rep.get(1).title().startsWith("After the fix: All 2 domain controllers hold the change"), rep.get(1).title());
        assertTrue(rep.get(2).title().startsWith("After the undo: 1 of 2 domain controllers holds the change; not yet: DC2"), rep.get(2).title());
        assertTrue(rep.get(3).title().startsWith("After the undo: All 2 domain controllers hold the change"), rep.get(3).title());
        assertTrue(rep.get(0).detail().contains("dc2.rwwilden01.local") && rep.get(0).detail().contains("not yet"), rep.get(0).detail());
        assertTrue(rep.get(0).detail().contains("klist purge"), rep.get(0).detail());

        // the order of the steps: apply, check, replication x2, undo, check, replication x2
        List<TimelineEntry.Kind> kinds = s.timeline().stream().map(TimelineEntry::kind)
                .filter(k -> k == TimelineEntry.Kind.APPLY || k == TimelineEntry.Kind.UNDO || k == TimelineEntry.Kind.CHECK
                        || k == TimelineEntry.Kind.REPLICATION).toList();
        assertEquals(List.of(TimelineEntry.Kind.APPLY, TimelineEntry.Kind.CHECK, TimelineEntry.Kind.REPLICATION,
                TimelineEntry.Kind.REPLICATION, TimelineEntry.Kind.UNDO, TimelineEntry.Kind.CHECK,
                TimelineEntry.Kind.REPLICATION, TimelineEntry.Kind.REPLICATION), kinds);

        SessionReport report = s.report();
        String md = report.toMarkdown();
        int fixAt = md.indexOf("Replication to every DC - After the fix: 1 of 2 domain controllers holds the change; not yet: DC2");
        int undoAt = md.indexOf("Replication to every DC - After the undo: 1 of 2 domain controllers holds the change; not yet: DC2");
        assertTrue(fixAt > 0 && undoAt > fixAt, md);
        assertTrue(md.indexOf("dc2.rwwilden01.local", fixAt) > fixAt, "the per-DC table follows the verdict:\n" + md);
        String html = report.toHtml();
        assertTrue(html.contains("Replication to every DC - After the fix: All 2 domain controllers hold the change"), html);
        assertTrue(html.contains("Replication to every DC - After the undo: 1 of 2 domain controllers holds the change"), html);
        assertTrue(html.matches("(?s).*<pre>[^<]*dc2\\.rwwilden01\\.local[^<]*not yet.*"), "the table as preformatted text:\n" + html);
    }

    @Test
    void aStoppedWatch_saysItWasStopped_andIsNotCountedConverged() throws Exception {
        RepairSession s = session(replicated);
        s.plan(Remedies.REMOVE_SPN);
        commit(s);
        WatchOutcome o = s.watchReplication(Duration.ofMinutes(5), (r, left) -> { }, () -> true);
        assertEquals(WatchOutcome.Ending.STOPPED, o.ending());
        assertFalse(o.converged());
        String title = replication(s).get(0).title();
        assertTrue(title.contains("not yet: DC2") && title.endsWith("The watch was stopped before every domain controller had it."), title);
    }

    @Test
    void aConnectionThatCannotReadItsDcs_isRecordedAsNotChecked_neverAsConverged() throws Exception {
        // the plain demo directory has no replicas: nothing to read DC by DC
        RepairSession s = session(new DelegatingDirectory(demo) {
            @Override
            public void close() { }
        });
        s.plan(Remedies.REMOVE_SPN);
        commit(s);
        WatchOutcome o = s.watchReplication(Duration.ofSeconds(3), (r, left) -> { }, () -> false);
        assertEquals(WatchOutcome.Ending.NOT_CHECKED, o.ending());
        assertFalse(o.converged());
        assertTrue(o.report().isEmpty());
        assertTrue(replication(s).get(0).title().contains("was not checked"), replication(s).toString());
        assertTrue(s.report().toMarkdown().contains("was not checked"));
    }
}
