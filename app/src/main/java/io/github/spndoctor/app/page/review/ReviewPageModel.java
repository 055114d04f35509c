package io.github.spndoctor.app.page.review;

import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.Plan;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review, the commit page: the plan in plain words (numbered, naming each account at risk), warnings, client steps,
 * and a preview per format. Its primary button is the only commit button, named for the action ("Apply 1 change",
 * "Undo 1 change"); on a read-only connection it is "Create a script for an administrator" and writes nothing.
 * Confirming here is the explicit confirmation; the accounts are re-read at the moment of commit (on the Result page,
 * by the repair session, ADR 0401), however long the user waited here.
 */
public final class ReviewPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final PlanService plans;
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final Map<Format, String> previews = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper recheck = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper scriptOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper scriptForClipboard = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewsChanged = new ReadOnlyBooleanWrapper();
    private Plan plan;
    private final ReadOnlyStringWrapper breakStory = new ReadOnlyStringWrapper("");

    public ReviewPageModel(WizardSession session, TaskRunner runner, PlanService plans) {
        super(Step.REVIEW);
        this.session = session;
        this.runner = runner;
        this.plans = plans;
    }

    /** Numbered plain-language changes. */
    public ObservableList<String> changes() { return changes; }

    /** Warnings and client-side steps to read before applying. */
    public ObservableList<String> warnings() { return warnings; }

    /** Preview text per format, Summary first. Refreshed on entry (watch {@link #previewsChangedProperty()}). */
    public Map<Format, String> previews() { return previews; }

    /** Toggles each time the previews are rebuilt. */
    public ReadOnlyBooleanProperty previewsChangedProperty() { return previewsChanged.getReadOnlyProperty(); }

    /** When the accounts are re-read (at the commit), in a sentence; empty for a script. */
    public ReadOnlyStringProperty recheckProperty() { return recheck.getReadOnlyProperty(); }

    /** For a trainer's break: its story and what the class will see; empty otherwise. */
    public ReadOnlyStringProperty breakStoryProperty() { return breakStory.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Where a script or preview was saved. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** The administrator's script, once created: the view puts it on the clipboard. */
    public ReadOnlyStringProperty scriptForClipboardProperty() { return scriptForClipboard.getReadOnlyProperty(); }

    /** True when the commit button creates a script instead of writing (read-only, or nothing to write). */
    public ReadOnlyBooleanProperty scriptOnlyProperty() { return scriptOnly.getReadOnlyProperty(); }

    @Override
    public boolean commits() { return !scriptOnly.get(); }

    @Override
    public void onEnter() {
        error.set("");
        notice.set("");
        show(session.repair().currentPlan().orElseThrow());
        recheck.set(scriptOnly.get() ? "" : Messages.get("review.recheckAtCommit"));
    }

    private void show(Plan p) {
        plan = p;
        boolean undo = session.repair().purpose() == io.github.spndoctor.core.session.RepairSession.Purpose.UNDO;
        int n = plan.changes().size() + plan.aliases().size();
        var breaking = session.repair().currentBreak();
        breakStory.set(breaking.map(b -> Messages.get("review.breakStory", b.story(),
                io.github.spndoctor.core.demo.Breaks.classSees(b.id()).replace("<host>", b.target()))).orElse(""));
        scriptOnly.set(session.directory().info().readOnly() || (n == 0 && !plan.clientSteps().isEmpty()));
        mainInstruction.set(breaking.isPresent() && !scriptOnly.get() ? Messages.plural("review.instruction.break", n)
                : undo && !scriptOnly.get() ? Messages.plural("review.instruction.undo", n)
                : scriptOnly.get() ? Messages.get("review.instruction.script", session.targetProperty().get().asTyped())
                : Messages.plural("review.instruction.apply", n));
        primaryLabel.set(scriptOnly.get() ? Messages.get("button.script")
                : undo ? Messages.plural("button.undo", n) : breaking.isPresent() ? Messages.plural("button.break", n)
                : Messages.plural("button.apply", n));
        changes.clear();
        int i = 1;
        for (SpnChange c : plan.changes()) {
            changes.add(Messages.get(c instanceof SpnChange.Add ? "review.change.add" : "review.change.remove",
                    i++, c.spn(), c.account().samAccountName().isEmpty() ? c.account().dn() : c.account().samAccountName(),
                    c.account().kind().id(), c.account().dn()));
        }
        for (io.github.spndoctor.core.model.AliasChange a : plan.aliases()) {
            changes.add(Messages.get("review.change.alias", i++, a.alias(), a.after(), a.before()));
        }
        warnings.setAll(plan.warnings());
        for (ClientStep s : plan.clientSteps()) {
            warnings.add(Messages.get("review.clientStep", s.title(), s.explanation()));
        }
        warnings.add(Messages.get("review.impact"));
        previews.clear();
        for (Format f : plans.formats()) {
            previews.put(f, session.repair().preview(f));
        }
        previewsChanged.set(!previewsChanged.get());
    }

    @Override
    public void next(Runnable proceed) {
        error.set("");
        if (scriptOnly.get()) {
            busy.set(true);
            Plan p = plan;
            runner.run(ui -> plans.saveScript(p, session.targetProperty().get()), file -> {
                busy.set(false);
                notice.set(Messages.get("review.scriptSaved", file));
                scriptForClipboard.set(plans.render(p, Format.POWERSHELL));
                session.scriptFileProperty().set(file);
                proceed.run();
            }, t -> {
                busy.set(false);
                error.set(ErrorText.message(t));
            });
            return;
        }
        if (!plan.hasDirectoryChanges()) {
            error.set(Messages.get("review.nothingLeft"));
            return;
        }
        session.scriptFileProperty().set(null);
        session.repair().confirm();   // the explicit confirmation; the re-check runs at the commit itself
        proceed.run();
    }

    /** Saves one preview to {@code file} (the view asks where). Runs off the UI thread. */
    public void save(Format format, Path file) {
        String text = previews.get(format);
        runner.run(ui -> Files.writeString(file, text), p -> notice.set(Messages.get("review.saved", p)),
                t -> error.set(ErrorText.message(t)));
    }
}
