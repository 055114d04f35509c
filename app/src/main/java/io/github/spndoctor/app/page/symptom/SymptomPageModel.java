package io.github.spndoctor.app.page.symptom;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.wizard.BasePageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.PastedText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Symptom: the pasted error text and the target host. What the text says is recognised as the user types
 * (debounced, off the UI thread, so a 10 MB paste does not freeze anything); a recognised target fills the target
 * field unless the user typed one. Next validates the target and shows the problem under the field.
 */
public final class SymptomPageModel extends BasePageModel {
    /** The most text the paste area keeps; longer pastes are cut here and the user is told. */
    public static final int MAX_TEXT = 100_000;
    /** The most the target field keeps. */
    public static final int MAX_TARGET = 1024;
    static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final WizardSession session;
    private final TaskRunner runner;
    private final SymptomReader reader;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty targetError = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Recognised> recognised = new ReadOnlyObjectWrapper<>(Recognised.NOTHING);
    private final ObjectProperty<CommonChoice> commonSymptom = new SimpleObjectProperty<>();
    private final List<CommonChoice> commonChoices;
    private TaskRunner.Handle pending;
    /** Next's reading of the text, while it runs. */
    private TaskRunner.Handle entering;
    private final StringProperty waiting = new SimpleStringProperty("");
    private String overflow;
    private String overflowFor;
    private boolean overflowArmed;
    private String autoFilledTarget = "";
    private int reading;
    private final EvidencePaneModel evidence;

    /** The target the evidence filled in, while the field still shows it. */
    private String evidenceFilled;

    public SymptomPageModel(WizardSession session, TaskRunner runner, SymptomReader reader, List<CommonChoice> commonChoices) {
        super(Step.SYMPTOM);
        this.session = session;
        this.runner = runner;
        this.reader = reader;
        this.commonChoices = List.copyOf(commonChoices);
        this.evidence = new EvidencePaneModel(runner);
        mainInstruction.set(Messages.get("symptom.instruction"));
        primaryLabel.set(Messages.get("button.lookup"));
        text.addListener((o, a, b) -> textChanged(b));
        target.addListener((o, a, b) -> targetError.set(""));
        // the host of the SPN the evidence shows the client asked for fills an empty (or auto-filled) target; clearing
        // the evidence takes that name away again
        evidence.evidenceProperty().addListener((o, a, b) -> evidenceChanged(b));
        commonSymptom.addListener((o, a, b) -> {
            if (b != null) {
                text.set(b.text());
            }
        });
        session.onStartOver(this::forgetHost);
    }

    /** Start over: the next host starts from an empty page (its error text, host and evidence are its own). */
    private void forgetHost() {
        commonSymptom.set(null);
        text.set("");
        target.set("");
        targetError.set("");
        notice.set("");
        evidence.clear();
    }

    public StringProperty textProperty() { return text; }

    /** Evidence files and pastes (event logs, klist, Negotiate headers) added on this page. */
    public EvidencePaneModel evidence() { return evidence; }

    public StringProperty targetProperty() { return target; }

    public StringProperty targetErrorProperty() { return targetError; }

    /** A note about the paste (e.g. that it was cut); empty when there is nothing to say. */
    public StringProperty noticeProperty() { return notice; }

    public ReadOnlyObjectProperty<Recognised> recognisedProperty() { return recognised.getReadOnlyProperty(); }

    /** Common symptoms offered to someone without error text. */
    public List<CommonChoice> commonChoices() { return commonChoices; }

    public ObjectProperty<CommonChoice> commonSymptomProperty() { return commonSymptom; }

    /** True while the text is being read in the background. */
    public boolean isReading() { return reading > 0; }

    /**
     * The paste area kept only the first {@code kept} characters of {@code pasted}. The rest is not lost: as long as
     * the text is not edited afterwards, it is appended for reading and diagnosis (the parser reads the head and the
     * tail of long texts, where a log usually ends with the error).
     */
    public void pasteWasCut(String pasted, int kept) {
        overflow = pasted.substring(kept);
        overflowArmed = true;
        notice.set(Messages.get("symptom.cut", pasted.length(), kept));
    }

    /** The text used for recognition and diagnosis: the paste area's text plus the part of a paste it could not hold. */
    public String effectiveText() {
        return overflow != null && text.get().equals(overflowFor) ? text.get() + overflow : text.get();
    }

    /** A one-line summary of what was recognised, for the page and screen readers. */
    public static String summary(Recognised r) {
        if (r.isEmpty()) {
            return Messages.get("symptom.recognised.nothing");
        }
        List<String> parts = new ArrayList<>();
        if (!r.codes().isEmpty()) {
            parts.add(Messages.get("symptom.recognised.codes", String.join(", ", r.codes())));
        }
        r.client().ifPresent(c -> parts.add(Messages.get("symptom.recognised.client", c)));
        r.target().ifPresent(t -> parts.add(Messages.get("symptom.recognised.target", t)));
        r.other().forEach(parts::add);
        return String.join("\n", parts);
    }

    private void evidenceChanged(io.github.spndoctor.core.evidence.EvidenceSet set) {
        java.util.Optional<String> host = set.lookupTarget(java.util.Optional.empty()).map(TargetName::asTyped);
        boolean ours = target.get().isBlank() || target.get().equals(autoFilledTarget);
        if (host.isPresent() && ours) {
            autoFilledTarget = host.get();
            target.set(host.get());
        } else if (host.isEmpty() && evidenceFilled != null && target.get().equals(evidenceFilled)) {
            target.set("");
        }
        evidenceFilled = host.isPresent() && ours ? host.get() : host.isEmpty() ? null : evidenceFilled;
    }

    private void textChanged(String value) {
        if (overflowArmed) {
            overflowFor = value;          // the text right after the cut paste
            overflowArmed = false;
        } else if (overflow != null && !value.equals(overflowFor)) {
            overflow = null;              // edited since: the cut part no longer belongs to it
            notice.set(Messages.get("symptom.cutDropped"));
        }
        String effective = effectiveText();
        if (pending != null) {
            pending.cancel();
            reading = Math.max(0, reading - 1);
        }
        if (value.isEmpty()) {
            notice.set("");
        }
        reading++;
        pending = runner.runAfter(DEBOUNCE, ui -> reader.read(effective), r -> {
            reading--;
            recognised.set(r);
            r.target().ifPresent(t -> {
                if (target.get().isBlank() || target.get().equals(autoFilledTarget)) {
                    autoFilledTarget = t;
                    target.set(t);
                }
            });
        }, failure -> {
            reading--;
            recognised.set(Recognised.NOTHING);
        });
    }

    @Override
    public void onEnter() {
        targetError.set("");
    }

    @Override
    public void next(Runnable proceed) {
        if (evidence.isReading()) {
            targetError.set(Messages.get("evidence.stillReading"));
            return;
        }
        io.github.spndoctor.core.evidence.EvidenceSet ev = evidence.evidenceProperty().get();
        TargetName parsed;
        try {
            parsed = target.get().isBlank() && ev.requestedSpn().isPresent()
                    ? ev.lookupTarget(java.util.Optional.empty()).orElseThrow()
                    : TargetName.parse(target.get());
        } catch (IllegalArgumentException e) {
            targetError.set(e.getMessage());
            return;
        }
        // the text enters the product here: from now on only its redacted form exists (reports, diagnosis, JSON);
        // the evidence comes with it, and the SPN it shows the client asked for is the name looked up. Redacting and
        // parsing take seconds for a 10 MB paste: they run off the UI thread, and Esc stops the wait
        String raw = ev.symptomText(effectiveText());
        TargetName host = ev.lookupTarget(java.util.Optional.of(parsed)).orElse(parsed);
        java.util.List<io.github.spndoctor.core.evidence.EvidenceItem> items = ev.items();
        waiting.set(Messages.plural("symptom.busy", raw.length()));
        busy.set(true);
        entering = runner.run(ui -> PastedText.read(raw), pasted -> {
            entering = null;
            busy.set(false);
            session.symptomTextProperty().set(pasted.text().text());
            session.targetProperty().set(host);
            session.lookupProperty().set(null);
            if (session.repair() != null) {
                session.repair().describe(pasted, host, items);   // the report's Evidence section lists them
            }
            proceed.run();
        }, failure -> {
            entering = null;
            busy.set(false);
            targetError.set(Messages.get("symptom.readFailed", ErrorText.message(failure)));
        });
    }

    @Override
    public javafx.beans.value.ObservableStringValue waitingFor() { return waiting; }

    /** Esc while the text is read for Look up: the page stays as it was, and says so. */
    @Override
    public boolean stopWork() {
        if (entering == null) {
            return false;
        }
        entering.cancel();
        entering = null;
        busy.set(false);
        notice.set(Messages.get("symptom.stopped"));
        return true;
    }

    /** A common symptom someone can pick instead of pasting text. */
    public record CommonChoice(String label, String text) {
        @Override
        public String toString() { return label; }
    }
}
