package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.ClientAdvice;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.DcStatus;
import io.github.spndoctor.core.directory.Directory;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Result page's "has every domain controller got it?" part (issue 15): after an apply or an undo it runs the core
 * {@link ConvergenceWatch} over the journal's values off the UI thread, shows each round's per-DC status, a
 * countdown to the limit, a Stop, and at the end the verdict and the steps that remain on the clients. No Node here.
 */
public final class ConvergenceModel {
    private final TaskRunner runner;
    private final Duration limit;
    private final ObservableList<DcStatus> dcs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper compared = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper steps = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private volatile AtomicBoolean stop = new AtomicBoolean();
    private Runnable onEnd = () -> { };

    public ConvergenceModel(TaskRunner runner) {
        this(runner, ConvergenceWatch.DEFAULT_LIMIT);
    }

    public ConvergenceModel(TaskRunner runner, Duration limit) {
        this.runner = runner;
        this.limit = limit;
    }

    public ObservableList<DcStatus> dcs() { return dcs; }

    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }

    /** "Checking every second until every DC has it: 4 min 52 s left (Stop or Esc ends the wait)". */
    public ReadOnlyStringProperty countdownProperty() { return countdown.getReadOnlyProperty(); }

    public ReadOnlyStringProperty comparedProperty() { return compared.getReadOnlyProperty(); }

    /** The client-side steps that remain, one per line. */
    public ReadOnlyStringProperty stepsProperty() { return steps.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty watchingProperty() { return watching.getReadOnlyProperty(); }

    /** True once a watch has started (the pane is hidden before). */
    public ReadOnlyBooleanProperty shownProperty() { return shown.getReadOnlyProperty(); }

    /** Called on the UI thread when a watch ends (converged, limit, stopped or failed). */
    public void setOnEnd(Runnable r) { onEnd = r; }

    /** Starts watching the values {@code journal} changed reach every DC of {@code directory}. Call on the UI thread. */
    public void start(Directory directory, Journal journal) {
        stop();
        dcs.clear();
        steps.set("");
        shown.set(true);
        Optional<ConvergenceWatch> w = ConvergenceWatch.forJournal(directory, journal);
        if (w.isEmpty() || w.get().expected().isEmpty()) {
            verdict.set(w.isEmpty() ? "Replication to the other domain controllers is not checked on this connection."
                    : "Nothing was written, so there is nothing to replicate.");
            countdown.set("");
            return;
        }
        AtomicBoolean myStop = new AtomicBoolean();
        stop = myStop;
        watching.set(true);
        verdict.set("Reading the account on every domain controller…");
        countdown.set("");
        ConvergenceWatch watch = w.get();
        runner.run(ui -> {
            try (watch) {
                return watch.watch(limit, (report, left) -> ui.post(() -> round(report, left)), myStop::get);
            }
        }, last -> finish(last, myStop.get()), t -> {
            watching.set(false);
            countdown.set("");
            verdict.set("The domain controllers could not be listed: " + ErrorText.message(t));
            onEnd.run();
        });
    }

    private void round(ConvergenceReport report, Duration left) {
        dcs.setAll(report.dcs());
        verdict.set(report.verdict());
        compared.set("Compared: " + report.compared() + ".");
        if (!report.converged() && !left.isZero()) {
            countdown.set("Checking again every second until every domain controller has it: " + clock(left)
                    + " left (Stop or Esc ends the wait).");
        }
    }

    private void finish(ConvergenceReport last, boolean stopped) {
        watching.set(false);
        round(last, Duration.ZERO);
        if (last.converged()) {
            countdown.set("");
        } else if (stopped) {
            countdown.set("You stopped watching; spn-doctor converge --journal shows it again later.");
        } else {
            countdown.set("Gave up after " + clock(limit) + ": replication may take longer between sites.");
        }
        steps.set(String.join("\n", ClientAdvice.steps(last).stream().map(s -> "• " + s).toList()));
        onEnd.run();
    }

    /** Stops a running watch; true when one was running. */
    public boolean stop() {
        boolean was = watching.get();
        stop.set(true);
        return was;
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
