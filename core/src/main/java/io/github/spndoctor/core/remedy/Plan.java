package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a remedy will do: an ordered list of single-value directory changes (removals before additions, because a
 * 2012 R2+ DC refuses an addition while the value still exists elsewhere), the client-side steps that are not
 * directory writes, and the warnings a person must read first. Immutable and thread-safe.
 *
 * @param basis   every account the changes touch, as read when the plan was made: the recheck before applying compares
 *                against it, and the journal records it as the prior state. Empty for plans built by hand.
 * @param aliases DNS alias changes, applied after the SPN changes: only the trainer's CNAME break (and its undo)
 *                has any, and only the demo applies them (ADR 0720)
 */
public record Plan(String remedyId, String title, List<SpnChange> changes, List<ClientStep> clientSteps,
                   List<String> warnings, List<Account> basis, List<AliasChange> aliases) {
    public Plan {
        Objects.requireNonNull(remedyId, "remedyId");
        Objects.requireNonNull(title, "title");
        changes = ordered(changes);
        clientSteps = List.copyOf(clientSteps);
        warnings = List.copyOf(warnings);
        basis = List.copyOf(basis);
        aliases = List.copyOf(aliases);
    }

    /** A plan of SPN changes only (every fix). */
    public Plan(String remedyId, String title, List<SpnChange> changes, List<ClientStep> clientSteps,
                List<String> warnings, List<Account> basis) {
        this(remedyId, title, changes, clientSteps, warnings, basis, List.of());
    }

    /** A plan without a recorded basis (the recheck then reads the accounts fresh and checks each change alone). */
    public Plan(String remedyId, String title, List<SpnChange> changes, List<ClientStep> clientSteps, List<String> warnings) {
        this(remedyId, title, changes, clientSteps, warnings, List.of());
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
        List<AliasChange> invAliases = new ArrayList<>();
        for (int i = aliases.size() - 1; i >= 0; i--) {
            invAliases.add(aliases.get(i).inverse());
        }
        return new Plan(remedyId, UNDO_PREFIX + title, inv, List.of(), List.of(), basis, invAliases);
    }

    /** How the title of a plan that undoes another begins (both ways of making one use it). */
    public static final String UNDO_PREFIX = "Undo: ";

    /** Whether this plan undoes an earlier one (its changes put back what that one changed). */
    public boolean isUndo() { return title.startsWith(UNDO_PREFIX); }

    /** True when applying it writes anything: an SPN value, or (the demo's CNAME break) a DNS alias. */
    public boolean hasDirectoryChanges() { return !changes.isEmpty() || !aliases.isEmpty(); }

    /** The distinct accounts the changes touch, in plan order. */
    public List<AccountRef> accounts() {
        List<AccountRef> out = new ArrayList<>();
        for (SpnChange c : changes) {
            if (out.stream().noneMatch(r -> r.sameEntry(c.account()))) {
                out.add(c.account());
            }
        }
        return out;
    }

    /** The recorded state of {@code ref} when the plan was made, if any. */
    public Optional<Account> basisOf(AccountRef ref) {
        return basis.stream().filter(a -> a.ref().sameEntry(ref)).findFirst();
    }

    /** A copy with other changes (same remedy, title, steps, warnings, basis): used when a recheck rebuilds a plan. */
    public Plan withChanges(List<SpnChange> newChanges) {
        return new Plan(remedyId, title, newChanges, clientSteps, warnings, basis, aliases);
    }

    /** A copy with other DNS alias changes (everything else kept). */
    public Plan withAliases(List<AliasChange> newAliases) {
        return new Plan(remedyId, title, changes, clientSteps, warnings, basis, newAliases);
    }
}
