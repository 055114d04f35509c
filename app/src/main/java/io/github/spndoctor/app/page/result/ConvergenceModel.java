package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.core.converge.ClientAdvice;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.DcStatus;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Result page's "has every domain controller got it?" part (issue 15): after an apply or an undo it runs the
 * session's {@link RepairSession#watchReplication} (the core {@link ConvergenceWatch}) off the UI thread, shows each round's per-DC status, a
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
    private final KdcAskModel kdcs;
    private RepairSession repair;

    public ConvergenceModel(TaskRunner runner) {
        this(runner, ConvergenceWatch.DEFAULT_LIMIT);
    }

    public ConvergenceModel(TaskRunner runner, Duration limit) {
        this.runner = runner;
        this.limit = limit;
        this.kdcs = new KdcAskModel(runner);
        kdcs.setOnEnd(() -> onEnd.run());
    }

    /** The step after the watch: each converged DC's KDC asked for the changed SPN's ticket. */
    public KdcAskModel kdcs() { return kdcs; }

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

    /** Called on the UI thread when a watch ends (converged, limit, stopped or failed) and its KDC step, if any, too. */
    public void setOnEnd(Runnable r) { onEnd = r; }

    /**
     * Starts watching the values the session's last commit (fix or undo) wrote reach every DC, through the session,
     * which records the outcome in its timeline and report. Call on the UI thread.
     */
    public void start(RepairSession repair) {
        stop();
        this.repair = repair;
        kdcs.clear();
        dcs.clear();
        steps.set("");
        shown.set(true);
        AtomicBoolean myStop = new AtomicBoolean();
        stop = myStop;
        watching.set(true);
        verdict.set("Reading the account on every domain controller…");
        countdown.set("");
        runner.run(ui -> repair.watchReplication(limit, (report, left) -> ui.post(() -> round(report, left)), myStop::get),
                this::finish, t -> {
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

    private void finish(WatchOutcome o) {
        watching.set(false);
        o.report().ifPresent(last -> round(last, Duration.ZERO));
        verdict.set(o.report().map(ConvergenceReport::verdict).orElse(o.verdict()));
        countdown.set(switch (o.ending()) {
            case STOPPED -> "You stopped watching; spn-doctor converge --journal shows it again later.";
            case LIMIT -> "Gave up after " + clock(limit) + ": replication may take longer between sites.";
            default -> "";
        });
        o.report().ifPresent(last -> steps.set(String.join("\n", ClientAdvice.steps(last).stream().map(s -> "• " + s).toList())));
        kdcs.watchEnded(repair, o);   // it calls onEnd when it is done (or at once when it does not run)
    }

    /** Stops a running watch; true when one was running. */
    public boolean stop() {
        boolean was = watching.get();
        stop.set(true);
        return kdcs.stop() || was;
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
