package io.github.spndoctor.core.session;

import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.demo.Scenarios;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every trainer scenario through the repair session, as the wizard and the CLI run it (describe → lookup → assess on
 * the trainer's demo): the scenario's cause is ranked first, and the healthy host is called healthy.
 */
class ScenarioSessionTest {
    @TempDir
    Path home;

    @Test
    void everyScenarioRanksItsCauseFirstThroughTheSession() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            for (Scenario s : Scenarios.all(demo.dns())) {
                RepairSession r = new RepairSession(demo.directory(), SessionConfig.under(home).withNames(Optional.empty())
                        .withProbes(ProbeChoice.NONE));
                TargetName t = TargetName.parse(s.target());
                r.describe(s.errorText(), t);
                if (t.isDnsName()) {
                    r.lookup();
                }
                Assessment a = r.assess();
                String got = s.healthy() ? a.verdict().kind().name() : a.diagnosis().top().id().id();
                String want = s.healthy() ? HostVerdict.Kind.HEALTHY.name() : s.cause().id();
                if (!got.equals(want)) {
                    wrong.add(s.id() + ": " + got + " (want " + want + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
