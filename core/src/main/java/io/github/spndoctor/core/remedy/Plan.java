package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a remedy will do: an ordered list of single-value directory changes (removals before additions, because a
 * 2012 R2+ DC refuses an addition while the value still exists elsewhere), the client-side steps that are not
 * directory writes, and the warnings a person must read first. Immutable.
 */
public record Plan(String remedyId, String title, List<SpnChange> changes, List<ClientStep> clientSteps,
                   List<String> warnings) {
    public Plan {
        Objects.requireNonNull(remedyId, "remedyId");
        Objects.requireNonNull(title, "title");
        changes = ordered(changes);
        clientSteps = List.copyOf(clientSteps);
        warnings = List.copyOf(warnings);
    }

    /** Removals first, then additions; order within each group is kept. */
    private static List<SpnChange> ordered(List<SpnChange> changes) {
        List<SpnChange> out = new ArrayList<>();
        changes.stream().filter(c -> c instanceof SpnChange.Remove).forEach(out::add);
        changes.stream().filter(c -> c instanceof SpnChange.Add).forEach(out::add);
        return List.copyOf(out);
    }

    /** The plan that undoes this one: each change inverted, in reverse order (re-sorted removals first). */
    public Plan inverse() {
        List<SpnChange> inv = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            inv.add(changes.get(i).inverse());
        }
        return new Plan(remedyId, "Undo: " + title, inv, List.of(), List.of());
    }

    public boolean hasDirectoryChanges() { return !changes.isEmpty(); }
}
