package io.github.spndoctor.core.diagnosis;

import java.util.List;
import java.util.Objects;

/** A cause with its confidence (0..1) and the evidence for and against it. Immutable. */
public record RankedCause(CauseId id, double confidence, List<Evidence> evidence) {
    public RankedCause {
        Objects.requireNonNull(id, "id");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        evidence = List.copyOf(evidence);
    }
}
