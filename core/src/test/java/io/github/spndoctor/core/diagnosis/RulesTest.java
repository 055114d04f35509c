package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.symptom.KnownError;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {
    @Test
    void everyKnownError_speaksForAtLeastOneCause() {
        Set<KnownError> used = EnumSet.noneOf(KnownError.class);
        for (Rule r : Rules.all()) {
            if (r.weight() > 0) {
                r.when().stream().filter(KnownError.class::isInstance).map(KnownError.class::cast).forEach(used::add);
            }
        }
        Set<KnownError> unused = EnumSet.complementOf(EnumSet.copyOf(used));
        unused.remove(KnownError.WEF_WINRM_ERROR); // a wrapper code: the error inside it decides
        assertEquals(Set.of(), unused, "errors no rule uses");
    }

    @Test
    void everyCause_isReachableFromText() {
        Set<CauseId> reached = EnumSet.noneOf(CauseId.class);
        Rules.all().stream().filter(r -> r.weight() > 0).forEach(r -> reached.add(r.cause()));
        assertEquals(EnumSet.allOf(CauseId.class), reached);
    }

    @Test
    void rule_rejectsBadWeightsAndConditions() {
        assertThrows(IllegalArgumentException.class, () -> new Rule(CauseId.UNKNOWN, 1.0, List.of(KnownError.E_ACCESSDENIED), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule(CauseId.UNKNOWN, 0.0, List.of(KnownError.E_ACCESSDENIED), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule(CauseId.UNKNOWN, 0.5, List.of(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule(CauseId.UNKNOWN, 0.5, List.of("a string"), "x"));
    }

    @Test
    void everyRule_hasAReason() {
        for (Rule r : Rules.all()) {
            assertTrue(r.why().length() > 10, r.toString());
        }
    }
}
