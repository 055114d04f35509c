package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.verify.VerifyResult;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What one commit did: the re-check made at the moment of commit, the apply (empty when the re-check allowed nothing),
 * the check made right after, and the journal written before the first change. Immutable.
 *
 * @param undo true when the commit reversed an earlier one
 */
public record Commit(boolean undo, Recheck recheck, Optional<ApplyReport> applied, Optional<VerifyResult> check,
                     Optional<Path> journal) {
    public Commit {
        Objects.requireNonNull(recheck, "recheck");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(journal, "journal");
    }

    /** True when something reached the directory (or may have: an unknown outcome counts). */
    public boolean wrote() {
        return applied.map(a -> a.outcomes().stream().anyMatch(o -> o.status() != ChangeOutcome.Status.NOT_ATTEMPTED
                && o.status() != ChangeOutcome.Status.FAILED)).orElse(false);
    }
}
