package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.ChangeProgress;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.session.Commit;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.verify.VerifyResult;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Result: commits the confirmed plan through the repair session (re-check at that moment, journal, progress per
 * change), then re-checks by itself and shows the current state — after an apply and after an undo alike. "Check
 * again" repeats the check; "Undo" previews the inverse plan on the Review page (same commit rules); "Save report"
 * writes the session report with its timeline; "Start over" checks another host on the same connection.
 */
public final class ResultPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final PlanService plans;
    private final Runnable onCommitted;
    private final Consumer<Step> navigator;
    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VerifyResult.Verdict> checkVerdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper();
    private boolean shown;
    private final ConvergenceModel convergence;
    private Runnable afterCommit = () -> { };

    /**
     * @param onCommitted called once a change has been written (the wizard then turns Cancel into Close)
     * @param navigator   moves the wizard to another step (Undo → Review, Start over → Symptom)
     */
    public ResultPageModel(WizardSession session, TaskRunner runner, PlanService plans, Runnable onCommitted,
                           Consumer<Step> navigator) {
        super(Step.RESULT);
        this.session = session;
        this.runner = runner;
        this.plans = plans;
        this.onCommitted = onCommitted;
        this.navigator = navigator;
        this.convergence = new ConvergenceModel(runner);
        convergence.setOnEnd(() -> busy.set(false));
        // asking each DC's KDC (by itself or by its button) keeps the page busy, so Esc stops it
        convergence.kdcs().askingProperty().addListener((o, was, now) -> { if (now) { busy.set(true); } });
        primaryLabel.set("");
    }

    /** Called once an apply or an undo wrote and was checked (the wizard tests the connection again then). */
    public void setAfterCommit(Runnable afterCommit) { this.afterCommit = afterCommit; }

    /** Which domain controllers already hold what was applied or undone (issue 15). */
    public ConvergenceModel convergence() { return convergence; }

    @Override
    public boolean stopWork() { return convergence.stop(); }

    public ObservableList<ChangeRow> rows() { return rows; }

    public ReadOnlyStringProperty outcomeProperty() { return outcomeText.getReadOnlyProperty(); }

    /** Technical detail of a failure. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    /** What the last check found, in a sentence (after an undo: that it is undone and what stands now). */
    public ReadOnlyStringProperty checkProperty() { return checkText.getReadOnlyProperty(); }

    /** The last check's verdict (the view shows icon + word + colour); null before any check. */
    public ReadOnlyObjectProperty<VerifyResult.Verdict> checkVerdictProperty() { return checkVerdict.getReadOnlyProperty(); }

    /** What proves the fix, the findings, the KDC's answer, what is still to do, and reminders of the last check. */
    public ReadOnlyStringProperty checkDetailsProperty() { return checkDetails.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canCheckProperty() { return canCheck.getReadOnlyProperty(); }

    @Override
    public boolean allowsBack() { return false; }

    @Override
    public void onEnter() {
        RepairSession repair = session.repair();
        notice.set("");
        detail.set("");
        canCheck.set(repair != null && repair.target().isPresent());
        if (repair == null || !repair.confirmed()) {
            if (shown && session.scriptFileProperty().get() == null) {
                return; // back from an undo preview that was not confirmed: keep showing the current state
            }
            rows.clear();
            canUndo.set(false);
            Path script = session.scriptFileProperty().get();
            mainInstruction.set(Messages.get(script != null ? "result.instruction.script" : "result.instruction.nothing"));
            outcomeText.set(script != null ? Messages.get("result.script", script) : Messages.get("result.nothing"));
            return;
        }
        shown = true;
        Plan plan = repair.currentPlan().orElseThrow();
        boolean undo = repair.purpose() == RepairSession.Purpose.UNDO;
        checkText.set("");
        checkDetails.set("");
        checkVerdict.set(null);
        mainInstruction.set(Messages.plural(undo ? "result.instruction.undoing" : "result.instruction.applying",
                plan.changes().size() + plan.aliases().size()));
        rows.setAll(plan.changes().stream().map(SpnChange::description).map(ChangeRow::new).toList());
        plan.aliases().forEach(a -> rows.add(new ChangeRow(a.description())));
        outcomeText.set("");
        canUndo.set(false);
        busy.set(true);
        runner.run(ui -> repair.commit(new ApplyListener() {
            @Override
            public void starting(int index, int total, SpnChange change) {
                ui.post(() -> row(index, ChangeProgress.APPLYING, ""));
            }

            @Override
            public void finished(int index, int total, ChangeOutcome o) {
                ui.post(() -> {
                    row(index, ChangeProgress.of(o.status(), plan.isUndo()), o.status() == ChangeOutcome.Status.APPLIED ? "" : o.detail());
                    if (o.status() == ChangeOutcome.Status.APPLIED) {
                        onCommitted.run();
                    }
                });
            }
        }, Optional.empty()), c -> finished(c, plan), t -> {
            busy.set(false);
            mainInstruction.set(Messages.get("result.instruction.failed"));
            outcomeText.set(ErrorText.message(t));
            detail.set(ErrorText.detail(t));
            rows.stream().filter(r -> r.statusProperty().get() == ChangeProgress.WAITING)
                    .forEach(r -> r.statusProperty().set(ChangeProgress.NOT_ATTEMPTED));
        });
    }

    private void row(int i, ChangeProgress p, String message) {
        if (i < rows.size()) {
            rows.get(i).statusProperty().set(p);
            rows.get(i).messageProperty().set(message);
        }
    }

    private void finished(Commit c, Plan plan) {
        // the page stays busy from the commit into the watch (no moment of "not busy" in between)
        RepairSession repair = session.repair();
        if (c.applied().isEmpty()) {
            busy.set(false);
            mainInstruction.set(Messages.get("result.instruction.nothing"));
            outcomeText.set(c.recheck().message());
            rows.forEach(r -> r.statusProperty().set(ChangeProgress.NOT_ATTEMPTED));
            canUndo.set(repair.applied().map(Plan::hasDirectoryChanges).orElse(false));
            return;
        }
        var report = c.applied().get();
        for (int i = 0; i < report.outcomes().size() && i < rows.size(); i++) {
            rows.get(i).statusProperty().set(ChangeProgress.of(report.outcomes().get(i).status(), plan.isUndo()));
        }
        // DNS alias changes (the CNAME break) come after the SPN changes; they report no progress while under way
        for (int i = 0; i < report.aliasOutcomes().size() && report.outcomes().size() + i < rows.size(); i++) {
            var o = report.aliasOutcomes().get(i);
            row(report.outcomes().size() + i, ChangeProgress.of(o.status(), plan.isUndo()),
                    o.status() == ChangeOutcome.Status.APPLIED ? "" : o.detail());
        }
        if (c.wrote()) {
            onCommitted.run();
        }
        int n = report.withStatus(ChangeOutcome.Status.APPLIED).size() + report.aliasesWithStatus(ChangeOutcome.Status.APPLIED).size();
        mainInstruction.set(report.success()
                ? Messages.plural(c.undo() ? "result.instruction.undone" : "result.instruction.applied", n)
                : Messages.get("result.instruction.partial", n, rows.size()));
        String message = report.message() + (report.problems().isEmpty() ? "" : "\n" + String.join("\n", report.problems()));
        outcomeText.set(message);
        detail.set(String.join("\n", report.outcomes().stream().filter(o -> o.status() != ChangeOutcome.Status.APPLIED)
                .map(o -> o.change().description() + ": " + o.status().id() + (o.detail().isEmpty() ? "" : " — " + o.detail())).toList())
                + report.aliasOutcomes().stream().filter(o -> o.status() != ChangeOutcome.Status.APPLIED)
                .map(o -> "\n" + o.change().description() + ": " + o.status().id() + (o.detail().isEmpty() ? "" : " — " + o.detail()))
                .reduce("", String::concat));
        // after an undo nothing is left to undo from this page; after a fix, what was applied can be reversed
        canUndo.set(!c.undo() && repair.applied().map(Plan::hasDirectoryChanges).orElse(false));
        if (!c.undo() && n > 0) {
            notice.set(Messages.get("result.staysNote"));
        }
        c.check().ifPresent(this::showCheck);
        if (c.wrote()) {
            afterCommit.run();
        }
        // has every domain controller the change yet? (issue 15) The page stays busy while it watches.
        if (n > 0 && c.journal().isPresent()) {
            convergence.start(repair);
            busy.set(convergence.watchingProperty().get() || convergence.kdcs().askingProperty().get());
        } else {
            busy.set(false);
        }
    }

    /** Checks again what the last commit relies on (after an undo: that it is undone) and shows the current state. */
    public void checkAgain() {
        RepairSession repair = session.repair();
        String name = repair.target().map(t -> t.asTyped()).orElse("");
        busy.set(true);
        checkText.set(Messages.get("result.checking", name));
        checkDetails.set("");
        runner.run(ui -> repair.check(), v -> {
            busy.set(false);
            showCheck(v);
        }, t -> {
            busy.set(false);
            checkText.set(Messages.get("result.checkFailed", ErrorText.message(t)));
        });
    }

    private void showCheck(VerifyResult v) {
        RepairSession repair = session.repair();
        v.lookup().ifPresent(session.lookupProperty()::set);
        String name = v.lookup().map(r -> r.target().fqdn().orElse(r.target().asTyped()))
                .orElse(repair.target().map(t -> t.asTyped()).orElse(""));
        checkVerdict.set(v.verdict());
        String first = v.findings().isEmpty() ? "" : v.findings().get(0);
        String now = v.findings().stream().filter(f -> f.startsWith("Now: ")).findFirst().map(f -> f.substring(5)).orElse(first);
        checkText.set(switch (v.verdict()) {
            case FIXED -> Messages.get("result.fixed", name);
            case STEPS_REMAIN -> Messages.plural("result.stepsRemain", v.toDo().size(), name);
            case GUIDANCE -> Messages.plural("result.guidance", v.toDo().size(), name);
            case NOT_FIXED -> repair.purpose() == RepairSession.Purpose.BREAK ? Messages.get("result.broken", name, first)
                    : Messages.get("result.stillBroken", name, first);
            case UNDONE -> Messages.get("result.undone", name, now);
            case NOT_UNDONE -> Messages.get("result.notUndone", name, first);
            case UNKNOWN -> Messages.get("result.checkUnknown", name, first);
        });
        List<String> more = new ArrayList<>();
        if (!v.proof().isEmpty()) {
            more.add(Messages.get("result.proof", v.proof()));
        }
        more.addAll(v.findings());
        v.ticket().ifPresent(t -> more.add(Messages.get("result.ticket", t.explanation(), t.answer())));
        v.toDo().forEach(t -> more.add(Messages.get("result.toDo", t)));
        more.addAll(v.reminders());
        checkDetails.set(String.join("\n", more));
    }

    /** Previews the undo of what was applied on the Review page. */
    public void undo() {
        RepairSession repair = session.repair();
        try {
            repair.planUndo();
            navigator.accept(Step.REVIEW);
        } catch (RuntimeException e) {
            notice.set(ErrorText.message(e));
        }
    }

    /** Another host on the same connection (the password stays in memory for this run only). */
    public void startOver() {
        session.startOver();
        shown = false;
        rows.clear();
        outcomeText.set("");
        checkText.set("");
        checkDetails.set("");
        checkVerdict.set(null);
        canUndo.set(false);
        navigator.accept(Step.SYMPTOM);
    }

    /** Writes the session report, with every step in order, to {@code file} (the view asks where). */
    public void saveReport(Path file) {
        var report = session.repair().report();
        runner.run(ui -> plans.saveReport(report, file), p -> notice.set(Messages.get("result.reportSaved", p)),
                t -> notice.set(ErrorText.message(t)));
    }

    @Override
    public void next(Runnable proceed) {
        // the last page has no primary button
    }
}
