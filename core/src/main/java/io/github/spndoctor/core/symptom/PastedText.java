package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.text.RedactedText;

import java.util.Objects;

/**
 * What a user pasted, as the product keeps it: the redacted text and what the parser read in it. Reading it is the
 * slow part of describing a host (a few seconds for a 10 MB paste on a small machine), so a caller with a UI reads it
 * off the UI thread and hands the result to {@code RepairSession.describe}. Immutable.
 */
public record PastedText(RedactedText text, Symptom symptom) {
    public PastedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symptom, "symptom");
    }

    /** Redacts {@code raw} (null counts as empty) and parses the redacted text: nothing secret reaches the parser. */
    public static PastedText read(String raw) {
        RedactedText redacted = RedactedText.of(raw);
        return new PastedText(redacted, SymptomParser.parse(redacted.text()));
    }
}
