package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnExplanation;
import io.github.spndoctor.core.spn.SpnVerdict;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.session.ClientChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Look up page's lead line: which SPN the chosen client asks for, who answers it and what that means
 * ({@link SpnExplanation}), re-evaluated off the UI thread whenever the client or one of its settings changes, so a
 * trainer can flip them and show why one client works and another fails. It starts as the session's client; each
 * change goes to the session ({@link #setOnChoice}), whose statuses and verdict follow it. Used on the UI thread.
 */
public final class ClientPaneModel {
    static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final TaskRunner runner;
    private final Supplier<Directory> directory;
    private final Supplier<TargetName> target;
    private final NameResolver dns;
    private final ObservableList<WinrmClient> clients = FXCollections.observableArrayList(WinrmClient.values());
    private final ObjectProperty<WinrmClient> client = new SimpleObjectProperty<>(WinrmClient.POWERSHELL);
    private final BooleanProperty includePort = new SimpleBooleanProperty(false);
    private final StringProperty spnPrefix = new SimpleStringProperty("");
    private final StringProperty hostnameOverride = new SimpleStringProperty("");
    private final BooleanProperty dnsCanonicalize = new SimpleBooleanProperty(true);
    private final BooleanProperty rdns = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper how = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SpnVerdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper recognised = new ReadOnlyStringWrapper("");
    private TaskRunner.Handle running;
    /** True while {@link #enter} sets the properties one by one: they are evaluated once, at the end. */
    private boolean loading;
    private java.util.function.BiConsumer<WinrmClient, ClientSettings> onChoice = (c, s) -> { };
    private Directory mappingsOf;
    private SpnMappings mappings;

    public ClientPaneModel(TaskRunner runner, Supplier<Directory> directory, Supplier<TargetName> target) {
        this(runner, directory, target, new JdkNameResolver());
    }

    public ClientPaneModel(TaskRunner runner, Supplier<Directory> directory, Supplier<TargetName> target, NameResolver dns) {
        this.runner = runner;
        this.directory = directory;
        this.target = target;
        this.dns = dns;
        client.addListener((o, a, b) -> evaluate());
        includePort.addListener((o, a, b) -> evaluate());
        spnPrefix.addListener((o, a, b) -> evaluate());
        hostnameOverride.addListener((o, a, b) -> evaluate());
        dnsCanonicalize.addListener((o, a, b) -> evaluate());
        rdns.addListener((o, a, b) -> evaluate());
    }

    /** Told the client and settings each time they are evaluated: the session's ticket flow then asks as this client does. */
    public void setOnChoice(java.util.function.BiConsumer<WinrmClient, ClientSettings> listener) {
        onChoice = listener == null ? (c, s) -> { } : listener;
    }

    public ObservableList<WinrmClient> clients() { return clients; }

    public ObjectProperty<WinrmClient> clientProperty() { return client; }

    public BooleanProperty includePortProperty() { return includePort; }

    public StringProperty spnPrefixProperty() { return spnPrefix; }

    public StringProperty hostnameOverrideProperty() { return hostnameOverride; }

    public BooleanProperty dnsCanonicalizeProperty() { return dnsCanonicalize; }

    public BooleanProperty rdnsProperty() { return rdns; }

    /** "Server Manager asks for HTTP/… → held by … → the ticket is encrypted for the wrong account". */
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }

    /** How the SPN was built and the notes, one per line. */
    public ReadOnlyStringProperty howProperty() { return how.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<SpnVerdict> verdictProperty() { return verdict.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Where the client comes from: "Recognised in your text: pywinrm.", "Your choice: …", or the default said plainly. */
    public ReadOnlyStringProperty recognisedProperty() { return recognised.getReadOnlyProperty(); }

    /**
     * A lookup was made: show the session's client (core {@code RepairSession.clientChoice()}: chosen, else named in
     * the text, else Windows PowerShell) with its settings, say where it comes from, then evaluate once.
     */
    public void enter(ClientChoice choice) {
        loading = true;
        try {
            client.set(choice.client());
            ClientSettings s = choice.settings();
            includePort.set(s.includePort());
            spnPrefix.set(s.spnPrefix().orElse(""));
            hostnameOverride.set(s.hostnameOverride().orElse(""));
            dnsCanonicalize.set(s.dnsCanonicalize());
            rdns.set(s.rdns());
        } finally {
            loading = false;
        }
        said(choice);
        evaluate();
    }

    /** Says where the session's client comes from: the text, the person, or the default (said plainly). */
    public void said(ClientChoice choice) {
        recognised.set(switch (choice.source()) {
            case TEXT -> "Recognised in your text: " + choice.client().label() + ".";
            case CHOSEN -> "Your choice: " + choice.client().label() + ". The statuses and the verdict are for it.";
            case DEFAULT -> "Your text names no client, so Windows PowerShell is assumed. Pick the one you use: the "
                    + "statuses and the verdict follow it.";
        });
    }

    /** The client's settings as chosen; invalid text (a prefix with a slash) is left out and said so. */
    public ClientSettings settings() {
        try {
            return new ClientSettings(includePort.get(), Optional.ofNullable(spnPrefix.get()),
                    Optional.ofNullable(hostnameOverride.get()), dnsCanonicalize.get(), rdns.get());
        } catch (IllegalArgumentException e) {
            return new ClientSettings(includePort.get(), Optional.empty(), Optional.ofNullable(hostnameOverride.get()),
                    dnsCanonicalize.get(), rdns.get());
        }
    }

    /** Re-evaluates after a short pause (typing in a field re-evaluates once). */
    public void evaluate() {
        if (loading) {
            return;
        }
        TargetName t = target.get();
        Directory dir = directory.get();
        if (t == null || dir == null) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        WinrmClient c = client.get() == null ? WinrmClient.POWERSHELL : client.get();
        ClientSettings s = settings();
        onChoice.accept(c, s);
        // on the trainer's demo the client resolves the demo's names, as the ticket flow and the probe do
        NameResolver names = io.github.spndoctor.core.demo.TrainerDemo.names(dir, dns);
        busy.set(true);
        SpnMappings known = dir == mappingsOf ? mappings : null;
        running = runner.runAfter(DEBOUNCE, ui -> {
            SpnMappings m = known != null ? known : dir.spnMappings();
            return new Object[]{m, SpnExplanation.explain(dir, m, Endpoint.of(t), c, s, names)};
        }, r -> {
            running = null;
            busy.set(false);
            mappingsOf = dir;
            mappings = (SpnMappings) r[0];
            SpnExplanation e = (SpnExplanation) r[1];
            headline.set(e.headline());
            verdict.set(e.verdict());
            StringBuilder sb = new StringBuilder();
            e.request().derivation().forEach(l -> sb.append(sb.length() == 0 ? "" : "\n").append("• ").append(l));
            e.request().notes().forEach(l -> sb.append(sb.length() == 0 ? "" : "\n").append("Note: ").append(l));
            how.set(sb.toString());
        }, failure -> {
            running = null;
            busy.set(false);
            verdict.set(null);
            headline.set("Could not work out who answers the SPN: " + failure.getMessage());
            how.set("");
        });
    }

    /** Stops a running evaluation. */
    public void stop() {
        if (running != null) {
            running.cancel();
            running = null;
            busy.set(false);
        }
    }
}
