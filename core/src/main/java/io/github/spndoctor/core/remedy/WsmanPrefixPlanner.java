package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.OptionalInt;

/**
 * wsman-prefix (KB 4549715 option 3): make sure the computer holds WSMAN/&lt;short&gt; and WSMAN/&lt;fqdn&gt;, and
 * set the client registry value spn_prefix = WSMAN so the WinRM client asks for WSMAN/ instead of HTTP/.
 */
final class WsmanPrefixPlanner {
    static final String ID = "wsman-prefix";
    static final String TITLE = "Use WSMAN/ SPNs for WinRM (spn_prefix on the clients)";

    private WsmanPrefixPlanner() {}

    static Plan plan(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        Account computer = s.computer().orElseThrow(() -> new NotApplicableException(
                "The computer account for " + s.typed() + " was not found, so there is nothing to register WSMAN/ SPNs on."));
        PlanBuilder b = new PlanBuilder(ID, TITLE, dir);
        for (Spn spn : s.spns("WSMAN", OptionalInt.empty())) {
            b.add(computer, spn);
        }
        b.step(ClientSteps.spnPrefixReg());
        b.step(ClientSteps.spnPrefixCmd());
        b.step(ClientSteps.spnPrefixPowerShell());
        b.step(ClientSteps.purgeTickets());
        b.warn("spn_prefix is machine-wide on each client: every WinRM connection from that client then asks for WSMAN/<name>. "
                + "Servers without WSMAN/ SPNs (domain controllers often lack them) need them registered too, or those "
                + "connections fall back to NTLM or fail.");
        b.warn("Test it on one client first: after klist purge and a new connection, klist should list a ticket for "
                + "WSMAN/" + s.typed() + ".");
        if (!b.hasChanges()) {
            b.warn(computer.ref().label() + " already holds the WSMAN/ SPNs; only the client registry step remains.");
        }
        return b.build();
    }
}
