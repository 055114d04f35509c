package io.github.spndoctor.app.page.diagnosis;

import java.util.List;

/**
 * One ranked cause as the Diagnosis page shows it: id, title, confidence (0..1), evidence lines (each marked for or
 * against), the plain-language "why", and what to check next. Immutable.
 */
public record CauseCard(String id, String title, double confidence, List<String> evidence, String why,
                        List<String> checks) {
    public CauseCard {
        evidence = List.copyOf(evidence);
        checks = List.copyOf(checks);
    }

    /** The confidence in words, "Very likely" (core's {@code Confidence}, ADR 0203). */
    public String confidenceText() {
        return io.github.spndoctor.core.diagnosis.Confidence.of(confidence).label();
    }

    /** The number, for details: "0.62". */
    public String confidenceNumber() {
        return String.format(java.util.Locale.ROOT, "%.2f", confidence);
    }
}
