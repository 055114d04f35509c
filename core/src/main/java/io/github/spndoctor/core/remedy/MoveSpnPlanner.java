package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.OptionalInt;

/**
 * move-spn-to-computer (seed 002): when the web application pool can run as the machine identity, the HTTP SPNs
 * move from the service account to the target computer, so IIS and WinRM both use the computer's key.
 */
final class MoveSpnPlanner {
    static final String ID = "move-spn-to-computer";
    static final String TITLE = "Move the HTTP SPN to the computer (app pool runs as the machine)";

    private MoveSpnPlanner() {}

    static Plan plan(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        Account computer = s.computer().orElseThrow(() -> new NotApplicableException(
                "The computer account for " + s.typed() + " was not found, so the SPN has nowhere to move to."));
        List<Situation.Conflict> conflicts = s.serviceAccountConflicts();
        if (conflicts.isEmpty()) {
            throw new NotApplicableException("No service account holds an HTTP SPN for " + s.typed() + "; there is nothing to move.");
        }
        PlanBuilder b = new PlanBuilder(ID, TITLE, dir);
        for (Situation.Conflict c : conflicts) {
            b.remove(c.holder(), c.spn());
        }
        for (Spn spn : s.spns("HTTP", OptionalInt.empty())) {
            b.add(computer, spn);
        }
        for (Situation.Conflict c : conflicts) {
            String svc = c.holder().ref().label();
            b.warn("First change the application pool identity on " + s.typed() + " from " + svc + " to the machine "
                    + "(ApplicationPoolIdentity, NetworkService or LocalSystem). Otherwise the web application loses Kerberos.");
            b.warn("The machine identity does not have " + svc + "'s group memberships or rights (SQL logins, file shares, "
                    + "CRM roles). Grant them to " + computer.ref().label() + " yourself; note that every service running "
                    + "as the machine then gains them.");
        }
        return b.build();
    }
}
