package io.github.spndoctor.core.remedy;

/** A remedy cannot be planned for this lookup; the message says why in plain words. */
public final class NotApplicableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NotApplicableException(String message) {
        super(message);
    }
}
