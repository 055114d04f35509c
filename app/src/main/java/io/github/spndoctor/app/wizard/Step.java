package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.ui.Messages;

import java.util.Locale;

/** The wizard's pages, in order. One wizard, one task: find and fix the SPN problem behind a symptom. */
public enum Step {
    CONNECT, SYMPTOM, LOOKUP, DIAGNOSIS, REMEDY, REVIEW, RESULT;

    /** Short name in the step list, e.g. "Look up". */
    public String title() {
        return Messages.get("step." + name().toLowerCase(Locale.ROOT));
    }

    /** 1-based position. */
    public int number() { return ordinal() + 1; }

    /** The following step, or this one when it is the last. */
    public Step next() {
        Step[] all = values();
        return ordinal() + 1 < all.length ? all[ordinal() + 1] : this;
    }
}
