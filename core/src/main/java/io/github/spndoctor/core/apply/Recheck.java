package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.remedy.Plan;

import java.util.List;
import java.util.Objects;

/**
 * What the re-read right before applying found. Immutable.
 *
 * @param status what to do with the plan
 * @param plan   the plan to apply: the original, or the rebuilt one without steps that are no longer needed
 * @param notes  every difference found and every step dropped or refused, in plain words
 */
public record Recheck(Status status, Plan plan, List<String> notes) {
    /** Outcome of a recheck. */
    public enum Status {
        /** The accounts are exactly as when the plan was made. */
        UNCHANGED,
        /** Something changed on the accounts, but every planned change is still correct and safe. */
        STILL_SAFE,
        /** Some planned changes were already made by someone else (or would create a duplicate); they were dropped. */
        REBUILT,
        /** Applying now would overwrite or collide with another change: nothing may be applied. */
        REFUSED
    }

    public Recheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plan, "plan");
        notes = List.copyOf(notes);
    }

    /** True when the (possibly rebuilt) plan may be applied and has something to write. */
    public boolean canApply() {
        return status != Status.REFUSED && plan.hasDirectoryChanges();
    }

    /** One paragraph for a person. */
    public String message() {
        String head = switch (status) {
            case UNCHANGED -> "Nothing changed since the lookup; the plan is still exactly right.";
            case STILL_SAFE -> "The accounts changed since the lookup, but every planned change is still correct.";
            case REBUILT -> plan.hasDirectoryChanges()
                    ? "Some planned changes are no longer needed or no longer safe; the plan was rebuilt without them."
                    : "Nothing is left to do: every planned change was already made or is no longer safe.";
            case REFUSED -> "Refused: the directory changed in a way the plan did not expect. Nothing was written. "
                    + "Run the lookup again and review a new plan.";
        };
        return notes.isEmpty() ? head : head + "\n - " + String.join("\n - ", notes);
    }
}
