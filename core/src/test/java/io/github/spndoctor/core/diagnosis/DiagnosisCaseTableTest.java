package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every case in the table ranks its expected cause first (text alone, no directory). */
class DiagnosisCaseTableTest {
    static List<CaseTable> cases() {
        return CaseTable.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diagnose_ranksExpectedCauseFirst_fromTextAlone(CaseTable c) {
        Diagnosis d = Diagnoser.diagnose(SymptomParser.parse(c.text()), Optional.empty());
        String ranking = d.causes().stream().limit(5)
                .map(rc -> rc.id().id() + " " + rc.confidence()).collect(Collectors.joining(", "));
        assertEquals(c.expect(), d.top().id(), c.name() + " (" + c.source() + "): ranking was " + ranking);
        c.top3().ifPresent(t -> assertTrue(d.rank(t) >= 1 && d.rank(t) <= 3,
                c.name() + ": " + t.id() + " should be in the top three; ranking was " + ranking));
    }

    @Test
    void table_hasAtLeastTwoCasesPerCause() {
        Map<CauseId, Long> counts = new EnumMap<>(CauseId.class);
        for (CaseTable c : cases()) {
            counts.merge(c.expect(), 1L, Long::sum);
        }
        for (CauseId id : CauseId.values()) {
            assertTrue(counts.getOrDefault(id, 0L) >= 2, id.id() + " has " + counts.getOrDefault(id, 0L) + " cases");
        }
    }

    @Test
    void table_coversEverySeed() {
        List<String> names = cases().stream().map(CaseTable::name).toList();
        for (String seed : List.of("seed000", "seed001", "seed002", "seed003")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(seed)), seed + " has no case");
        }
    }
}
