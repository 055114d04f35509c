package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.report.Timeline;
import io.github.spndoctor.core.text.RedactedText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * What the pages share during one run of the wizard: the directory in use (swappable: demo or live), the symptom
 * text and target, the lookup outcome, the chosen plan and its purpose. Typed, observable, used on the UI thread only.
 */
public final class WizardSession {
    /** Why the current plan exists. */
    public enum Purpose { FIX, UNDO }

    private final ObjectProperty<Directory> directory = new SimpleObjectProperty<>();
    private final StringProperty symptomText = new SimpleStringProperty("");
    private final ObjectProperty<TargetName> target = new SimpleObjectProperty<>();
    private final ObjectProperty<LookupResult> lookup = new SimpleObjectProperty<>();
    private final ObjectProperty<DirectoryException> lookupFailure = new SimpleObjectProperty<>();
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>(Purpose.FIX);
    private final ObjectProperty<Plan> pendingApply = new SimpleObjectProperty<>();
    private final ObjectProperty<Plan> applied = new SimpleObjectProperty<>();
    private final ObjectProperty<Object> journal = new SimpleObjectProperty<>();
    private final ObjectProperty<java.nio.file.Path> scriptFile = new SimpleObjectProperty<>();
    private final ObjectProperty<java.util.List<io.github.spndoctor.core.diagnosis.RankedCause>> rankedCauses =
            new SimpleObjectProperty<>(java.util.List.of());
    private final ObjectProperty<io.github.spndoctor.core.apply.Recheck> recheck = new SimpleObjectProperty<>();
    private final ObjectProperty<io.github.spndoctor.core.apply.ApplyReport> applyReport = new SimpleObjectProperty<>();
    private final ObjectProperty<io.github.spndoctor.core.apply.ApplyReport> undoReport = new SimpleObjectProperty<>();
    private final ObjectProperty<io.github.spndoctor.core.verify.VerifyResult> verified = new SimpleObjectProperty<>();
    private final StringBinding banner = Bindings.createStringBinding(
            () -> directory.get() == null ? "" : directory.get().info().banner(), directory);
    private final Timeline timeline = new Timeline();

    public WizardSession() {
        // the session's steps, stamped when they happen, for the report (the CLI records the same steps)
        symptomText.addListener((o, a, b) -> timeline.symptom(RedactedText.of(b)));
        lookup.addListener((o, a, b) -> { if (b != null) timeline.lookedUp(b); });
        lookupFailure.addListener((o, a, b) -> { if (b != null) timeline.lookupFailed(b); });
        rankedCauses.addListener((o, a, b) -> { if (b != null) timeline.diagnosed(b); });
        plan.addListener((o, a, b) -> { if (b != null) timeline.planned(b); });
        recheck.addListener((o, a, b) -> { if (b != null) timeline.rechecked(b); });
        applyReport.addListener((o, a, b) -> { if (b != null) timeline.applied(b); });
        verified.addListener((o, a, b) -> { if (b != null) timeline.verified(b); });
        undoReport.addListener((o, a, b) -> { if (b != null) timeline.undone(b); });
    }

    /** What happened in this session, with times (for the report). */
    public Timeline timeline() { return timeline; }

    public ObjectProperty<Directory> directoryProperty() { return directory; }

    public Directory directory() { return directory.get(); }

    /** The mode banner shown on every page ("DEMO · … · changes allowed"); empty until connected. */
    public StringBinding banner() { return banner; }

    public StringProperty symptomTextProperty() { return symptomText; }

    public ObjectProperty<TargetName> targetProperty() { return target; }

    public ObjectProperty<LookupResult> lookupProperty() { return lookup; }

    public ObjectProperty<DirectoryException> lookupFailureProperty() { return lookupFailure; }

    public Optional<LookupResult> lookup() { return Optional.ofNullable(lookup.get()); }

    /** Records a successful lookup (clearing any failure). */
    public void lookupSucceeded(LookupResult result) {
        lookupFailure.set(null);
        lookup.set(result);
    }

    /** Records a failed or stopped lookup: nothing is known, and nothing may look healthy. */
    public void lookupFailed(DirectoryException failure) {
        lookup.set(null);
        lookupFailure.set(failure);
    }

    public ObjectProperty<Plan> planProperty() { return plan; }

    public ObjectProperty<Purpose> purposeProperty() { return purpose; }

    /** The plan the Review page committed and the Result page is to apply; null once taken. */
    public ObjectProperty<Plan> pendingApplyProperty() { return pendingApply; }

    /** The changes actually applied in the last apply (what Undo reverses). */
    public ObjectProperty<Plan> appliedProperty() { return applied; }

    /** The ranked causes of the last diagnosis, for reports. */
    public ObjectProperty<java.util.List<io.github.spndoctor.core.diagnosis.RankedCause>> rankedCausesProperty() { return rankedCauses; }

    /** The last re-read before applying. */
    public ObjectProperty<io.github.spndoctor.core.apply.Recheck> recheckProperty() { return recheck; }

    /** The report of the last fix applied. */
    public ObjectProperty<io.github.spndoctor.core.apply.ApplyReport> applyReportProperty() { return applyReport; }

    /** The report of the last undo applied. */
    public ObjectProperty<io.github.spndoctor.core.apply.ApplyReport> undoReportProperty() { return undoReport; }

    /** The last "Check again". */
    public ObjectProperty<io.github.spndoctor.core.verify.VerifyResult> verifiedProperty() { return verified; }

    /** The script saved for an administrator instead of applying (read-only path); null otherwise. */
    public ObjectProperty<java.nio.file.Path> scriptFileProperty() { return scriptFile; }

    /** The journal of the last apply (a core journal object), for undo and reports. */
    public ObjectProperty<Object> journalProperty() { return journal; }
}
