package io.github.spndoctor.core.apply;

/** Where one change of a plan stands while it is applied; shown as words (and a symbol), never colour alone. */
public enum ChangeProgress {
    WAITING("Waiting"), APPLYING("Applying…"), APPLIED("✓ Applied"), RESTORED("✓ Restored"), FAILED("✗ Failed"),
    UNKNOWN("? Unknown (the connection broke; check again)"), NOT_ATTEMPTED("Not attempted");

    private final String text;

    ChangeProgress(String text) { this.text = text; }

    public String text() { return text; }

    /** The progress an outcome of an undo ends in: a change that put the earlier state back reads "Restored". */
    public static ChangeProgress of(ChangeOutcome.Status s, boolean undo) {
        return undo && s == ChangeOutcome.Status.APPLIED ? RESTORED : of(s);
    }

    /** The progress an outcome ends in. */
    public static ChangeProgress of(ChangeOutcome.Status s) {
        return switch (s) {
            case APPLIED -> APPLIED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
            case NOT_ATTEMPTED -> NOT_ATTEMPTED;
        };
    }
}
