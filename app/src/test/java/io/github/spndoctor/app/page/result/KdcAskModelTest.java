package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Result page's "each domain controller's KDC" step on the trainer demo, whose DC2 runs its own KDC over its late
 * view: after a watch that was cut short (one look) DC2's KDC still issues for the old holder, the page says which DC
 * it waited for, and the session's report records the same answers; run by itself or with the button.
 */
class KdcAskModelTest {
    @TempDir
    Path tmp;
    TrainerDemo trainer;

    @AfterEach
    void close() {
        if (trainer != null) {
            trainer.close();
        }
    }

    /** The probe pane's side: the demo never reaches the machine's Kerberos. */
    static KdcAskModel.Access access(boolean automatically, int[] credentialsMade) {
        return new KdcAskModel.Access() {
            @Override
            public ProbeCredentials credentials() {
                credentialsMade[0]++;
                return new ProbeCredentials.None();
            }

            @Override
            public ProbeEnvironment environment(ProbeCredentials c) { throw new AssertionError("not on the demo"); }

            @Override
            public boolean automatically(RepairSession r) { return automatically; }
        };
    }

    @Test
    void afterAOneLookWatch_dc2sKdcIsShownStillIssuingForTheOldHolder_andTheReportHasIt() throws Exception {
        RepairSession repair = applied(Duration.ofHours(1));
        ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ZERO);
        int[] made = {0};
        m.kdcs().setAccess(access(true, made));
        List<String> waited = new ArrayList<>();
        m.kdcs().waitingForProperty().addListener((ChangeListener<String>) (o, a, b) -> waited.add(b));
        int[] ended = {0};
        m.setOnEnd(() -> ended[0]++);
        m.start(repair);

        assertEquals(1, ended[0], "the page's end comes once, after the KDC step");
        assertFalse(m.kdcs().askingProperty().get());
        assertTrue(waited.contains("Asking DC2's KDC (dc2.rwwilden01.local) for a ticket to HTTP/srv003.rwwilden01.local… "
                + "(Stop or Esc ends the wait)"), waited.toString());
        List<KdcReport.PerDc> dcs = m.kdcs().dcs();
        assertEquals(List.of(KdcCheck.Verdict.IN_EFFECT, KdcCheck.Verdict.OLD_HOLDER), dcs.stream().map(KdcReport.PerDc::verdict).toList());
        assertTrue(m.kdcs().summaryProperty().get().contains("DC2 still issues tickets"), m.kdcs().summaryProperty().get());
        assertEquals(0, made[0], "the demo's KDCs need no login of the user's");
        String md = repair.report().toMarkdown();
        assertTrue(md.contains("Each domain controller's KDC: " + m.kdcs().summaryProperty().get()), md);
        assertTrue(md.contains(dcs.get(1).words().get(0)), md);
        assertTrue(m.kdcs().canAskProperty().get(), "it can be asked again");
    }

    @Test
    void whenTheSessionDoesNotProbeByItself_theStepWaitsForTheButton() throws Exception {
        RepairSession repair = applied(Duration.ofHours(1));
        ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ZERO);
        m.kdcs().setAccess(access(false, new int[1]));
        m.start(repair);
        assertTrue(m.kdcs().dcs().isEmpty());
        assertTrue(m.kdcs().canAskProperty().get());
        assertTrue(repair.timeline().stream().noneMatch(e -> e.kind() == TimelineEntry.Kind.PROBE), "nothing asked yet");
        m.kdcs().ask();
        assertEquals(2, m.kdcs().dcs().size());
        assertEquals(1, repair.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.PROBE).count());
    }

    @Test
    void aStoppedWatch_doesNotStartAnotherWait_andAStopWhileAskingEndsIt() throws Exception {
        RepairSession repair = applied(Duration.ofHours(1));
        ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ofMinutes(5));
        m.kdcs().setAccess(access(true, new int[1]));
        m.dcs().addListener((javafx.collections.ListChangeListener<io.github.spndoctor.core.converge.DcStatus>) c -> m.stop());
        m.start(repair);
        assertTrue(m.kdcs().dcs().isEmpty(), "Stop ends the waiting: the KDCs are not asked by themselves then");
        assertTrue(m.kdcs().canAskProperty().get());
        // Stop while DC1's KDC is asked: DC2's is not asked
        m.kdcs().waitingForProperty().addListener((ChangeListener<String>) (o, a, b) -> {
            if (b.startsWith("Asking DC1")) {
                m.stop();
            }
        });
        m.kdcs().ask();
        assertEquals(List.of("DC1"), m.kdcs().dcs().stream().map(d -> d.dc().dc().shortName()).toList());
        assertTrue(m.kdcs().summaryProperty().get().endsWith("Stopped before the rest were asked."), m.kdcs().summaryProperty().get());
    }

    @Test
    void aDemoWithoutItsKdcs_saysSoOnThePage() throws Exception {
        ReplicatedDemo bare = new ReplicatedDemo(DemoDirectory.start(), Duration.ofHours(1), Clock.systemUTC());
        try {
            RepairSession repair = session(bare);
            ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ZERO);
            m.kdcs().setAccess(access(true, new int[1]));
            m.start(repair);
            assertEquals("This demo runs without its own KDCs, so no domain controller's KDC could be asked.",
                    m.kdcs().summaryProperty().get());
            assertTrue(m.kdcs().dcs().isEmpty());
        } finally {
            bare.close();
        }
    }

    private RepairSession applied(Duration lag) throws Exception {
        trainer = TrainerDemo.unsaved(tmp.resolve("demo"), DemoDirectory.start());
        return session(new ReplicatedDemo(trainer.directory(), lag, Clock.systemUTC()));
    }

    private RepairSession session(io.github.spndoctor.core.directory.Directory dir) throws Exception {
        RepairSession s = new RepairSession(dir, new SessionConfig(tmp.resolve("journals"), new AuditLog(tmp.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, RemedySettings.DEFAULT));
        s.describe("", TargetName.parse("srv003.rwwilden01.local"));
        s.lookup();
        s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        assertTrue(s.commit(null, Optional.empty()).applied().orElseThrow().success());
        return s;
    }
}
