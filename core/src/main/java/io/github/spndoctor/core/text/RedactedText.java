package io.github.spndoctor.core.text;

/**
 * Text that went through {@link Redaction}: the only form in which a user's pasted text is kept, stored, saved or
 * shown. Immutable; the only way to get one is {@link #of(String)}, so code holding a {@code RedactedText} cannot
 * see a secret the text came with.
 */
public final class RedactedText {
    /** No text. */
    public static final RedactedText EMPTY = new RedactedText("");

    private final String text;

    private RedactedText(String text) {
        this.text = text;
    }

    /** Redacts {@code raw} (null counts as empty). */
    public static RedactedText of(String raw) {
        String r = Redaction.redact(raw);
        return r.isEmpty() ? EMPTY : new RedactedText(r);
    }

    /** The redacted text, never null. */
    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public int length() {
        return text.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedactedText r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The redacted text. */
    @Override
    public String toString() {
        return text;
    }
}
