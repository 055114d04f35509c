package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.ui.Messages;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Navigation state of the wizard shell: the current page, the pages visited (Back returns to the page actually
 * visited), busy, committed, and the labels and states of Back / primary / Cancel. Runs on the UI thread; no Nodes.
 */
public final class WizardModel {
    private final Map<Step, PageModel> pages = new EnumMap<>(Step.class);
    private final Deque<Step> history = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<PageModel> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper committed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper primaryLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mainInstruction = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cancelLabel = new ReadOnlyStringWrapper(Messages.get("button.cancel"));
    private final Runnable closer;
    private final ReadOnlyStringWrapper waitNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingFor = new ReadOnlyStringWrapper("");
    private java.util.function.BooleanSupplier closeGuard = () -> true;

    /**
     * @param closer closes the wizard window (Cancel / Close)
     */
    public WizardModel(Iterable<PageModel> pageModels, Runnable closer) {
        for (PageModel p : pageModels) {
            pages.put(p.step(), p);
        }
        for (Step s : Step.values()) {
            Objects.requireNonNull(pages.get(s), "no page for " + s);
        }
        this.closer = closer;
        committed.addListener((o, a, b) -> updateCancelLabel());
        busy.addListener((o, a, b) -> waitNotice.set(""));
        current.addListener((o, a, b) -> updateCancelLabel());
    }

    /** Shows the first page. */
    public void start() {
        show(Step.CONNECT);
    }

    public PageModel page(Step step) { return pages.get(step); }

    public ReadOnlyObjectProperty<PageModel> currentProperty() { return current.getReadOnlyProperty(); }

    public Step currentStep() { return current.get().step(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty committedProperty() { return committed.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canGoBackProperty() { return canGoBack.getReadOnlyProperty(); }

    public ReadOnlyStringProperty primaryLabelProperty() { return primaryLabel.getReadOnlyProperty(); }

    public ReadOnlyStringProperty mainInstructionProperty() { return mainInstruction.getReadOnlyProperty(); }

    public ReadOnlyStringProperty cancelLabelProperty() { return cancelLabel.getReadOnlyProperty(); }

    /** What the current page waits for while busy (see {@link PageModel#waitingFor()}). */
    public ReadOnlyStringProperty waitingForProperty() { return waitingFor.getReadOnlyProperty(); }

    /** Set when Stop was asked for work that cannot be stopped (an apply in progress); cleared when the wait ends. */
    public ReadOnlyStringProperty waitNoticeProperty() { return waitNotice.getReadOnlyProperty(); }

    /**
     * Decides whether Cancel / Close / the window's close box may close the wizard (the shell asks the user when a
     * plan is under way or changes were applied); by default always.
     */
    public void setCloseGuard(java.util.function.BooleanSupplier guard) { this.closeGuard = guard; }

    /** True when the wizard may close now: never while busy, otherwise as the close guard says. */
    public boolean mayClose() {
        return !busy.get() && closeGuard.getAsBoolean();
    }

    /** True when a plan waits to be applied on the Review page, or a change was applied in this session. */
    public boolean workUnderWay() {
        PageModel page = current.get();
        return committed.get() || (page != null && page.commits() && !primaryLabel.get().isEmpty());
    }

    /** Records that a change was written to the directory: from now on Cancel reads Close. */
    public void markCommitted() { committed.set(true); }

    /** The primary button. Ignored while busy. */
    public void next() {
        PageModel page = current.get();
        if (page == null || busy.get() || primaryLabel.get().isEmpty()) {
            return;
        }
        page.next(() -> {
            if (current.get() == page) {
                history.push(page.step());
                show(page.step().next());
            }
        });
    }

    /** Back: to the page visited before this one. */
    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        show(history.pop());
    }

    /** Jumps to {@code step} (e.g. Result → Review to preview an undo), remembering the current page for Back. */
    public void goTo(Step step) {
        if (busy.get()) {
            return;
        }
        history.push(current.get().step());
        show(step);
    }

    /**
     * Cancel or Esc: while busy it stops the background work (and never closes: work that cannot be stopped says so);
     * otherwise it closes the wizard once the close guard agrees.
     */
    public void cancel() {
        PageModel page = current.get();
        if (busy.get()) {
            if (page == null || !page.stopWork()) {
                waitNotice.set(Messages.get("wait.cannotStop"));
            }
            return;
        }
        if (closeGuard.getAsBoolean()) {
            closer.run();
        }
    }

    private void show(Step step) {
        PageModel page = pages.get(step);
        busy.unbind();
        primaryLabel.unbind();
        mainInstruction.unbind();
        canGoBack.unbind();
        busy.bind(page.busyProperty());
        waitingFor.unbind();
        waitingFor.bind(page.waitingFor());
        primaryLabel.bind(page.primaryLabel());
        mainInstruction.bind(page.mainInstruction());
        BooleanBinding back = io.github.spndoctor.app.ui.Bind.bool(
                () -> !busy.get() && !history.isEmpty() && page.allowsBack(), busy);
        canGoBack.bind(back);
        page.onEnter();
        current.set(page);
    }

    private void updateCancelLabel() {
        PageModel page = current.get();
        boolean close = committed.get() || (page != null && page.step() == Step.RESULT);
        cancelLabel.set(Messages.get(close ? "button.close" : "button.cancel"));
    }
}
