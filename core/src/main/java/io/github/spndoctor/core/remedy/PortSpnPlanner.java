package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.CandidateSpns;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * port-spn (KB 4549715 option 2): register HTTP/&lt;short&gt;:5985 and HTTP/&lt;fqdn&gt;:5985 (and :5986 for HTTPS)
 * on the target computer, each after a forest-wide check of who holds it, and tell clients to use
 * -IncludePortInSPN. The service account keeps its HTTP SPN, so its web application keeps working.
 */
final class PortSpnPlanner {
    static final String ID = "port-spn";
    static final String TITLE = "Register port SPNs for WinRM on the computer";

    private PortSpnPlanner() {}

    static List<Spn> wanted(Situation s, RemedySettings settings) {
        List<Spn> out = new ArrayList<>(s.spns("HTTP", OptionalInt.of(CandidateSpns.HTTP_PORT)));
        if (settings.https()) {
            out.addAll(s.spns("HTTP", OptionalInt.of(CandidateSpns.HTTPS_PORT)));
        }
        return out;
    }

    static Plan plan(LookupResult lookup, Directory dir, RemedySettings settings) throws DirectoryException {
        Situation s = new Situation(lookup);
        Account computer = s.computer().orElseThrow(() -> new NotApplicableException(
                "The computer account for " + s.typed() + " was not found, so there is nothing to register port SPNs on."));
        PlanBuilder b = new PlanBuilder(ID, TITLE, dir);
        for (Spn spn : wanted(s, settings)) {
            b.add(computer, spn);
        }
        b.step(ClientSteps.includePortInSpn(s.typed()));
        b.step(ClientSteps.purgeTickets());
        b.warn("Only clients that opt in (-IncludePortInSPN, New-WSManSessionOption -SPNPort, winrs -spnport) use the "
                + "port SPNs. Server Manager, Windows Admin Center and any script without the option keep asking for "
                + "HTTP/" + s.typed() + " and keep failing.");
        if (!b.hasChanges()) {
            b.warn(computer.ref().label() + " already holds every port SPN; only the client-side steps remain.");
        }
        return b.build();
    }
}
