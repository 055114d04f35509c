package io.github.spndoctor.core.session;

import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.remedy.NotApplicableException;
import io.github.spndoctor.core.remedy.Plan;

import java.util.Optional;

/**
 * A trainer's breaking actions as session plans (ADR 0720): the trainer's demo only; a break that changes the
 * directory becomes the plan under way and is then previewed, confirmed, re-checked, journalled, applied and undone as a
 * fix is (the re-check and the check follow {@code BreakRules}); a DNS break is only planned, it has no journal.
 */
final class TrainerBreaks {
    private final SessionState state;

    TrainerBreaks(SessionState state) {
        this.state = state;
    }

    /** Plans break {@code id} against the demo as it is now (blocks: reads the directory); adopts nothing. */
    DemoBreak plan(String id, Optional<String> host) throws DirectoryException, NotApplicableException {
        return Breaks.plan(demo(), id, host, Optional.empty());
    }

    /** Refuses what cannot become the session's plan: not the trainer's demo, or a break with nothing to journal. */
    void requireDirectoryBreak(DemoBreak b) {
        demo();
        if (b.dns().isPresent() || !b.plan().hasDirectoryChanges()) {
            throw new IllegalArgumentException("This break changes the demo's DNS, not the directory: it has no journal to undo it from.");
        }
    }

    /** Makes {@code b} the plan under way (its host is already the target). */
    Plan adopt(DemoBreak b) {
        synchronized (state) {
            state.timeline.add(state.changes.plannedBreak(b));
            return state.changes.plan();
        }
    }

    Optional<DemoBreak> current() {
        synchronized (state) {
            return Optional.ofNullable(state.changes.breaking());
        }
    }

    private TrainerDemo demo() {
        return TrainerDemo.of(state.directory)
                .orElseThrow(() -> new IllegalStateException("Breaking actions are for the trainer's demo only."));
    }
}
