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

    /** "95 %". */
    public String confidenceText() {
        return Math.round(confidence * 100) + " %";
    }
}
