package io.github.spndoctor.core.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceTest {
    @Test
    void bands_atTheirDocumentedThresholds() {
        assertEquals(Confidence.VERY_LIKELY, Confidence.of(0.80));
        assertEquals(Confidence.LIKELY, Confidence.of(0.7999));
        assertEquals(Confidence.LIKELY, Confidence.of(0.55));
        assertEquals(Confidence.POSSIBLE, Confidence.of(0.5499));
        assertEquals(Confidence.POSSIBLE, Confidence.of(0.25));
        assertEquals(Confidence.UNLIKELY, Confidence.of(0.2499));
        assertEquals(Confidence.UNLIKELY, Confidence.of(0));
        assertEquals(Confidence.UNLIKELY, Confidence.of(Double.NaN));
        assertEquals(Confidence.VERY_LIKELY, Confidence.of(1));
    }

    @Test
    void words_labelsAndIds() {
        assertEquals("very likely", Confidence.VERY_LIKELY.words());
        assertEquals("Very likely", Confidence.VERY_LIKELY.label());
        assertEquals("very-likely", Confidence.VERY_LIKELY.id());
        assertEquals("possible", Confidence.POSSIBLE.words());
    }

    @Test
    void of_isMonotonic_seeded() {
        Random r = new Random(20261201L);
        for (int i = 0; i < 5_000; i++) {
            double a = r.nextDouble();
            double b = r.nextDouble();
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            // a higher confidence never gets weaker words (enum order: strongest first)
            assertTrue(Confidence.of(hi).ordinal() <= Confidence.of(lo).ordinal(), lo + " vs " + hi);
        }
    }

    @Test
    void aGenericErrorAloneIsPossible_notLikely() {
        Diagnosis d = Diagnoser.diagnose(io.github.spndoctor.core.symptom.SymptomParser.parse("0x80090322"),
                java.util.Optional.empty());
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.top().id());
        assertEquals(Confidence.POSSIBLE, Confidence.of(d.top()));
    }
}
