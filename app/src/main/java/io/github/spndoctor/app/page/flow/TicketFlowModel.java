package io.github.spndoctor.app.page.flow;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.core.flow.FlowLayout;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.flow.TicketFlowSvg;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The ticket-flow picture's model: the flow the repair session draws from the directory as it is now (redrawn on
 * {@link #refresh()}, off the UI thread), its layout, and how many steps are shown while a trainer steps through it.
 * Saving (PNG bytes from the view, SVG from core) writes off the UI thread. Used on the UI thread.
 */
public final class TicketFlowModel {
    private final TaskRunner runner;
    private final Supplier<RepairSession> session;
    private final ReadOnlyObjectWrapper<TicketFlow> flow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FlowLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private TaskRunner.Handle running;

    public TicketFlowModel(TaskRunner runner, Supplier<RepairSession> session) {
        this.runner = runner;
        this.session = session;
        shown.addListener((o, a, b) -> updatePosition());
        flow.addListener((o, a, b) -> updatePosition());
    }

    /** The flow drawn last; null before the first one or when the host cannot use Kerberos (an address). */
    public ReadOnlyObjectProperty<TicketFlow> flowProperty() { return flow.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<FlowLayout> layoutProperty() { return layout.getReadOnlyProperty(); }

    /** Steps shown: all of them after a redraw; fewer while stepping through. */
    public ReadOnlyIntegerProperty shownProperty() { return shown.getReadOnlyProperty(); }

    /** "Step 2 of 6" or "All 6 steps". */
    public ReadOnlyStringProperty positionProperty() { return position.getReadOnlyProperty(); }

    /** Why there is no picture, or what a save did. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Redraws from the directory as it is now (the newest call wins). */
    public void refresh() {
        RepairSession s = session.get();
        if (s == null || s.target().isEmpty()) {
            return;
        }
        if (!s.target().get().isDnsName()) {
            set(null);
            message.set("No ticket flow: Kerberos is not used when the client connects to an address ("
                    + s.target().get().asTyped() + "); it falls back to NTLM.");
            return;
        }
        if (running != null) {
            running.cancel();
        }
        busy.set(true);
        running = runner.run(ui -> s.ticketFlow(), f -> {
            running = null;
            busy.set(false);
            message.set("");
            set(f);
        }, t -> {
            running = null;
            busy.set(false);
            set(null);
            message.set("Could not draw the ticket flow: " + ErrorText.message(t));
        });
    }

    private void set(TicketFlow f) {
        flow.set(f);
        layout.set(f == null ? null : FlowLayout.of(f));   // the view redraws on this, with the flow already set
        shown.set(f == null ? 0 : f.steps().size());
    }

    private int total() { return flow.get() == null ? 0 : flow.get().steps().size(); }

    /** One more step (from the whole picture: nothing more to show). */
    public void nextStep() {
        if (shown.get() < total()) {
            shown.set(shown.get() + 1);
        }
    }

    /** One step less, down to the first. */
    public void previousStep() {
        if (shown.get() > 1) {
            shown.set(shown.get() - 1);
        }
    }

    /** Back to the first step, to present from the start. */
    public void firstStep() {
        if (total() > 0) {
            shown.set(1);
        }
    }

    /** The whole picture again. */
    public void allSteps() { shown.set(total()); }

    public boolean canGoBack() { return shown.get() > 1; }

    public boolean canGoOn() { return shown.get() < total(); }

    private void updatePosition() {
        int n = total();
        position.set(n == 0 ? "" : shown.get() >= n ? "All " + n + " steps" : "Step " + shown.get() + " of " + n);
    }

    /** The file name offered when saving, e.g. {@code ticket-flow-srv003.rwwilden01.local.svg}. */
    public String suggestedName(String extension) {
        String host = flow.get() == null ? "" : flow.get().node(TicketFlow.Role.HOST).map(TicketFlow.Node::title).orElse("");
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return "ticket-flow" + (safe.isEmpty() ? "" : "-" + safe) + "." + extension;
    }

    /** Writes the picture as SVG (core draws it from the same layout). */
    public void saveSvg(Path file) {
        TicketFlow f = flow.get();
        if (f != null) {
            write(file, TicketFlowSvg.document(f).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the PNG bytes the view rendered. */
    public void savePng(Path file, byte[] png) {
        write(file, png);
    }

    private void write(Path file, byte[] bytes) {
        runner.run(ui -> Files.write(file, bytes), p -> message.set("Saved the picture to " + p + "."),
                t -> message.set("Could not save the picture: " + ErrorText.message(t)));
    }
}
