package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.SpnChange;

/**
 * Progress callbacks from {@link PlanExecutor#apply}. Called on the applying thread (never the UI thread): a UI must
 * hand the values over with Platform.runLater. Default methods do nothing.
 */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() { };

    /** Change {@code index} (0-based) of {@code total} is about to be sent. */
    default void starting(int index, int total, SpnChange change) { }

    /** Change {@code index} finished (applied, failed, unknown or skipped). */
    default void finished(int index, int total, ChangeOutcome outcome) { }
}
