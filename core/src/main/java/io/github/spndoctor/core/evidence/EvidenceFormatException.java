package io.github.spndoctor.core.evidence;

/**
 * Evidence that cannot be read. The message is one plain line for the user, saying what was expected and, where it
 * helps, how to produce the right thing; it never repeats the input's bytes.
 */
public final class EvidenceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public EvidenceFormatException(String message) {
        super(message);
    }

    public EvidenceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
