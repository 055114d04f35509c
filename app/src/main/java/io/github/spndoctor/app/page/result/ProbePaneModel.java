package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeAdvice;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "Test the connection": runs the live probe ({@link LiveProbe}) off the UI thread, one line per step as it goes,
 * with Stop. Credentials are the user's Kerberos session, or a principal and password typed here (memory only,
 * wiped after each run's login). Used on the Look up page (reproduce) and on the Result page (prove the fix).
 */
public final class ProbePaneModel {
    /** One progress line: the step's text and its status. */
    public record Line(String text, ProbeStep.Status status) {}

    private final TaskRunner runner;
    private final Supplier<Directory> directory;
    private final Supplier<TargetName> target;
    private final Supplier<WinrmClient> client;
    private final Supplier<ClientSettings> settings;
    private final BiFunction<Directory, ProbeCredentials, ProbeEnvironment> environments;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingFor = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProbeStep.Status> verdict = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ProbeResult> result = new SimpleObjectProperty<>();
    private Login login = new Login();
    private Supplier<RepairSession> repair = () -> null;
    private boolean afterChange;
    private LiveProbe probe;
    private TaskRunner.Handle running;
    private Consumer<ProbeResult> onResult = r -> { };

    /** Who tests: user@REALM and a password typed in the wizard (memory only), or the Kerberos session when empty. */
    private static final class Login {
        final StringProperty principal = new SimpleStringProperty("");
        char[] password = new char[0];
    }

    public ProbePaneModel(TaskRunner runner, Supplier<Directory> directory, Supplier<TargetName> target,
                          Supplier<WinrmClient> client, Supplier<ClientSettings> settings,
                          BiFunction<Directory, ProbeCredentials, ProbeEnvironment> environments) {
        this.runner = runner;
        this.directory = directory;
        this.target = target;
        this.client = client;
        this.settings = settings;
        this.environments = environments;
    }

    /** The machine's own krb5.conf, DNS and WinRM endpoints. */
    public static BiFunction<Directory, ProbeCredentials, ProbeEnvironment> systemEnvironment() {
        return (dir, creds) -> ProbeEnvironment.system(creds);
    }

    /**
     * Runs the probe through the repair session (it records each run: timeline, the report's probe table, measured
     * evidence); without one (no connection yet) the probe runs alone.
     */
    public void setRepair(Supplier<RepairSession> repair) { this.repair = repair; }

    /** The Result page's pane: an accepted request reads "… now accepts Kerberos …". */
    public void setAfterChange(boolean afterChange) { this.afterChange = afterChange; }

    /** Both panes test with the same login: what was typed on Look up is used again after the fix. */
    public void shareLoginWith(ProbePaneModel other) { this.login = other.login; }

    /** The host's answer as a status (accepted OK, rejected PROBLEM, otherwise INFO); null before a result. */
    public ReadOnlyObjectProperty<ProbeStep.Status> verdictProperty() { return verdict.getReadOnlyProperty(); }

    public ObservableList<Line> lines() { return lines; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }

    /** What the running step waits for ("Kerberos: asking the KDC …"). */
    public ReadOnlyStringProperty waitingForProperty() { return waitingFor.getReadOnlyProperty(); }

    /** user@REALM for a password login; empty: the Kerberos session. */
    public StringProperty principalProperty() { return login.principal; }

    /** The last result (for the diagnosis and the report). */
    public ObjectProperty<ProbeResult> resultProperty() { return result; }

    /** Called with every finished result. */
    public void setOnResult(Consumer<ProbeResult> onResult) { this.onResult = onResult; }

    /** Keeps a copy of the password in memory for the next runs; the field's own copy is the caller's to clear. */
    public void setPassword(char[] pw) {
        java.util.Arrays.fill(login.password, '\0');
        login.password = pw == null ? new char[0] : pw.clone();
    }

    public void start() {
        Directory dir = directory.get();
        TargetName t = target.get();
        if (dir == null || t == null || busy.get()) {
            return;
        }
        ProbeCredentials creds = credentials();
        LiveProbe p = new LiveProbe(dir, io.github.spndoctor.core.demo.TrainerDemo.probeEnvironment(dir, t.asTyped(),
                () -> environments.apply(dir, creds)));
        probe = p;
        lines.clear();
        summary.set("");
        advice.set("");
        verdict.set(null);
        busy.set(true);
        RepairSession session = repair.get();
        WinrmClient c = client.get() == null ? WinrmClient.POWERSHELL : client.get();
        ClientSettings s = settings.get() == null ? ClientSettings.DEFAULT : settings.get();
        running = runner.run(ui -> {
            try {
                Consumer<ProbeStep> progress = step -> ui.post(() -> show(step));
                return session != null ? session.probe(p, Endpoint.of(t), c, s, progress) : p.run(Endpoint.of(t), c, s, progress);
            } finally {
                if (creds instanceof ProbeCredentials.Password pw) {
                    pw.clear();
                }
            }
        }, this::finished, failure -> {
            running = null;
            busy.set(false);
            waitingFor.set("");
            summary.set(io.github.spndoctor.app.ui.Messages.get("probe.failed", failure.getMessage()));
        });
    }

    /** The login now: the Kerberos session, or the typed principal with a copy of the password (wipe it after use). */
    private ProbeCredentials credentials() {
        String principal = login.principal.get();
        return principal == null || principal.isBlank()
                ? ProbeCredentials.Session.defaultCache()
                : new ProbeCredentials.Password(principal.strip(), login.password);
    }

    /**
     * How the Result page asks each DC's KDC after a watch (issue 15): with this pane's login and environment, by
     * itself when the session tests the connection after a change ({@link RepairSession#probeAfterCommit}).
     */
    public KdcAskModel.Access kdcAccess() {
        return new KdcAskModel.Access() {
            @Override
            public ProbeCredentials credentials() { return ProbePaneModel.this.credentials(); }

            @Override
            public ProbeEnvironment environment(ProbeCredentials c) { return environments.apply(directory.get(), c); }

            @Override
            public boolean automatically(RepairSession r) { return r.probeAfterCommit(); }
        };
    }

    private void show(ProbeStep step) {
        if (step.status() == ProbeStep.Status.RUNNING) {
            waitingFor.set(step.sends());
            lines.add(new Line(step.sends() + " …", step.status()));
        } else {
            if (!lines.isEmpty() && lines.get(lines.size() - 1).status() == ProbeStep.Status.RUNNING) {
                lines.remove(lines.size() - 1);
            }
            lines.add(new Line(step.sends() + ": " + step.result(), step.status()));
        }
    }

    private void finished(ProbeResult r) {
        running = null;
        busy.set(false);
        waitingFor.set("");
        summary.set(r.summary(afterChange));
        verdict.set(r.winrm() == WinrmOutcome.ACCEPTED ? ProbeStep.Status.OK
                : r.winrm() == WinrmOutcome.REJECTED ? ProbeStep.Status.PROBLEM : ProbeStep.Status.INFO);
        advice.set(String.join("\n", ProbeAdvice.of(r)));
        result.set(r);
        onResult.accept(r);
    }

    /** Esc / Stop: ends the running step at once. True when something was running. */
    public boolean stop() {
        if (!busy.get()) {
            return false;
        }
        LiveProbe p = probe;
        if (p != null) {
            p.stop();
        }
        return true;
    }
}
