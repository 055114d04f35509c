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
    private final ObservableList<CauseCard> causes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
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

    public ObservableList<CauseCard> causes() { return causes; }

    /** The summary heading, e.g. "Most likely: …" or "No SPN conflict found for …". */
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }

    /** Hypothesis / verdict note, or why nothing is known. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }

    @Override
    public void onEnter() {
        causes.clear();
        headline.set("");
        note.set("");
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
        String text = session.symptomTextProperty().get();
        var lookup = session.lookup();
        var failure = Optional.ofNullable(session.lookupFailureProperty().get());
        var answers = questions.answers();
        runner.run(ui -> service.diagnose(text, lookup, failure, answers), f -> {
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
        session.rankedCausesProperty().set(f.ranked());
        boolean onlyUnknown = f.causes().isEmpty() || f.causes().get(0).id().equals("unknown");
        if (f.lookupFailed()) {
            headline.set(Messages.get("diagnosis.headline.lookupFailed", target));
            note.set(Messages.get("diagnosis.note.lookupFailed"));
        } else if (onlyUnknown) {
            headline.set(Messages.get("diagnosis.headline.none", target));
            note.set(Messages.get("diagnosis.note.none"));
        } else {
            CauseCard top = f.causes().get(0);
            headline.set(Messages.get("diagnosis.headline.top", top.title(), top.confidenceText().toLowerCase(java.util.Locale.ROOT)));
            note.set(Messages.get(f.verdict() ? "diagnosis.note.verdict" : "diagnosis.note.hypothesis"));
        }
    }

    @Override
    public void next(Runnable proceed) {
        proceed.run();
    }
}
