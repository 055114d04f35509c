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
import javafx.beans.property.ObjectProperty;
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
    private final StringProperty principal = new SimpleStringProperty("");
    private final ObjectProperty<ProbeResult> result = new SimpleObjectProperty<>();
    private char[] password = new char[0];
    private LiveProbe probe;
    private TaskRunner.Handle running;
    private Consumer<ProbeResult> onResult = r -> { };

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

    public ObservableList<Line> lines() { return lines; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }

    /** What the running step waits for ("Kerberos: asking the KDC …"). */
    public ReadOnlyStringProperty waitingForProperty() { return waitingFor.getReadOnlyProperty(); }

    /** user@REALM for a password login; empty: the Kerberos session. */
    public StringProperty principalProperty() { return principal; }

    /** The last result (for the diagnosis and the report). */
    public ObjectProperty<ProbeResult> resultProperty() { return result; }

    /** Called with every finished result. */
    public void setOnResult(Consumer<ProbeResult> onResult) { this.onResult = onResult; }

    /** Keeps a copy of the password in memory for the next runs; the field's own copy is the caller's to clear. */
    public void setPassword(char[] pw) {
        java.util.Arrays.fill(password, '\0');
        password = pw == null ? new char[0] : pw.clone();
    }

    public void start() {
        Directory dir = directory.get();
        TargetName t = target.get();
        if (dir == null || t == null || busy.get()) {
            return;
        }
        ProbeCredentials creds = principal.get() == null || principal.get().isBlank()
                ? ProbeCredentials.Session.defaultCache()
                : new ProbeCredentials.Password(principal.get().strip(), password);
        LiveProbe p = new LiveProbe(dir, io.github.spndoctor.core.demo.TrainerDemo.probeEnvironment(dir, t.asTyped(),
                () -> environments.apply(dir, creds)));
        probe = p;
        lines.clear();
        summary.set("");
        advice.set("");
        busy.set(true);
        WinrmClient c = client.get() == null ? WinrmClient.POWERSHELL : client.get();
        ClientSettings s = settings.get() == null ? ClientSettings.DEFAULT : settings.get();
        running = runner.run(ui -> {
            try {
                return p.run(Endpoint.of(t), c, s, step -> ui.post(() -> show(step)));
            } finally {
                if (creds instanceof ProbeCredentials.Password pw) {
                    pw.clear();
                }
            }
        }, this::finished, failure -> {
            running = null;
            busy.set(false);
            waitingFor.set("");
            summary.set("The test could not run: " + failure.getMessage());
        });
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
        summary.set(r.winrm() == WinrmOutcome.ACCEPTED && r.spn().isPresent()
                ? "WinRM on " + r.host() + " now accepts Kerberos for " + r.spn().get() + "." : r.summary());
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
