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
                          List<String> problems, List<AliasOutcome> aliasOutcomes) {
    public ApplyReport {
        Objects.requireNonNull(plan, "plan");
        outcomes = List.copyOf(outcomes);
        aliasOutcomes = List.copyOf(aliasOutcomes);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(message, "message");
        problems = List.copyOf(problems);
    }

    /** A report of SPN changes only (every fix). */
    public ApplyReport(Plan plan, List<ChangeOutcome> outcomes, Optional<Path> journal, String message, List<String> problems) {
        this(plan, outcomes, journal, message, problems, List.of());
    }

    /** True when every change was applied. */
    public boolean success() {
        return outcomes.stream().allMatch(o -> o.status() == ChangeOutcome.Status.APPLIED)
                && aliasOutcomes.stream().allMatch(o -> o.status() == ChangeOutcome.Status.APPLIED);
    }

    /** The DNS alias changes with this outcome. */
    public List<io.github.spndoctor.core.model.AliasChange> aliasesWithStatus(ChangeOutcome.Status status) {
        return aliasOutcomes.stream().filter(o -> o.status() == status).map(AliasOutcome::change).toList();
    }

    public List<SpnChange> withStatus(ChangeOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).map(ChangeOutcome::change).toList();
    }
}
