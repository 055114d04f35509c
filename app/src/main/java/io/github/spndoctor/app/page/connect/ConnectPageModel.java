package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.Directory;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Connect: where SPN Doctor looks. The built-in demo directory is preselected; a live Active Directory connection
 * is read-only unless the user switches "Allow changes" on. Opening the connection happens off the UI thread.
 */
public final class ConnectPageModel extends BasePageModel {
    /** Which directory to use. */
    public enum Mode { DEMO, LIVE }

    private final WizardSession session;
    private final Connections connections;
    private final TaskRunner runner;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.DEMO);
    private final BooleanProperty allowChanges = new SimpleBooleanProperty(true);
    private final StringProperty demoStatus = new SimpleStringProperty(Messages.get("connect.demo.starting"));
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final LiveConnectForm live;
    private java.util.function.Consumer<Directory> scanOpener = d -> { };
    private final StringProperty waitingFor = new SimpleStringProperty("");
    private TaskRunner.Handle connecting;
    private String waitTarget = "";

    public ConnectPageModel(WizardSession session, Connections connections, TaskRunner runner, LiveConnectForm live) {
        super(Step.CONNECT);
        this.session = session;
        this.connections = connections;
        this.runner = runner;
        this.live = live;
        mainInstruction.set(Messages.get("connect.instruction"));
        mode.addListener((o, a, b) -> {
            allowChanges.set(b == Mode.DEMO);
            error.set("");
            errorDetail.set("");
        });
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }

    public BooleanProperty allowChangesProperty() { return allowChanges; }

    public StringProperty demoStatusProperty() { return demoStatus; }

    public StringProperty errorProperty() { return error; }

    public StringProperty errorDetailProperty() { return errorDetail; }

    /** The "My Active Directory" form. */
    public LiveConnectForm live() { return live; }

    /** Called on the UI thread when the demo directory has started (or failed to). */
    public void demoStarted(Throwable failure) {
        demoStatus.set(failure == null ? Messages.get("connect.demo.ready") : Messages.get("connect.demo.failed", ErrorText.message(failure)));
    }

    @Override
    public void onEnter() {
        error.set("");
    }

    @Override
    public void next(Runnable proceed) {
        connect(d -> proceed.run());
    }

    /** Connects (as Next does), then opens the forest scan view for that directory. */
    public void openScan() {
        connect(scanOpener);
    }

    /**
     * Undo from a journal written earlier (this run's or an older one): reads it, connects as Next does, and hands
     * the journal's inverse plan to {@code review} (the Review page, with the same recheck and commit rules).
     */
    public void undoFromJournal(java.nio.file.Path file, java.util.function.Consumer<io.github.spndoctor.core.remedy.Plan> review) {
        error.set("");
        errorDetail.set("");
        busy.set(true);
        runner.run(ui -> io.github.spndoctor.core.apply.Journal.read(file), journal -> {
            busy.set(false);
            io.github.spndoctor.core.remedy.Plan undo = journal.undoPlan();
            if (!undo.hasDirectoryChanges()) {
                error.set(io.github.spndoctor.app.ui.Messages.get("connect.journal.nothing", file));
                return;
            }
            io.github.spndoctor.core.model.TargetName target;
            try {
                target = io.github.spndoctor.core.model.TargetName.parse(journal.target());
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                return;
            }
            connect(d -> {
                busy.set(true);
                // the same check as the CLI's undo, off the UI thread: it reads every account the journal changed
                runner.run(ui -> io.github.spndoctor.core.apply.UndoCheck.refusals(journal, d), refusals -> {
                    busy.set(false);
                    if (!refusals.isEmpty()) {
                        error.set(io.github.spndoctor.app.ui.Messages.get("connect.journal.refused", file));
                        errorDetail.set(String.join("\n", refusals));
                        return;
                    }
                    session.targetProperty().set(target);
                    session.lookupProperty().set(null);
                    session.repair().describe("", target);
                    session.repair().useUndo(journal, file);
                    review.accept(undo);
                }, t -> {
                    busy.set(false);
                    error.set(ErrorText.message(t));
                    errorDetail.set(ErrorText.detail(t));
                });
            });
        }, t -> {
            busy.set(false);
            error.set(io.github.spndoctor.app.ui.Messages.get("connect.journal.unreadable", file, ErrorText.message(t)));
            errorDetail.set(ErrorText.detail(t));
        });
    }

    /** Connects as Next does (with the page's current choices), then hands the directory to {@code then} on the UI thread. */
    public void connectThen(java.util.function.Consumer<Directory> then) {
        connect(then);
    }

    /** Where the forest scan view is opened (set by the composition). */
    public void setScanOpener(java.util.function.Consumer<Directory> opener) {
        this.scanOpener = opener;
    }

    private static boolean sameDemo(Directory a, Directory b) {
        return a.info().demo() && b.info().demo();
    }

    private void connect(java.util.function.Consumer<Directory> then) {
        error.set("");
        errorDetail.set("");
        boolean write = allowChanges.get();
        TaskRunner.Job<Directory> job;
        if (mode.get() == Mode.LIVE) {
            var profile = live.validate(write);
            if (profile.isEmpty()) {
                return;
            }
            job = ui -> live.open(profile.get());
            waitTarget = profile.get().displayName();
            waitingFor.set(Messages.get("connect.waiting.live", waitTarget));
        } else {
            job = ui -> connections.demo(write);
            waitTarget = Messages.get("connect.demo.name");
            waitingFor.set(Messages.get("connect.waiting.demo"));
        }
        busy.set(true);
        connecting = runner.run(job, d -> {
            connecting = null;
            busy.set(false);
            Directory old = session.directory();
            if (old != null && old != d && sameDemo(old, d)) {
                old = null;   // both are views of the shared demo directory
            }
            live.clearPassword();
            live.failed(null);
            session.directoryProperty().set(d);
            if (old != null && old != d) {
                old.close();
            }
            then.accept(d);
        }, failure -> {
            connecting = null;
            busy.set(false);
            live.failed(failure);
            error.set(ErrorText.message(failure));
            errorDetail.set(ErrorText.detail(failure));
        });
    }

    /** "Connecting to dc1.example.test…" while a connection is opened. */
    @Override
    public javafx.beans.value.ObservableStringValue waitingFor() { return waitingFor; }

    /** Esc / Stop while connecting: stops waiting for the server and says so; nothing is connected. */
    @Override
    public boolean stopWork() {
        if (connecting == null) {
            return false;
        }
        connecting.cancel();
        connecting = null;
        busy.set(false);
        error.set(Messages.get("connect.stopped", waitTarget));
        errorDetail.set("");
        return true;
    }
}
