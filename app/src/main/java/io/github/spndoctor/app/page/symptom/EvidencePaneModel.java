package io.github.spndoctor.app.page.symptom;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceReader;
import io.github.spndoctor.core.evidence.EvidenceSet;
import io.github.spndoctor.core.model.TargetName;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence a user adds on the Symptom page (opened or dropped files, pasted event XML, klist output or a
 * Negotiate header). Files are read off the UI thread by core's {@link EvidenceReader}; each read adds to what is
 * there, and a file that cannot be read adds one line and loses nothing else. Used on the UI thread.
 */
public final class EvidencePaneModel {
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<EvidenceSet> evidence = new ReadOnlyObjectWrapper<>(EvidenceSet.EMPTY);
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper("");
    private int pending;

    public EvidencePaneModel(TaskRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyObjectProperty<EvidenceSet> evidenceProperty() { return evidence.getReadOnlyProperty(); }

    /** "Reading events.xml…" while files are read; empty otherwise. */
    public ReadOnlyStringProperty readingProperty() { return reading.getReadOnlyProperty(); }

    public boolean isReading() { return pending > 0; }

    /** Reads {@code files} in the background and adds what they prove. */
    public void addFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> copy = List.copyOf(files);
        String names = String.join(", ", copy.stream().map(p -> String.valueOf(p.getFileName())).toList());
        start(Messages.get("evidence.reading", names), () -> EvidenceReader.readFiles(copy));
    }

    /** Reads pasted evidence in the background (the raw text is not kept: only what it proves). */
    public void addText(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        start(Messages.get("evidence.readingPaste"), () -> EvidenceReader.readText(text, Messages.get("evidence.pasted")));
    }

    public void clear() {
        evidence.set(EvidenceSet.EMPTY);
    }

    private void start(String what, java.util.function.Supplier<EvidenceSet> job) {
        pending++;
        reading.set(what);
        runner.run(ui -> job.get(), r -> {
            done();
            evidence.set(evidence.get().plus(r));
        }, failure -> {
            done();
            evidence.set(evidence.get().plus(new EvidenceSet(List.of(), List.of(String.valueOf(failure.getMessage())), List.of())));
        });
    }

    private void done() {
        pending = Math.max(0, pending - 1);
        if (pending == 0) {
            reading.set("");
        }
    }

    /** The lines the pane shows: "From your evidence: …" per piece, problems, what was not used, a disagreement. */
    public static List<String> lines(EvidenceSet set, Optional<TargetName> typed) {
        List<String> out = new ArrayList<>();
        set.requestedSpn().ifPresent(r -> out.add(Messages.get("evidence.requested", r.spn().toString(), r.from().source())));
        set.disagreement(typed).ifPresent(d -> out.add(Messages.get("evidence.disagree", d)));
        for (EvidenceItem i : set.items()) {
            List<String> facts = i.facts().stream().limit(4).map(Object::toString).toList();
            out.add(Messages.get("evidence.item", i.source(), String.join("; ", facts)));
        }
        set.problems().forEach(p -> out.add(Messages.get("evidence.problem", p)));
        if (!set.notUsed().isEmpty()) {
            out.add(Messages.plural("evidence.notUsed", set.notUsedCount()));
        }
        return out;
    }

    /** The typed target as a name, if it parses. */
    static Optional<TargetName> typed(String target) {
        try {
            return target == null || target.isBlank() ? Optional.empty() : Optional.of(TargetName.parse(target));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
