package io.github.spndoctor.app.ui;

/** Style-class names used by the views (defined in app.css). */
public final class Styles {
    public static final String HEADING = "heading";
    public static final String INSTRUCTION = "main-instruction";
    public static final String BANNER = "mode-banner";
    public static final String STEP = "step";
    public static final String STEP_CURRENT = "step-current";
    public static final String STEP_DONE = "step-done";
    public static final String ERROR = "error-text";
    public static final String NOTE = "note";
    /** A text coloured by its {@link Tone} (a pseudo-class set with {@link Tone#applyTo}). */
    public static final String TONED = "toned";
    /** Bold text (a state word in a table of DCs). */
    public static final String STRONG = "strong";
    public static final String CODE = "code";
    public static final String CARD = "card";
    public static final String PAGE = "page";

    private Styles() {}
}
