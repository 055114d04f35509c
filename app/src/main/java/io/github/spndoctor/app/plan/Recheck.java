package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.remedy.Plan;

import java.util.List;

/**
 * The re-read right before applying: whether the plan may still be applied (possibly rebuilt), what changed since
 * the lookup, and a sentence for the page. Immutable.
 */
public record Recheck(boolean safe, Plan plan, List<String> changes, String message,
                      java.util.Optional<io.github.spndoctor.core.apply.Recheck> core) {
    public Recheck {
        changes = List.copyOf(changes);
    }
}
