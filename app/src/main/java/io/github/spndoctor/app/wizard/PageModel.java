package io.github.spndoctor.app.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The model of one wizard page. Holds the page's state as observable properties and never touches a Node. The
 * wizard calls {@link #onEnter()} when the page is shown and {@link #next(Runnable)} when the user presses the
 * primary button; the page validates, does any background work, and calls {@code proceed} when the wizard may move on.
 */
public interface PageModel {
    Step step();

    /** The main instruction shown in the header. */
    ObservableStringValue mainInstruction();

    /** Label of the primary button (with a mnemonic), e.g. "_Next" or "_Apply 1 change"; empty hides it. */
    ObservableStringValue primaryLabel();

    /** True while the page waits for background work; the wizard then disables Back and the primary button. */
    ReadOnlyBooleanProperty busyProperty();

    /** Called each time the page becomes current. */
    void onEnter();

    /** The primary button: validate (showing errors on the page), finish any work, then run {@code proceed}. */
    void next(Runnable proceed);

    /**
     * What the page waits for while busy, in one sentence that names the server ("Looking up srv003 in dc1…"); the
     * wizard shows it with the elapsed time and Stop. By default the main instruction.
     */
    default ObservableStringValue waitingFor() { return mainInstruction(); }

    /**
     * Cancel (Esc) while busy: stop waiting for the background work and say so on the page. Returns true when
     * something was stopped; a page whose work must not be interrupted (an apply in progress) returns false.
     */
    default boolean stopWork() { return false; }

    /** False on pages you cannot leave backwards (after a change was applied). */
    default boolean allowsBack() { return true; }

    /** True when the primary button commits a change to the directory (then Enter must not trigger it on live). */
    default boolean commits() { return false; }
}
