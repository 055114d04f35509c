package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.demo.Scenarios;
import io.github.spndoctor.core.demo.TrainerDemo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trainer's scenario picker on the Connect page: once the demo has started it lists the demo's scenarios;
 * opening one connects to the demo (changes allowed, so the class can fix it) and goes to the Symptom page with the
 * scenario's error text and target filled in. Reset demo restores the seed. No controls here; the view binds to it.
 */
public final class ScenarioModel {
    private final ConnectPageModel connect;
    private final SymptomPageModel symptom;
    private final Connections connections;
    private final TaskRunner runner;
    private final Runnable next;
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<Scenario> chosen = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    /** @param next the wizard's Next (connects through the Connect page, then shows the Symptom page) */
    public ScenarioModel(ConnectPageModel connect, SymptomPageModel symptom, Connections connections, TaskRunner runner, Runnable next) {
        this.connect = connect;
        this.symptom = symptom;
        this.connections = connections;
        this.runner = runner;
        this.next = next;
    }

    public ObservableList<Scenario> scenarios() { return scenarios; }

    public ObjectProperty<Scenario> chosenProperty() { return chosen; }

    public StringProperty statusProperty() { return status; }

    /** Called on the UI thread when the demo has started: the scenarios use its names and addresses. */
    public void demoStarted() {
        connections.trainer().ifPresent(t -> {
            scenarios.setAll(Scenarios.all(t.dns()));
            if (chosen.get() == null && !scenarios.isEmpty()) {
                chosen.set(scenarios.get(0));
            }
            t.loadProblem().ifPresent(status::set);
        });
    }

    /** Opens the chosen scenario: demo, changes allowed, its text and target, then Next. */
    public void open() {
        Scenario s = chosen.get();
        if (s == null) {
            return;
        }
        connect.modeProperty().set(ConnectPageModel.Mode.DEMO);
        connect.allowChangesProperty().set(true);
        symptom.textProperty().set(s.errorText());
        symptom.targetProperty().set(s.target());
        next.run();
    }

    /** Restores the demo exactly as seeded, in the background. */
    public void reset() {
        TrainerDemo t = connections.trainer().orElse(null);
        if (t == null) {
            status.set("The demo has not started yet.");
            return;
        }
        status.set("Resetting the demo…");
        runner.run(ui -> {
            t.reset();
            return true;
        }, ok -> status.set("The demo is reset: every scenario is as it was at the start."), e -> status.set("The demo could not be reset: " + e.getMessage()));
    }
}
