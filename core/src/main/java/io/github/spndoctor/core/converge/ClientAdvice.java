package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.directory.DomainController;

import java.util.ArrayList;
import java.util.List;

/**
 * What still stands between the user and a working connection once the directory holds the change (knowledge.md
 * §7.5): tickets the clients already hold, the DC a client is bound to, and the cache of "SPN not found" answers.
 * Text only, in the session's names. Stateless.
 */
public final class ClientAdvice {
    private ClientAdvice() {}

    /** What the KDC of a DC that has not replicated yet still does, e.g. for a removed SPN. */
    static String staleKdc(DomainController dc, List<Expectation> pending) {
        Expectation e = pending.get(0);
        String more = pending.size() > 1 ? " (and " + (pending.size() - 1) + " more value" + (pending.size() > 2 ? "s" : "") + ")" : "";
        if (!e.present()) {
            return "Its KDC still finds " + e.spn() + " on " + e.account().samAccountName() + " and encrypts tickets for that "
                    + "account" + more + ": clients that ask " + dc.shortName() + " still fail until it replicates.";
        }
        return "Its KDC does not know " + e.spn() + " on " + e.account().samAccountName() + " yet" + more
                + ": clients that ask " + dc.shortName() + " get the old answer until it replicates.";
    }

    /** The steps that remain on the clients, after (or while waiting for) every DC to hold the change. */
    public static List<String> steps(ConvergenceReport report) {
        List<String> out = new ArrayList<>();
        String spn = report.expected().isEmpty() ? null : report.expected().get(0).spn().toString();
        out.add("On each Windows client, drop the tickets it already holds: klist purge, and klist -li 0x3e7 purge for "
                + "services that run as SYSTEM. On Linux or macOS: kdestroy, then kinit.");
        out.add("klist query_bind shows which domain controller a client asks; klist purge_bind makes it pick one again"
                + (report.converged() ? "." : " (a client bound to a DC that does not hold the change yet keeps the old answer)."));
        if (report.expected().stream().anyMatch(Expectation::present)) {
            String added = report.expected().stream().filter(Expectation::present).map(e -> e.spn().toString()).findFirst().orElseThrow();
            out.add("A client that asked for " + added + " before it existed may keep the answer \"no such SPN\" for up to "
                    + "15 minutes (SpnCacheTimeout); wait, or restart the client.");
        }
        if (spn != null) {
            out.add("Then test with an authenticated request, e.g. klist get " + spn + " (Windows) or kvno " + spn + " (Linux).");
        }
        return out;
    }
}
