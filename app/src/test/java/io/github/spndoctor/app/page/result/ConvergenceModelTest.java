package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.converge.DcStatus;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            Journal journal = applied(demo);
            ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ofSeconds(20));
            List<String> seen = new ArrayList<>();
            m.dcs().addListener((ListChangeListener<DcStatus>) c ->
                    seen.add(m.dcs().stream().map(d -> d.dc().shortName() + "=" + d.state().id()).toList().toString()));
            boolean[] ended = {false};
            m.setOnEnd(() -> ended[0] = true);
            m.start(demo, journal);
            assertTrue(ended[0]);
            assertFalse(m.watchingProperty().get());
            assertEquals("[DC1=converged, DC2=stale]", seen.get(0), "the first round: " + seen);
            assertTrue(m.dcs().stream().allMatch(d -> d.state() == DcState.CONVERGED), m.dcs().toString());
            assertTrue(m.verdictProperty().get().startsWith("All 2 domain controllers hold the change (DC2 after "), m.verdictProperty().get());
            assertTrue(m.stepsProperty().get().contains("klist purge"));
            assertEquals("", m.countdownProperty().get());
        }
    }

    @Test
    void stopEndsTheWatchAndSaysSo() throws Exception {
        try (ReplicatedDemo demo = new ReplicatedDemo(DemoDirectory.start(), Duration.ofHours(1), Clock.systemUTC())) {
            Journal journal = applied(demo);
            ConvergenceModel m = new ConvergenceModel(new ImmediateTaskRunner(), Duration.ofMinutes(5));
            m.dcs().addListener((ListChangeListener<DcStatus>) c -> m.stop());
            m.start(demo, journal);
            assertFalse(m.watchingProperty().get());
            assertTrue(m.countdownProperty().get().startsWith("You stopped watching"), m.countdownProperty().get());
            assertTrue(m.verdictProperty().get().startsWith("1 of 2 domain controllers holds the change; not yet: DC2"), m.verdictProperty().get());
        }
    }

    private Journal applied(ReplicatedDemo demo) throws Exception {
        var svc = demo.readAccount("CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local").orElseThrow();
        SpnChange remove = new SpnChange.Remove(svc.ref(), Spn.parse("HTTP/srv003.rwwilden01.local"));
        Plan plan = new Plan("remove-spn", "Remove", List.of(remove), List.of(), List.of(), List.of(svc));
        Journal j = Journal.createAt(tmp.resolve("j.ldif"), demo.info(), TargetName.parse("srv003.rwwilden01.local"), plan);
        j.recordAttempt(0);
        demo.apply(remove);
        j.recordOutcome(0, new ChangeOutcome(remove, ChangeOutcome.Status.APPLIED, ""));
        return j;
    }
}
