package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.lookup.LookupResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Remedy: choose how to fix it. The recommended applicable option is preselected; options that do not apply are
 * listed with the reason. Next builds the plan (off the UI thread) and goes to Review; nothing is written here.
 */
public final class RemedyPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final RemedyService service;
    private final ObservableList<RemedyChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<RemedyChoice> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private LookupResult shownFor;

    public RemedyPageModel(WizardSession session, TaskRunner runner, RemedyService service) {
        super(Step.REMEDY);
        this.session = session;
        this.runner = runner;
        this.service = service;
        mainInstruction.set(Messages.get("remedy.instruction"));
        primaryLabel.set(Messages.get("button.review"));
        selected.addListener((o, a, b) -> error.set(""));
    }

    public ObservableList<RemedyChoice> choices() { return choices; }

    public ObjectProperty<RemedyChoice> selectedProperty() { return selected; }

    /** A validation or planning error, shown under the list. */
    public StringProperty errorProperty() { return error; }

    /** Why no fix can be offered (e.g. the lookup failed); empty otherwise. */
    public StringProperty noteProperty() { return note; }

    @Override
    public void onEnter() {
        error.set("");
        LookupResult lookup = session.lookup().orElse(null);
        if (lookup == null) {
            choices.clear();
            selected.set(null);
            shownFor = null;
            note.set(Messages.get("remedy.noLookup"));
            return;
        }
        note.set("");
        if (lookup == shownFor) {
            return;
        }
        shownFor = lookup;
        selected.set(null);
        busy.set(true);
        runner.run(ui -> service.options(lookup), list -> {
            busy.set(false);
            choices.setAll(list);
            list.stream().filter(c -> c.applicable() && c.recommended()).findFirst()
                    .or(() -> list.stream().filter(RemedyChoice::applicable).findFirst())
                    .ifPresent(selected::set);
            if (list.stream().noneMatch(RemedyChoice::applicable)) {
                note.set(Messages.get("remedy.noneApplicable", lookup.target().asTyped()));
            }
        }, t -> {
            busy.set(false);
            error.set(ErrorText.message(t));
        });
    }

    @Override
    public void next(Runnable proceed) {
        RemedyChoice choice = selected.get();
        LookupResult lookup = session.lookup().orElse(null);
        if (lookup == null) {
            error.set(Messages.get("remedy.noLookup"));
            return;
        }
        if (choice == null) {
            error.set(Messages.get("remedy.choose"));
            return;
        }
        if (!choice.applicable()) {
            error.set(Messages.get("remedy.notApplicable", choice.title(), choice.whyNot()));
            return;
        }
        busy.set(true);
        var dir = session.directory();
        runner.run(ui -> service.plan(choice.id(), lookup, dir), plan -> {
            busy.set(false);
            session.purposeProperty().set(io.github.spndoctor.app.session.WizardSession.Purpose.FIX);
            session.planProperty().set(plan);
            proceed.run();
        }, t -> {
            busy.set(false);
            error.set(ErrorText.message(t));
        });
    }
}
