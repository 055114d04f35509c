package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.model.Spn;

import java.util.Objects;

/**
 * An SPN named in the text. {@code requested} is true when the text says a client asked for it (event 4's "target
 * name used was", Kerberos events 100/101, a network trace's Sname), as opposed to an SPN merely listed. Immutable.
 */
public record SpnMention(Spn spn, String matched, boolean requested) {
    public SpnMention {
        Objects.requireNonNull(spn, "spn");
        Objects.requireNonNull(matched, "matched");
    }
}
