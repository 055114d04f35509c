package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * "Break it yourself" on the Connect page (trainers, demo only): the trainer picks a named breaking action; Review
 * connects to the demo with changes allowed, has the repair session plan the break ({@code RepairSession.planBreak},
 * the same code as {@code spn-doctor demo break}) and opens the Review page, where it is previewed, confirmed,
 * committed and later undone exactly as a fix — the CNAME break too (one DNS alias, journalled like an SPN value).
 * No controls here; the view binds to it.
 */
public final class BreakModel {
    private final ConnectPageModel connect;
    private final WizardSession session;
    private final Connections connections;
    private final TaskRunner runner;
    private final Runnable toReview;
    private final ObservableList<String> breaks = FXCollections.observableArrayList(Breaks.IDS);
    private final ObjectProperty<String> chosen = new SimpleObjectProperty<>(breaks.get(0));
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** @param toReview shows the Review page (the wizard's goTo) */
    public BreakModel(ConnectPageModel connect, WizardSession session, Connections connections, TaskRunner runner, Runnable toReview) {
        this.connect = connect;
        this.session = session;
        this.connections = connections;
        this.runner = runner;
        this.toReview = toReview;
    }

    /** The breaking actions the wizard offers, by id (the view shows {@link #title}). */
    public ObservableList<String> breaks() { return breaks; }

    public ObjectProperty<String> chosenProperty() { return chosen; }

    public StringProperty statusProperty() { return status; }

    public BooleanProperty busyProperty() { return busy; }

    /** The host a break in the wizard works on: the demo's healthy host. */
    public String host() { return Breaks.DEFAULT_HOST; }

    /** The host (for the CNAME break: the alias) the break works on. */
    public String hostFor(String id) { return Breaks.CNAME.equals(id) ? Breaks.DEFAULT_ALIAS : host(); }

    /** A break's name in plain words, with the real host in it. */
    public String title(String id) {
        return Breaks.CNAME.equals(id) ? "Point the DNS alias " + Breaks.DEFAULT_ALIAS + " at " + Breaks.DEFAULT_ALIAS_TARGET
                : named(Breaks.title(id));
    }

    /** What the class will see once the break stands, with the real host in it. */
    public String classSees(String id) { return named(Breaks.classSees(id)); }

    private String named(String text) { return text.replace("<host>", host()); }

    /** Connects to the demo (changes allowed), plans the chosen break in the repair session, then shows Review. */
    public void review() {
        String id = chosen.get();
        if (id == null || busy.get()) {
            return;
        }
        if (connections.trainer().isEmpty()) {
            status.set(Messages.get("break.notStarted"));
            return;
        }
        status.set("");
        connect.modeProperty().set(ConnectPageModel.Mode.DEMO);
        connect.allowChangesProperty().set(true);
        // a connection that fails says so on the Connect page itself; nothing is planned then
        connect.connectThen(d -> {
            busy.set(true);
            RepairSession repair = session.repair();
            runner.run(ui -> repair.planBreak(id, Optional.of(hostFor(id))), b -> {
                busy.set(false);
                session.symptomTextProperty().set("");
                session.lookupProperty().set(null);
                session.scriptFileProperty().set(null);
                session.targetProperty().set(repair.target().orElseThrow());
                toReview.run();
            }, t -> {
                busy.set(false);
                status.set(Messages.get("break.failed", ErrorText.message(t)));
            });
        });
    }
}
