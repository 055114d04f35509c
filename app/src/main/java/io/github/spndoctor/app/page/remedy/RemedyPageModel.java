package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.session.RepairSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Remedy: choose how to fix it. The list is the repair session's ({@link RepairSession#remedies()}): every remedy,
 * recommended first, each applicable or not for this host and client, with why and its risk — the same list
 * {@code spn-doctor remedies} prints. Only a recommended remedy is preselected; a healthy host gets none. Next builds
 * the plan (off the UI thread) and goes to Review; nothing is written here.
 */
public final class RemedyPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final ObservableList<RemedyOption> choices = FXCollections.observableArrayList();
    private final ObjectProperty<RemedyOption> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private LookupResult shownFor;

    public RemedyPageModel(WizardSession session, TaskRunner runner) {
        super(Step.REMEDY);
        this.session = session;
        this.runner = runner;
        mainInstruction.set(Messages.get("remedy.instruction"));
        primaryLabel.set(Messages.get("button.review"));
        selected.addListener((o, a, b) -> error.set(""));
    }

    public ObservableList<RemedyOption> choices() { return choices; }

    public ObjectProperty<RemedyOption> selectedProperty() { return selected; }

    /** A validation or planning error, shown under the list. */
    public StringProperty errorProperty() { return error; }

    /** The verdict and, when nothing is recommended, why; or why no fix can be offered (the lookup failed). */
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
        if (lookup == shownFor) {
            return;
        }
        note.set("");
        shownFor = lookup;
        selected.set(null);
        busy.set(true);
        RepairSession repair = session.repair();
        runner.run(ui -> new Shown(repair.remedies(), repair.assess().verdict()), shown -> {
            busy.set(false);
            List<RemedyOption> list = shown.options();
            choices.setAll(list);
            list.stream().filter(c -> c.applicable() && c.recommended()).findFirst().ifPresent(selected::set);
            if (selected.get() == null) {
                note.set(shown.verdict().sentence() + " " + Messages.get(list.stream().anyMatch(RemedyOption::applicable)
                        ? "remedy.noneRecommended" : "remedy.noneApplicable", lookup.target().asTyped()));
            } else {
                mainInstruction.set(Messages.get("remedy.instruction"));
            }
        }, t -> {
            busy.set(false);
            error.set(ErrorText.message(t));
        });
    }

    private record Shown(List<RemedyOption> options, io.github.spndoctor.core.diagnosis.HostVerdict verdict) { }

    @Override
    public void next(Runnable proceed) {
        RemedyOption choice = selected.get();
        if (session.lookup().isEmpty()) {
            error.set(Messages.get("remedy.noLookup"));
            return;
        }
        if (choice == null) {
            error.set(Messages.get("remedy.choose"));
            return;
        }
        if (!choice.applicable()) {
            error.set(Messages.get("remedy.notApplicable", choice.title(), choice.why()));
            return;
        }
        busy.set(true);
        RepairSession repair = session.repair();
        runner.run(ui -> repair.plan(choice.id()), plan -> {
            busy.set(false);
            proceed.run();
        }, t -> {
            busy.set(false);
            error.set(ErrorText.message(t));
        });
    }
}
