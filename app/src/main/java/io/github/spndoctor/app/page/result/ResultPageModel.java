package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.plan.ApplyOutcome;
import io.github.spndoctor.app.plan.ChangeStatus;
import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.plan.SessionFacts;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.Plan;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Result: applies the committed plan (progress per change), then states the outcome. "Check again" re-runs the
 * lookup; "Undo" previews the inverse plan on the Review page (same commit rules); "Save report" writes the session
 * report. There is no way back past an applied change.
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
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper();
    private ApplyOutcome outcome;

    /**
     * @param onCommitted called once a change has been written (the wizard then turns Cancel into Close)
     * @param navigator   moves the wizard to another step (Undo → Review)
     */
    public ResultPageModel(WizardSession session, TaskRunner runner, PlanService plans, Runnable onCommitted,
                           Consumer<Step> navigator) {
        super(Step.RESULT);
        this.session = session;
        this.runner = runner;
        this.plans = plans;
        this.onCommitted = onCommitted;
        this.navigator = navigator;
        primaryLabel.set("");
    }

    public ObservableList<ChangeRow> rows() { return rows; }

    public ReadOnlyStringProperty outcomeProperty() { return outcomeText.getReadOnlyProperty(); }

    /** Technical detail of a failure. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    /** What "Check again" found. */
    public ReadOnlyStringProperty checkProperty() { return checkText.getReadOnlyProperty(); }

    /** Findings, the KDC's answer and reminders (klist purge) of the last check. */
    public ReadOnlyStringProperty checkDetailsProperty() { return checkDetails.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canCheckProperty() { return canCheck.getReadOnlyProperty(); }

    @Override
    public boolean allowsBack() { return false; }

    @Override
    public void onEnter() {
        checkText.set("");
        notice.set("");
        detail.set("");
        Plan plan = session.pendingApplyProperty().get();
        session.pendingApplyProperty().set(null);
        canCheck.set(session.directory() != null && session.targetProperty().get() != null);
        if (plan == null && session.scriptFileProperty().get() == null && outcome != null) {
            return; // back from an undo preview: keep showing what was applied
        }
        if (plan == null) {
            rows.clear();
            canUndo.set(false);
            Path script = session.scriptFileProperty().get();
            mainInstruction.set(Messages.get(script != null ? "result.instruction.script" : "result.instruction.nothing"));
            outcomeText.set(script != null ? Messages.get("result.script", script) : Messages.get("result.nothing"));
            return;
        }
        boolean undo = session.purposeProperty().get() == WizardSession.Purpose.UNDO;
        mainInstruction.set(Messages.plural(undo ? "result.instruction.undoing" : "result.instruction.applying", plan.changes().size()));
        rows.setAll(plan.changes().stream().map(SpnChange::description).map(ChangeRow::new).toList());
        outcomeText.set("");
        canUndo.set(false);
        busy.set(true);
        var dir = session.directory();
        var target = session.targetProperty().get();
        runner.run(ui -> plans.apply(dir, target, plan, (i, st, msg) -> ui.post(() -> {
            rows.get(i).statusProperty().set(st);
            rows.get(i).messageProperty().set(msg);
            if (st == ChangeStatus.APPLIED) {
                onCommitted.run();
            }
        })), o -> finished(o, undo), t -> {
            busy.set(false);
            mainInstruction.set(Messages.get("result.instruction.failed"));
            outcomeText.set(ErrorText.message(t));
            detail.set(ErrorText.detail(t));
            rows.stream().filter(r -> r.statusProperty().get() == ChangeStatus.WAITING)
                    .forEach(r -> r.statusProperty().set(ChangeStatus.NOT_ATTEMPTED));
        });
    }

    private void finished(ApplyOutcome o, boolean undo) {
        busy.set(false);
        outcome = o;
        for (int i = 0; i < o.statuses().size() && i < rows.size(); i++) {
            rows.get(i).statusProperty().set(o.statuses().get(i));
        }
        if (!o.applied().changes().isEmpty()) {
            onCommitted.run();
        }
        session.appliedProperty().set(o.applied());
        o.report().ifPresent(r -> (undo ? session.undoReportProperty() : session.applyReportProperty()).set(r));
        session.journalProperty().set(o.journalHandle());
        int n = o.applied().changes().size();
        mainInstruction.set(o.allApplied()
                ? Messages.plural(undo ? "result.instruction.undone" : "result.instruction.applied", n)
                : Messages.get("result.instruction.partial", n, rows.size()));
        outcomeText.set(o.message());
        detail.set(o.detail());
        canUndo.set(n > 0);
        if (n > 0) {
            notice.set(Messages.get("result.staysNote"));
        }
    }

    /** Re-runs the lookup (and, on a live directory with Kerberos, asks the KDC) and says whether the host is fixed. */
    public void checkAgain() {
        var dir = session.directory();
        var target = session.targetProperty().get();
        String remedyId = Optional.ofNullable(session.applyReportProperty().get()).map(r -> r.plan().remedyId())
                .or(() -> Optional.ofNullable(session.planProperty().get()).map(Plan::remedyId)).orElse(null);
        busy.set(true);
        checkText.set(Messages.get("result.checking", target.asTyped()));
        checkDetails.set("");
        runner.run(ui -> plans.verify(dir, target, remedyId), v -> {
            busy.set(false);
            session.verifiedProperty().set(v);
            v.lookup().ifPresent(session::lookupSucceeded);
            String name = v.lookup().map(r -> r.target().fqdn().orElse(r.target().asTyped())).orElse(target.asTyped());
            String first = v.findings().isEmpty() ? "" : v.findings().get(0);
            checkText.set(switch (v.verdict()) {
                case FIXED -> Messages.get("result.fixed", name);
                case NOT_FIXED -> Messages.get("result.stillBroken", name,
                        v.causes().isEmpty() ? "" : v.causes().get(0).id().id(), first);
                case UNKNOWN -> Messages.get("result.checkUnknown", name, first);
            });
            List<String> more = new java.util.ArrayList<>(v.findings());
            v.ticket().ifPresent(t -> more.add(Messages.get("result.ticket", t.explanation(), t.answer())));
            more.addAll(v.reminders());
            checkDetails.set(String.join("\n", more));
        }, t -> {
            busy.set(false);
            checkText.set(Messages.get("result.checkFailed", ErrorText.message(t)));
        });
    }

    /** Previews the undo of what was applied on the Review page. */
    public void undo() {
        if (outcome == null || outcome.applied().changes().isEmpty()) {
            return;
        }
        try {
            Plan inverse = plans.undoPlan(outcome);
            session.planProperty().set(inverse);
            session.purposeProperty().set(WizardSession.Purpose.UNDO);
            navigator.accept(Step.REVIEW);
        } catch (Exception e) {
            notice.set(ErrorText.message(e));
        }
    }

    /** Writes the session report to {@code file} (the view asks where). */
    public void saveReport(Path file) {
        var applied = Optional.ofNullable(session.applyReportProperty().get());
        SessionFacts facts = new SessionFacts(session.symptomTextProperty().get(),
                Optional.ofNullable(session.directory()).map(d -> d.info()), session.lookup(),
                session.rankedCausesProperty().get(),
                applied.map(r -> r.plan()).or(() -> Optional.ofNullable(session.planProperty().get())),
                Optional.ofNullable(session.recheckProperty().get()), applied,
                Optional.ofNullable(session.verifiedProperty().get()),
                Optional.ofNullable(session.undoReportProperty().get()), session.timeline().entries());
        runner.run(ui -> plans.saveReport(facts, file), p -> notice.set(Messages.get("result.reportSaved", p)),
                t -> notice.set(ErrorText.message(t)));
    }

    @Override
    public void next(Runnable proceed) {
        // the last page has no primary button
    }
}
