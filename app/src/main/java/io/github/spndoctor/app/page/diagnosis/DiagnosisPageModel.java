package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * Diagnosis: the ranked causes with confidence, evidence and a plain "why". When nothing is found it says so and
 * lists next checks; when the lookup failed it says the cause is unknown — never that the host is healthy.
 */
public final class DiagnosisPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final DiagnosisService service;
    private final ObservableList<io.github.spndoctor.core.diagnosis.CauseSummary> causes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.github.spndoctor.core.diagnosis.HostVerdict.Kind> verdictKind =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.github.spndoctor.core.diagnosis.HostVerdict> hostVerdict =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final QuestionModel questions = new QuestionModel();
    /** Symptom text and target the answers were given for: a new symptom or target forgets them. */
    private String answeredFor = "";

    public DiagnosisPageModel(WizardSession session, TaskRunner runner, DiagnosisService service) {
        super(Step.DIAGNOSIS);
        this.session = session;
        this.runner = runner;
        this.service = service;
        primaryLabel.set(Messages.get("button.chooseFix"));
        questions.onAnswer(answers -> diagnose());
    }

    /** The deciding question and the answers given (QuestionPane shows it). */
    public QuestionModel questions() { return questions; }

    public ObservableList<io.github.spndoctor.core.diagnosis.CauseSummary> causes() { return causes; }

    /** The summary heading, e.g. "Most likely: …" or "No SPN conflict found for …". */
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }

    /** Healthy, problem or unknown (the view shows it as icon + word + colour); null while diagnosing. */
    public javafx.beans.property.ReadOnlyObjectProperty<io.github.spndoctor.core.diagnosis.HostVerdict.Kind> verdictKindProperty() {
        return verdictKind.getReadOnlyProperty();
    }

    /** The verdict (the view shows its word and tone); null while diagnosing. */
    public javafx.beans.property.ReadOnlyObjectProperty<io.github.spndoctor.core.diagnosis.HostVerdict> hostVerdictProperty() {
        return hostVerdict.getReadOnlyProperty();
    }

    /** Hypothesis / verdict note, or why nothing is known. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }

    @Override
    public void onEnter() {
        causes.clear();
        headline.set("");
        note.set("");
        verdictKind.set(null);
        hostVerdict.set(null);
        String key = session.targetProperty().get().asTyped() + "\n" + session.symptomTextProperty().get();
        if (!key.equals(answeredFor)) {
            questions.reset();
            answeredFor = key;
        }
        diagnose();
    }

    /** Ranks off the UI thread (DNS may be asked), with the answers given so far. */
    private void diagnose() {
        String target = session.targetProperty().get().asTyped();
        mainInstruction.set(Messages.get("diagnosis.instruction", target));
        busy.set(true);
        var repair = session.repair();
        var answers = questions.answers();
        runner.run(ui -> {
            repair.answered(answers);
            return service.diagnose(repair);
        }, f -> {
            busy.set(false);
            show(f, target);
        }, t -> {
            busy.set(false);
            headline.set(Messages.get("diagnosis.error"));
            note.set(ErrorText.message(t));
        });
    }

    private void show(Findings f, String target) {
        causes.setAll(f.causes());
        questions.show(f.question(), f.serverName());
        // the first line says the verdict in one sentence; the note says what it rests on and what to check next
        headline.set(f.host().lead());
        verdictKind.set(f.host().kind());
        hostVerdict.set(f.host());
        String basis = f.lookupFailed() ? Messages.get("diagnosis.note.lookupFailed")
                : Messages.get(f.verdict() ? "diagnosis.note.verdict" : "diagnosis.note.hypothesis");
        note.set(f.host().nextChecks().isEmpty() ? basis
                : basis + "\n" + Messages.get("diagnosis.checks") + "\n• " + String.join("\n• ", f.host().nextChecks()));
    }

    @Override
    public void next(Runnable proceed) {
        proceed.run();
    }
}
