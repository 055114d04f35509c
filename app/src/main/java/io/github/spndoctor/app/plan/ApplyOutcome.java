package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.remedy.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did: the status of each change (in plan order), the plan of the changes actually applied (what undo
 * reverses), a sentence on the state the directory is now in, the technical detail of a failure, and the journal
 * written before the first change. Immutable.
 */
public record ApplyOutcome(List<ChangeStatus> statuses, Plan applied, String message, String detail,
                           Optional<Path> journal, Object journalHandle,
                           Optional<io.github.spndoctor.core.apply.ApplyReport> report) {
    public ApplyOutcome {
        statuses = List.copyOf(statuses);
    }

    public boolean allApplied() {
        return statuses.stream().allMatch(s -> s == ChangeStatus.APPLIED);
    }
}
