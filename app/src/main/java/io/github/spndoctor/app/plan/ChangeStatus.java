package io.github.spndoctor.app.plan;

import io.github.spndoctor.app.ui.Messages;

import java.util.Locale;

/** Where one change of a plan stands while it is applied. Shown as text (and a symbol), never colour alone. */
public enum ChangeStatus {
    WAITING, APPLYING, APPLIED, FAILED, UNKNOWN, NOT_ATTEMPTED;

    public String text() {
        return Messages.get("change.status." + name().toLowerCase(Locale.ROOT));
    }
}
