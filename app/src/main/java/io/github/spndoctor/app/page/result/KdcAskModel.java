package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Result page's "then each domain controller's KDC" part (issue 15): once a watch has ended it runs the session's
 * {@link RepairSession#askKdcs} off the UI thread — by itself when the session tests the connection after a change
 * (the demo; a host already probed), else when asked — and shows which DC's KDC it waits for, a Stop, and per DC
 * whose key its ticket carries. The session records it for the report. No Node here.
 */
public final class KdcAskModel {
    /** Where the KDCs are asked from: the Result page's probe login and the machine's Kerberos (unused on the demo). */
    public interface Access {
        /** The probe's login now (a typed password is a copy; it is wiped after the step). */
        ProbeCredentials credentials();

        ProbeEnvironment environment(ProbeCredentials credentials);

        /** True when the step runs by itself after a watch (the session's own rule for the probe after a change). */
        boolean automatically(RepairSession repair);
    }

    private final TaskRunner runner;
    private final ObservableList<KdcReport.PerDc> dcs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingFor = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAsk = new ReadOnlyBooleanWrapper();
    private volatile AtomicBoolean stop = new AtomicBoolean();
    private Access access;
    private RepairSession repair;
    private WatchOutcome watched;
    private Runnable onEnd = () -> { };

    public KdcAskModel(TaskRunner runner) { this.runner = runner; }

    /** Without access (no probe on this page) the step is never offered. */
    public void setAccess(Access access) { this.access = access; }

    public ObservableList<KdcReport.PerDc> dcs() { return dcs; }

    /** The outcome in a sentence, or why no KDC was asked. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** "Asking DC2's KDC (dc2.corp.test) for a ticket to HTTP/web.corp.test…" while it runs. */
    public ReadOnlyStringProperty waitingForProperty() { return waitingFor.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty askingProperty() { return asking.getReadOnlyProperty(); }

    /** True when a watch ended and its DCs' KDCs can be asked (again) with the button. */
    public ReadOnlyBooleanProperty canAskProperty() { return canAsk.getReadOnlyProperty(); }

    /** Called on the UI thread when the step ends, or right after a watch when it does not run by itself. */
    public void setOnEnd(Runnable r) { onEnd = r; }

    /** Forgets the last answers (a new watch starts). */
    public void clear() {
        stop();
        dcs.clear();
        summary.set("");
        waitingFor.set("");
        canAsk.set(false);
        watched = null;
    }

    /** A watch ended: asks each DC's KDC now when the session says so, else offers it. Call on the UI thread. */
    public void watchEnded(RepairSession repair, WatchOutcome o) {
        this.repair = repair;
        this.watched = o;
        if (access == null || o.report().isEmpty()) {
            onEnd.run();
            return;
        }
        if (access.automatically(repair) && o.ending() != WatchOutcome.Ending.STOPPED) {   // a stop ends the waiting
            ask();
        } else {
            canAsk.set(true);
            summary.set("Each domain controller's KDC can be asked for the changed SPN's ticket, as a client bound to it would.");
            onEnd.run();
        }
    }

    /** Asks every DC of the last watch for a ticket to each changed SPN (the button). Call on the UI thread. */
    public void ask() {
        if (watched == null || access == null || asking.get()) {
            return;
        }
        AtomicBoolean myStop = new AtomicBoolean();
        stop = myStop;
        asking.set(true);
        canAsk.set(false);
        dcs.clear();
        summary.set("");
        waitingFor.set("Asking each domain controller's KDC…");
        RepairSession r = repair;
        WatchOutcome o = watched;
        Access a = access;
        runner.run(ui -> {
            ProbeCredentials[] made = new ProbeCredentials[1];
            try {
                return r.askKdcs(o, () -> a.environment(made[0] = a.credentials()),
                        (dc, spn) -> ui.post(() -> waitingFor.set("Asking " + dc.shortName() + "'s KDC (" + dc.name()
                                + ") for a ticket to " + spn + "… (Stop or Esc ends the wait)")),
                        myStop::get);
            } finally {
                if (made[0] instanceof ProbeCredentials.Password p) {
                    p.clear();
                }
            }
        }, this::show, t -> {
            asking.set(false);
            waitingFor.set("");
            canAsk.set(true);
            summary.set("The domain controllers' KDCs could not be asked: " + ErrorText.message(t));
            onEnd.run();
        });
    }

    private void show(KdcReport r) {
        asking.set(false);
        waitingFor.set("");
        dcs.setAll(r.perDc());
        summary.set(r.summary());
        canAsk.set(true);
        onEnd.run();
    }

    /** Stops a running step (what was asked by then is shown); true when one was running. */
    public boolean stop() {
        boolean was = asking.get();
        stop.set(true);
        return was;
    }

    /** A verdict's icon: ✓ in effect, ✗ old holder, … not yet, ? cannot tell, – no ticket. */
    static String icon(KdcCheck.Verdict v) {
        return switch (v) {
            case IN_EFFECT -> "✓";
            case OLD_HOLDER -> "✗";
            case UNCLEAR -> "?";
            case NOT_YET -> "…";
            case NO_TICKET -> "–";
        };
    }
}
