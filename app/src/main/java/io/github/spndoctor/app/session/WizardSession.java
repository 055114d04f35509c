package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the pages share during one run of the wizard: the directory in use (swappable: demo or live) and the core
 * {@link RepairSession} over it, which holds and decides everything about the repair (lookup, verdict, remedies,
 * plan, commit, undo, timeline). This class only mirrors what the pages type and show, observable for the views.
 * UI thread only; the repair session itself is thread-safe and is driven off the UI thread.
 */
public final class WizardSession {
    private final SessionConfig config;
    private final ObjectProperty<Directory> directory = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RepairSession> repair = new ReadOnlyObjectWrapper<>();
    private final StringProperty symptomText = new SimpleStringProperty("");
    private final ObjectProperty<TargetName> target = new SimpleObjectProperty<>();
    private final ObjectProperty<LookupResult> lookup = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> scriptFile = new SimpleObjectProperty<>();
    private final java.util.List<Runnable> startOverListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final StringBinding banner = io.github.spndoctor.app.ui.Bind.string(
            () -> directory.get() == null ? "" : directory.get().info().banner(), directory);
    private final ObjectProperty<io.github.spndoctor.core.probe.ProbeResult> probeResult = new SimpleObjectProperty<>();

    /** SPN Doctor's state directory for journals and the audit log. */
    public WizardSession() {
        this(SessionConfig.defaults());
    }

    public WizardSession(SessionConfig config) {
        this.config = config;
        directory.addListener((o, a, b) -> {
            repair.set(b == null ? null : new RepairSession(b, config));
            lookup.set(null);
        });
    }

    public SessionConfig config() { return config; }
    /** The last live probe ("Test the connection"): evidence for the diagnosis; null until one ran. */
    public ObjectProperty<io.github.spndoctor.core.probe.ProbeResult> probeResultProperty() { return probeResult; }

    public ObjectProperty<Directory> directoryProperty() { return directory; }

    public Directory directory() { return directory.get(); }

    /** The repair session over the current connection; null until connected. */
    public ReadOnlyObjectProperty<RepairSession> repairProperty() { return repair.getReadOnlyProperty(); }

    public RepairSession repair() { return repair.get(); }

    /** The mode banner shown on every page ("DEMO · … · changes allowed"); empty until connected. */
    public StringBinding banner() { return banner; }

    public StringProperty symptomTextProperty() { return symptomText; }

    public ObjectProperty<TargetName> targetProperty() { return target; }

    /** The last lookup the pages showed (mirrors the repair session's, for freshness checks). */
    public ObjectProperty<LookupResult> lookupProperty() { return lookup; }

    public Optional<LookupResult> lookup() { return Optional.ofNullable(lookup.get()); }

    /** The script saved for an administrator instead of applying (read-only path); null otherwise. */
    public ObjectProperty<Path> scriptFileProperty() { return scriptFile; }

    /** Start over: another host on the same connection (and the same password, kept in memory only). */
    public void startOver() {
        if (repair.get() != null) {
            repair.get().startOver();
        }
        symptomText.set("");
        target.set(null);
        lookup.set(null);
        scriptFile.set(null);
        probeResult.set(null);
        startOverListeners.forEach(Runnable::run);
    }

    /** Runs {@code pageReset} on every start over (a page forgets what the user entered for the previous host). */
    public void onStartOver(Runnable pageReset) {
        startOverListeners.add(pageReset);
    }
}
