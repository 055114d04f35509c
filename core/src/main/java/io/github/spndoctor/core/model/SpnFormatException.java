package io.github.spndoctor.core.model;

/** Thrown when a text is not a well-formed SPN; the message says what is wrong in plain words. */
public final class SpnFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpnFormatException(String message) {
        super(message);
    }
}
