package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.model.TargetName;

import java.util.Objects;

/** The server a text names as the connection target, and the words it was read from. Immutable. */
public record TargetFact(TargetName name, String matched) {
    public TargetFact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(matched, "matched");
    }

    /** Short name, FQDN, IP address or localhost. */
    public TargetName.Kind kind() { return name.kind(); }
}
