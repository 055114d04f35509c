package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.probe.TicketOutcome;
import io.github.spndoctor.core.probe.TicketProbe;
import io.github.spndoctor.core.probe.TicketResult;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * After a watch: asks the KDC of each domain controller that answered (port 88 on the DC itself) for a ticket to
 * every SPN the write changed, as a client bound to that DC would, and says whose key the ticket carries — compared
 * by key version with the accounts the write touched and the target's computer. A DC that holds the change should
 * no longer issue for the old holder; one that does not hold it yet still does (knowledge.md §7.5). An unreachable DC
 * is not asked. Blocks; never on the UI thread. Stateless.
 */
public final class KdcCheck {
    /** The Kerberos port every DC's KDC listens on. */
    public static final int KDC_PORT = 88;

    /** Asks one KDC (the environment's only one) for a ticket; the live probe's ticket step by default. */
    @FunctionalInterface
    public interface TicketSource {
        TicketResult request(Spn spn, ProbeEnvironment env);
    }

    /**
     * One DC's KDC asked for one SPN.
     *
     * @param keyOf the accounts whose key version equals the ticket's (one: that account's key; several: cannot tell)
     */
    public record DcTicket(DcStatus dc, Spn spn, TicketResult ticket, List<String> keyOf, String words) {
        public DcTicket {
            Objects.requireNonNull(dc, "dc");
            keyOf = List.copyOf(keyOf);
        }
    }

    private KdcCheck() {}

    /** {@link #run(ConvergenceReport, Directory, List, ProbeEnvironment, TicketSource)} with the live probe's ticket step. */
    public static List<DcTicket> run(ConvergenceReport report, Directory directory, List<AccountRef> alsoCompare,
                                     ProbeEnvironment base) {
        return run(report, directory, alsoCompare, base, TicketProbe::request);
    }

    /**
     * Asks every reachable DC's KDC in {@code report} for each SPN its expectations name. Key versions are read
     * once, on the session's directory, for the expectations' accounts and {@code alsoCompare} (the target's
     * computer, which answers through HOST/ once an HTTP/ SPN is gone).
     */
    public static List<DcTicket> run(ConvergenceReport report, Directory directory, List<AccountRef> alsoCompare,
                                     ProbeEnvironment base, TicketSource source) {
        Set<Spn> spns = new LinkedHashSet<>();
        report.expected().forEach(e -> spns.add(e.spn()));
        Map<String, Integer> kvnos = keyVersions(report, directory, alsoCompare);
        List<DcTicket> out = new ArrayList<>();
        for (DcStatus d : report.dcs()) {
            if (d.state() == DcState.UNREACHABLE) {
                continue;
            }
            ProbeEnvironment one = ProbeEnvironment.atKdc(base, realm(d.dc(), base), kdcAddress(d.dc(), base));
            for (Spn spn : spns) {
                TicketResult t = source.request(spn, one);
                List<String> keyOf = new ArrayList<>();
                OptionalInt k = t.outcome() == TicketOutcome.ISSUED ? t.kvno() : OptionalInt.empty();
                k.ifPresent(v -> kvnos.forEach((sam, kv) -> {
                    if (kv == v) {
                        keyOf.add(sam);
                    }
                }));
                out.add(new DcTicket(d, spn, t, keyOf, words(d, spn, t, keyOf, report)));
            }
        }
        return out;
    }

    /** The realm of the DC's domain (DC=multi,DC=test → MULTI.TEST), else the environment's. */
    static String realm(DomainController dc, ProbeEnvironment base) {
        StringBuilder sb = new StringBuilder();
        for (String rdn : dc.domainNamingContext().split(",")) {
            String r = rdn.strip();
            if (r.regionMatches(true, 0, "DC=", 0, 3)) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.substring(3));
            }
        }
        return sb.length() > 0 ? sb.toString().toUpperCase(Locale.ROOT)
                : base.kdc().defaultRealm().orElse("").toUpperCase(Locale.ROOT);
    }

    /** The DC's KDC: its name as the probe's DNS resolves it (the first address), else the name itself. */
    static InetSocketAddress kdcAddress(DomainController dc, ProbeEnvironment base) {
        List<String> addresses = base.resolver().addresses(dc.name());
        return InetSocketAddress.createUnresolved(addresses.isEmpty() ? dc.name() : addresses.get(0), KDC_PORT);
    }

    private static Map<String, Integer> keyVersions(ConvergenceReport report, Directory directory, List<AccountRef> also) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<AccountRef> accounts = new ArrayList<>();
        report.expected().forEach(e -> accounts.add(e.account()));
        accounts.addAll(also);
        for (AccountRef a : accounts) {
            if (out.containsKey(a.samAccountName())) {
                continue;
            }
            try {
                directory.keyVersion(a.dn()).ifPresent(v -> out.put(a.samAccountName(), v));
            } catch (DirectoryException e) {
                // this account's key version stays unknown: no ticket is attributed to it
            }
        }
        return out;
    }

    /** What the ticket means for this DC, in the session's names. */
    static String words(DcStatus d, Spn spn, TicketResult t, List<String> keyOf, ConvergenceReport report) {
        String dc = d.dc().shortName() + "'s KDC";
        if (t.outcome() != TicketOutcome.ISSUED) {
            return dc + " gave no ticket for " + spn + ": " + t.outcome().words() + ".";
        }
        String kv = t.kvno().isPresent() ? "key version " + t.kvno().getAsInt() : "no key version";
        String base = dc + " issued a ticket for " + spn + " with " + kv;
        if (keyOf.size() != 1) {
            return base + (keyOf.isEmpty() ? ", which none of the accounts compared has"
                    : ", which " + String.join(" and ", keyOf) + " all have: whose key it is cannot be told from the ticket") + ".";
        }
        String holder = keyOf.get(0);
        boolean oldHolder = report.expected().stream()
                .anyMatch(e -> !e.present() && e.spn().equals(spn) && e.account().samAccountName().equalsIgnoreCase(holder));
        boolean newHolder = report.expected().stream()
                .anyMatch(e -> e.present() && e.spn().equals(spn) && e.account().samAccountName().equalsIgnoreCase(holder));
        if (oldHolder) {
            return base + ": " + holder + "'s key, the account the SPN was removed from. A client that asks "
                    + d.dc().shortName() + " still gets a ticket the server cannot read"
                    + (d.state() == DcState.CONVERGED ? ", although this DC holds the change (its KDC may still cache the account)."
                    : " until the change replicates there.");
        }
        if (newHolder || d.state() == DcState.CONVERGED) {
            return base + ": " + holder + "'s key" + (newHolder ? ", the account that now holds it" : "")
                    + ". The change is in effect on this DC's KDC.";
        }
        return base + ": " + holder + "'s key.";
    }
}
