package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.spn.SpnResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks on a plan before anything is written: that SPN Doctor can undo every change it would make, and which adds
 * a domain controller will refuse through {@code sPNMappings} (KB5008382: since November 2021 a user who is not an
 * administrator cannot add an SPN whose alias another account holds, e.g. HTTP/x while a computer holds HOST/x).
 * Pure apart from the directory reads; thread-safe.
 */
public final class Preflight {
    private Preflight() {}

    /**
     * Refuses a plan with a change SPN Doctor could not undo: an add of a protected SPN, or any add to a domain
     * controller's account (undo never removes either, ADR 0404).
     *
     * @throws NotApplicableException naming the change and why
     */
    public static void requireUndoable(Plan plan) {
        for (SpnChange c : plan.changes()) {
            if (!(c instanceof SpnChange.Add)) {
                continue;   // the undo of a removal is an add, which is always possible
            }
            Optional<Account> holder = plan.basisOf(c.account());
            if (holder.isPresent() && holder.get().domainController()) {
                throw new NotApplicableException("SPN Doctor would not be able to undo this plan: it adds " + c.spn() + " to "
                        + c.account().label() + ", a domain controller, and SPN Doctor never removes a domain controller's "
                        + "SPNs. Make such a change by hand, with care, if it is really needed.");
            }
            if (ProtectedSpns.isProtected(c.spn())) {
                throw new NotApplicableException("SPN Doctor would not be able to undo this plan: it adds " + c.spn()
                        + ", a service class Windows registers itself (" + c.spn().serviceClass() + "), which SPN Doctor "
                        + "never removes. Register it by hand: setspn -S " + c.spn() + " " + c.account().samAccountName());
            }
        }
    }

    /**
     * One sentence per add that collides through the forest's {@code sPNMappings} with an SPN another account holds:
     * the DC refuses it unless the bound identity is an administrator. A failure to read the mappings is said too
     * (never taken as "no collision").
     */
    public static List<String> aliasCollisions(Directory dir, Plan plan) {
        List<SpnChange> adds = plan.changes().stream().filter(c -> c instanceof SpnChange.Add).toList();
        if (adds.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        SpnMappings mappings;
        try {
            mappings = dir.spnMappings();
        } catch (DirectoryException e) {
            return List.of("The forest's sPNMappings could not be read (" + e.getMessage() + "), so it is not known whether "
                    + "the domain controller will refuse an add through an alias (KB5008382).");
        }
        String who = dir.info().boundIdentity();
        for (SpnChange c : adds) {
            Optional<Spn> alias = SpnResolver.aliasOf(c.spn(), mappings);
            if (alias.isEmpty()) {
                continue;
            }
            try {
                List<AccountRef> others = dir.findHolders(alias.get()).stream().map(Account::ref)
                        .filter(r -> !r.sameEntry(c.account())).toList();
                if (!others.isEmpty()) {
                    out.add("Unless " + who + " is a domain administrator, the domain controller will refuse to add " + c.spn()
                            + " to " + c.account().label() + ": the forest's sPNMappings map " + c.spn().serviceClass()
                            + " onto " + alias.get().serviceClass() + ", and " + alias.get() + " is held by "
                            + String.join(", ", others.stream().map(AccountRef::label).toList())
                            + " (KB5008382, November 2021 updates).");
                }
            } catch (DirectoryException e) {
                out.add("Whether " + alias.get() + " (the alias of " + c.spn() + ") is held by another account could not be "
                        + "checked: " + e.getMessage());
            }
        }
        return out;
    }
}
