package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.TargetName;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/**
 * Lookup: asks the directory (off the UI thread, with a visible busy state) for every SPN form WinRM may use for the
 * target and shows who holds each. Cancel stops waiting. A failure is shown in plain words with its technical
 * detail, and is recorded as a failure: it never looks like a healthy host.
 */
public final class LookupPageModel extends BasePageModel {
    private final WizardSession session;
    private final TaskRunner runner;
    private final ObservableList<LookupRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.github.spndoctor.core.diagnosis.HostVerdict> hostVerdict =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private TaskRunner.Handle running;
    private TaskRunner.Handle reassessing;
    private TargetName lookedUp;
    private Directory lookedUpIn;

    public LookupPageModel(WizardSession session, TaskRunner runner) {
        super(Step.LOOKUP);
        this.session = session;
        this.runner = runner;
        mainInstruction.set(Messages.get("lookup.instruction.idle"));
    }

    public ObservableList<LookupRow> rows() { return rows; }

    /** "Looking up …" while busy; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** What the overlay says while the lookup waits: the target and the server. */
    @Override
    public javafx.beans.value.ObservableStringValue waitingFor() { return status.getReadOnlyProperty(); }

    /** One sentence on what the lookup found. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorDetailProperty() { return errorDetail.getReadOnlyProperty(); }

    /**
     * The verdict's lead sentence ("No SPN problem found for …", "SPN problem for …"; its caveat is in
     * {@link #hostVerdictProperty()}); empty until looked up.
     */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }

    /** The verdict (kind, word, sentence: the view tones the box by it); null until looked up. */
    public javafx.beans.property.ReadOnlyObjectProperty<io.github.spndoctor.core.diagnosis.HostVerdict> hostVerdictProperty() {
        return hostVerdict.getReadOnlyProperty();
    }

    /**
     * The session's client changed (the client pane's picker or a setting): the per-SPN statuses and the verdict are
     * assessed again for it, off the UI thread (the assessment may ask DNS), and shown. Nothing when not looked up.
     */
    public void reassess() {
        var repair = session.repair();
        if (repair == null || busy.get() || repair.lastLookup().isEmpty() || session.lookup().isEmpty()) {
            return;
        }
        if (reassessing != null) {
            reassessing.cancel();
        }
        LookupResult result = repair.lastLookup().get();
        reassessing = runner.run(ui -> repair.assess(), a -> {
            reassessing = null;
            if (session.lookup().isPresent() && session.lookup().get() == result) {
                show(result, a);
            }
        }, t -> reassessing = null);
    }

    @Override
    public void onEnter() {
        TargetName target = session.targetProperty().get();
        boolean fresh = session.lookup().isPresent() && Objects.equals(target, lookedUp) && session.directory() == lookedUpIn;
        if (!fresh) {
            start();
        }
    }

    /** (Re)runs the lookup for the session's target. */
    public void start() {
        if (running != null) {
            running.cancel();
        }
        TargetName target = session.targetProperty().get();
        Directory dir = session.directory();
        rows.clear();
        summary.set("");
        verdict.set("");
        hostVerdict.set(null);
        error.set("");
        errorDetail.set("");
        session.lookupProperty().set(null);
        var repair = session.repair();
        if (!repair.target().equals(java.util.Optional.of(target))) {
            repair.describe(session.symptomTextProperty().get(), target);
        }
        busy.set(true);
        status.set(Messages.get("lookup.busy", target.asTyped(), dir.info().server()));
        mainInstruction.set(Messages.get("lookup.instruction.busy", target.asTyped()));
        lookedUp = target;
        lookedUpIn = dir;
        running = runner.run(ui -> {
            var r = repair.lookup();
            return new Found(r, repair.assess());
        }, this::found, this::failed);
    }

    /** The lookup and its assessment (per-SPN status for the client at hand, the verdict in one sentence). */
    record Found(LookupResult result, io.github.spndoctor.core.session.Assessment assessment) { }

    private void found(Found f) {
        LookupResult result = f.result();
        running = null;
        busy.set(false);
        status.set("");
        session.lookupProperty().set(result);
        show(result, f.assessment());
        mainInstruction.set(Messages.get("lookup.instruction.done", result.target().asTyped()));
        long problems = result.registrations().stream()
                .filter(r -> result.status(r) == LookupResult.Status.WRONG_ACCOUNT || result.status(r) == LookupResult.Status.DUPLICATE)
                .count();
        String computer = result.computer().map(Account::ref).map(r -> r.samAccountName())
                .map(c -> Messages.get("lookup.computer", c))
                .orElse(Messages.get("lookup.nocomputer", result.target().asTyped()));
        summary.set(computer + " " + (problems == 0
                ? Messages.get("lookup.summary.none")
                : Messages.plural("lookup.summary.problems", (int) problems))
                + result.replicationNotes().stream().map(n -> "\n⚠ " + n).reduce("", String::concat));
    }

    /** The table's statuses and the verdict, for the session's client. */
    private void show(LookupResult result, io.github.spndoctor.core.session.Assessment a) {
        rows.setAll(LookupRow.of(result, a.spns()));
        verdict.set(a.verdict().lead());
        hostVerdict.set(a.verdict());
    }

    private void failed(Throwable t) {
        running = null;
        busy.set(false);
        status.set("");
        DirectoryException failure = t instanceof DirectoryException d ? d
                : new DirectoryException(DirectoryException.Kind.OTHER, ErrorText.message(t), ErrorText.detail(t), t);
        session.lookupProperty().set(null);
        mainInstruction.set(Messages.get("lookup.instruction.failed", lookedUp.asTyped()));
        error.set(Messages.get("lookup.failed", failure.getMessage()));
        errorDetail.set(ErrorText.detail(failure));
    }

    @Override
    public boolean stopWork() {
        if (running == null) {
            return false;
        }
        running.cancel();
        running = null;
        String why = Messages.get("lookup.stopped", lookedUp.asTyped());
        session.repair().lookupStopped(why);
        failed(new DirectoryException(DirectoryException.Kind.TIMEOUT, why));
        return true;
    }

    @Override
    public void next(Runnable proceed) {
        if (session.lookup().isEmpty() && session.repair().lookupFailure().isEmpty()) {
            start();
            return;
        }
        proceed.run();
    }
}
