package io.github.spndoctor.app.plan;

/** Told, from the worker thread, when a change (by its index in the plan) moves to a new status. */
@FunctionalInterface
public interface ApplyListener {
    void changed(int index, ChangeStatus status, String message);
}
