package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the changes, warnings and basis of one plan while a planner works, applying the rules every planner
 * shares: protected SPNs are never removed; every addition is preceded by a forest-wide check of who holds the value;
 * removals are checked for constrained delegation that points at them. Not thread-safe; one per plan.
 */
final class PlanBuilder {
    private final String remedyId;
    private final String title;
    private final Directory dir;
    private final List<SpnChange> changes = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final List<ClientStep> steps = new ArrayList<>();
    private final List<Account> basis = new ArrayList<>();

    /** @param dir the directory to consult for uniqueness and delegation; null when planning from a lookup alone */
    PlanBuilder(String remedyId, String title, Directory dir) {
        this.remedyId = remedyId;
        this.title = title;
        this.dir = dir;
    }

    /** Plans the removal of {@code spn} (matched case-insensitively) from {@code holder}, as the value is stored. */
    void remove(Account holder, Spn spn) {
        if (ProtectedSpns.isProtectedOn(spn, holder)) {
            throw new NotApplicableException(ProtectedSpns.why(spn, holder));
        }
        Spn stored = holder.stored(spn).orElse(spn);
        if (removes(holder.ref(), stored)) {
            return;
        }
        remember(holder);
        changes.add(new SpnChange.Remove(holder.ref(), stored));
        checkDelegation(stored);
    }

    /**
     * Plans the addition of {@code spn} to {@code account} after a forest-wide check: skipped when the account already
     * holds it; when another account holds it, that value is removed first (with a warning), unless it is protected.
     */
    void add(Account account, Spn spn) throws DirectoryException {
        if (account.holds(spn)) {
            return;
        }
        List<Account> holders = dir == null ? List.of() : dir.findHolders(spn);
        for (Account other : holders) {
            if (other.ref().sameEntry(account.ref())) {
                return; // the forest copy is newer than the lookup: already there
            }
            if (ProtectedSpns.isProtectedOn(spn, other)) {
                throw new NotApplicableException(spn + " is already registered on " + other.ref().label()
                        + " and SPN Doctor will not remove it there. " + ProtectedSpns.why(spn, other));
            }
            warn(spn + " is already registered on " + other.ref().label() + "; a domain controller refuses a second "
                    + "holder, so the plan removes it from " + other.ref().label() + " first.");
            remove(other, spn);
        }
        remember(account);
        changes.add(new SpnChange.Add(account.ref(), spn));
    }

    private boolean removes(AccountRef ref, Spn spn) {
        return changes.stream().anyMatch(c -> c instanceof SpnChange.Remove && c.account().sameEntry(ref) && c.spn().equals(spn));
    }

    private void checkDelegation(Spn spn) {
        if (dir == null) {
            return;
        }
        try {
            for (Account a : dir.findDelegatingTo(spn)) {
                warn(a.ref().label() + " is allowed to delegate to " + spn + " (constrained delegation, "
                        + "msDS-AllowedToDelegateTo). Once " + spn + " is gone, that delegation stops working until it is "
                        + "pointed at the new SPN.");
            }
        } catch (DirectoryException e) {
            warn("Could not check whether any account delegates to " + spn + " (" + e.getMessage()
                    + "). Check msDS-AllowedToDelegateTo by hand before applying.");
        }
    }

    void remember(Account a) {
        if (basis.stream().noneMatch(b -> b.ref().sameEntry(a.ref()))) {
            basis.add(a);
        }
    }

    void warn(String w) { warnings.add(w); }

    void step(ClientStep s) { steps.add(s); }

    boolean hasChanges() { return !changes.isEmpty(); }

    List<SpnChange> changes() { return List.copyOf(changes); }

    Optional<Account> basisOf(AccountRef ref) {
        return basis.stream().filter(b -> b.ref().sameEntry(ref)).findFirst();
    }

    Plan build() {
        return new Plan(remedyId, title, changes, steps, List.copyOf(warnings), basis);
    }
}
