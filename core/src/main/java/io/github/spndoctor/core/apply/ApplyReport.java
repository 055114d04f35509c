package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of applying a plan: one outcome per change, in plan order, the journal that allows undo, and a message
 * that says what state the directory is in. Immutable.
 */
public record ApplyReport(Plan plan, List<ChangeOutcome> outcomes, Optional<Path> journal, String message,
                          List<String> problems) {
    public ApplyReport {
        Objects.requireNonNull(plan, "plan");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(message, "message");
        problems = List.copyOf(problems);
    }

    /** True when every change was applied. */
    public boolean success() {
        return outcomes.stream().allMatch(o -> o.status() == ChangeOutcome.Status.APPLIED);
    }

    public List<SpnChange> withStatus(ChangeOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).map(ChangeOutcome::change).toList();
    }
}
