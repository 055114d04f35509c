package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.converge.DcStatus;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import javafx.collections.ListChangeListener;
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

/** The Result page's convergence part on the demo's lagging second DC. */
class ConvergenceModelTest {
    @TempDir
    Path tmp;

    @Test
    void watchesUntilTheSecondDcHasTheChangeThenShowsTheVerdictAndClientSteps() throws Exception {
        try (ReplicatedDemo demo = new ReplicatedDemo(DemoDirectory.start(), Duration.ofMillis(1500), Clock.systemUTC())) {
            RepairSession repair = applied(demo);
            ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ofSeconds(20));
            List<String> seen = new ArrayList<>();
            m.dcs().addListener((ListChangeListener<DcStatus>) c ->
                    seen.add(m.dcs().stream().map(d -> d.dc().shortName() + "=" + d.state().id()).toList().toString()));
            boolean[] ended = {false};
            m.setOnEnd(() -> ended[0] = true);
            m.start(repair);
            assertTrue(ended[0]);
            assertFalse(m.watchingProperty().get());
            assertEquals("[DC1=converged, DC2=stale]", seen.get(0), "the first round: " + seen);
            assertTrue(m.dcs().stream().allMatch(d -> d.state() == DcState.CONVERGED), m.dcs().toString());
            assertTrue(m.verdictProperty().get().startsWith("All 2 domain controllers hold the change (DC2 after "), m.verdictProperty().get());
            assertTrue(m.stepsProperty().get().contains("klist purge"));
            assertEquals("", m.countdownProperty().get());
            // the same verdict is in the session's report, recorded by the core watch the page ran
            String md = repair.report().toMarkdown();
            assertTrue(md.contains("Replication to every DC - After the fix: " + m.verdictProperty().get()), md);
        }
    }

    @Test
    void stopEndsTheWatchAndSaysSo() throws Exception {
        try (ReplicatedDemo demo = new ReplicatedDemo(DemoDirectory.start(), Duration.ofHours(1), Clock.systemUTC())) {
            RepairSession repair = applied(demo);
            ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ofMinutes(5));
            m.dcs().addListener((ListChangeListener<DcStatus>) c -> m.stop());
            m.start(repair);
            assertFalse(m.watchingProperty().get());
            assertTrue(m.countdownProperty().get().startsWith("You stopped watching"), m.countdownProperty().get());
            assertTrue(m.verdictProperty().get().startsWith("1 of 2 domain controllers holds the change; not yet: DC2"), m.verdictProperty().get());
            assertTrue(repair.report().toHtml().contains("The watch was stopped before every domain controller had it."));
        }
    }

    /** A session that applied remove-spn for srv003 on the lagging demo, through the core session like the wizard. */
    private RepairSession applied(ReplicatedDemo demo) throws Exception {
        RepairSession s = new RepairSession(demo, new SessionConfig(tmp.resolve("journals"), new AuditLog(tmp.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, RemedySettings.DEFAULT));
        s.describe("", TargetName.parse("srv003.rwwilden01.local"));
        s.lookup();
        s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        assertTrue(s.commit(null, Optional.empty()).applied().orElseThrow().success());
        return s;
    }
}
