package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario, diagnosed the way the wizard and the CLI do it, ranks its own cause first. */
class ScenariosTest {
    static TrainerDemo demo;

    @BeforeAll
    static void open() throws Exception {
        demo = TrainerDemo.open(Files.createTempDirectory("spn-demo-scenarios"));
    }

    @AfterAll
    static void close() { demo.close(); }

    static List<Scenario> scenarios() {
        try (TrainerDemo d = TrainerDemo.open(Path.of(System.getProperty("java.io.tmpdir"), "spn-demo-list-" + System.nanoTime()))) {
            return Scenarios.all(d.dns());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void diagnosisRanksTheScenariosCauseFirst(Scenario s) throws Exception {
        TargetName target = TargetName.parse(s.target());
        Diagnosis d;
        if (target.isDnsName()) {
            LookupResult lookup = demo.directory().lookup(target);
            Optional<NameFacts> names = Optional.of(NameFacts.check(lookup.target(),
                    lookup.computer().flatMap(Account::dnsHostName), demo.dns()));
            d = Diagnoser.diagnose(SymptomParser.parse(s.errorText()), Optional.of(lookup), names);
            if (s.healthy()) {
                assertTrue(LookupClassifier.classify(lookup).isEmpty(), "a healthy host has no directory problem: "
                        + LookupClassifier.classify(lookup));
                return;
            }
        } else {
            d = Diagnoser.diagnose(SymptomParser.parse(s.errorText()), Optional.empty(),
                    Optional.of(NameFacts.check(target, Optional.empty(), demo.dns())));
        }
        assertEquals(s.cause(), d.top().id(), s.id() + ": " + d.causes());
    }

    @org.junit.jupiter.api.Test
    void scenariosHaveDistinctIdsPlainTextAndEveryCauseOnce() {
        List<Scenario> all = Scenarios.all(demo.dns());
        assertEquals(8, all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(Scenario::id).toList()).size());
        for (Scenario s : all) {
            assertFalse(s.story().contains("{") || s.story().contains("TODO"), s.id());
            assertTrue(s.healthy() == (s.cause() == CauseId.UNKNOWN), s.id());
            assertTrue(s.healthy() || !s.remedyIds().isEmpty(), s.id());
        }
        assertEquals("192.0.2.", Scenarios.byId(demo.dns(), "by-ip").orElseThrow().target().substring(0, 8));
    }
}
