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

    public DiagnosisPageModel(WizardSession session, TaskRunner runner, DiagnosisService service) {
        super(Step.DIAGNOSIS);
        this.session = session;
        this.runner = runner;
        this.service = service;
        primaryLabel.set(Messages.get("button.chooseFix"));
    }

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
        String target = session.targetProperty().get().asTyped();
        mainInstruction.set(Messages.get("diagnosis.instruction", target));
        busy.set(true);
        String text = session.symptomTextProperty().get();
        var lookup = session.lookup();
        var failure = Optional.ofNullable(session.lookupFailureProperty().get());
        var measured = Optional.ofNullable(session.probeResultProperty().get())
                .filter(r -> r.host().equalsIgnoreCase(target)).map(io.github.spndoctor.core.probe.ProbeResult::measurement);
        runner.run(ui -> service.diagnose(text, lookup, failure, measured), f -> {
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
            headline.set(Messages.get("diagnosis.headline.top", top.title(), top.confidenceText()));
            note.set(Messages.get(f.verdict() ? "diagnosis.note.verdict" : "diagnosis.note.hypothesis"));
        }
    }

    @Override
    public void next(Runnable proceed) {
        proceed.run();
    }
}
