package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;

import java.util.List;

/**
 * remove-spn (KB 4549715 option 1): delete the HTTP/&lt;name&gt; SPNs (no port) that WinRM asks for from every
 * holder that is not the target computer. Each value is deleted as stored on the holder. Protected SPNs are never
 * touched. With a directory, the plan also warns about constrained delegation that points at a removed SPN.
 */
public final class RemoveSpnPlanner {
    public static final String ID = "remove-spn";
    static final String TITLE = "Remove the conflicting HTTP SPN from the account that holds it";

    private RemoveSpnPlanner() {}

    /** Plans from the lookup alone (no delegation check). */
    public static Plan plan(LookupResult lookup) {
        try {
            return plan(lookup, null);
        } catch (DirectoryException e) {
            throw new IllegalStateException(e); // cannot happen without a directory
        }
    }

    /**
     * Plans with {@code dir} consulted for delegation entries (null: lookup only).
     *
     * @throws NotApplicableException when no account other than the target computer holds such an SPN
     */
    public static Plan plan(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        List<Situation.Conflict> conflicts = s.httpConflicts();
        if (conflicts.isEmpty()) {
            throw new NotApplicableException("Nothing to remove: no account other than the target computer holds an HTTP SPN for "
                    + lookup.target().asTyped() + ".");
        }
        PlanBuilder b = new PlanBuilder(ID, TITLE, dir);
        for (Situation.Conflict c : conflicts) {
            b.remove(c.holder(), c.spn());
        }
        warnAbout(s, b);
        return b.build();
    }

    private static void warnAbout(Situation s, PlanBuilder b) {
        for (Situation.Conflict c : s.httpConflicts()) {
            if (c.duplicate()) {
                b.warn(c.spn() + " is registered on more than one account. The plan removes it from every account except "
                        + "the target computer. An undo can put it back on one account only: a domain controller that "
                        + "enforces SPN uniqueness refuses the second copy.");
            }
        }
        for (var ref : b.build().accounts()) {
            Account holder = b.basisOf(ref).orElseThrow();
            List<Spn> removed = b.changes().stream().filter(ch -> ch instanceof SpnChange.Remove && ch.account().sameEntry(ref))
                    .map(SpnChange::spn).toList();
            List<Spn> kept = holder.spns().stream().filter(x -> !removed.contains(x)).toList();
            if (holder.ref().kind() == AccountKind.COMPUTER) {
                b.warn(holder.ref().label() + " is another computer. Make sure it is retired or no longer answers to "
                        + s.typed() + " before taking the SPN away from it.");
            } else {
                b.warn("If a web application on " + s.typed() + " runs as " + holder.ref().label()
                        + " and uses Kerberos under this name, it falls back to NTLM or stops authenticating after the change.");
            }
            if (!kept.isEmpty()) {
                b.warn(holder.ref().label() + " keeps its other SPNs: " + String.join(", ", kept.stream().map(Spn::toString).toList())
                        + ". Services that use those names are not affected.");
            }
            if (!holder.allowedToDelegateTo().isEmpty()) {
                b.warn(holder.ref().label() + " itself delegates to " + String.join(", ", holder.allowedToDelegateTo())
                        + "; that is not changed.");
            }
        }
    }
}
