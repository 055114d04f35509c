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
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

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

    /** What one DC's ticket means: the worst of a DC's answers decides how the DC is shown. */
    public enum Verdict {
        /** Issued with the key of the account that should hold the SPN now: the change is in effect there. */
        IN_EFFECT("change in effect"),
        /** Issued with the key of an account whose key cannot be told apart, or of another account. */
        UNCLEAR("cannot tell"),
        /** Issued by a DC that does not hold the change yet, with the key of an account the change does not name. */
        NOT_YET("not in effect yet"),
        /** No ticket (refused, or the KDC did not answer). */
        NO_TICKET("no ticket"),
        /** Issued with the key of the account the SPN was removed from: clients asking this DC still fail. */
        OLD_HOLDER("old holder's key");

        private final String words;

        Verdict(String words) { this.words = words; }

        /** Plain words for the table. */
        public String words() { return words; }
    }

    /** Told before each request, so a face can show which DC's KDC it waits for. */
    @FunctionalInterface
    public interface Progress {
        void asking(DomainController dc, Spn spn);

        Progress NONE = (dc, spn) -> { };
    }

    /**
     * One DC's KDC asked for one SPN.
     *
     * @param keyOf the accounts whose key version equals the ticket's (one: that account's key; several: cannot tell)
     */
    public record DcTicket(DcStatus dc, Spn spn, TicketResult ticket, List<String> keyOf, Verdict verdict, String words) {
        public DcTicket {
            Objects.requireNonNull(dc, "dc");
            Objects.requireNonNull(verdict, "verdict");
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
        return run(report, directory, alsoCompare, base, source, Progress.NONE, () -> false);
    }

    /**
     * As {@link #run(ConvergenceReport, Directory, List, ProbeEnvironment, TicketSource)}, telling {@code progress}
     * before each request and asking no further KDC once {@code stop} says so (what was asked by then is returned).
     */
    public static List<DcTicket> run(ConvergenceReport report, Directory directory, List<AccountRef> alsoCompare,
                                     ProbeEnvironment base, TicketSource source, Progress progress, BooleanSupplier stop) {
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
                if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return out;
                }
                progress.asking(d.dc(), spn);
                TicketResult t = source.request(spn, one);
                List<String> keyOf = new ArrayList<>();
                OptionalInt k = t.outcome() == TicketOutcome.ISSUED ? t.kvno() : OptionalInt.empty();
                k.ifPresent(v -> kvnos.forEach((sam, kv) -> {
                    if (kv == v) {
                        keyOf.add(sam);
                    }
                }));
                Verdict v = verdict(spn, t, keyOf, report, d);
                out.add(new DcTicket(d, spn, t, keyOf, v, words(d, spn, t, keyOf, report)));
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

    /**
     * The DC's KDC: where the environment says it is (the demo's simulated DCs), else its name as the probe's DNS
     * resolves it (the first address), else the name itself; port 88.
     */
    static InetSocketAddress kdcAddress(DomainController dc, ProbeEnvironment base) {
        Optional<InetSocketAddress> known = base.kdcOf(dc.name());
        if (known.isPresent()) {
            return known.get();
        }
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

    /** The same reading as {@link #words} as a verdict. */
    static Verdict verdict(Spn spn, TicketResult t, List<String> keyOf, ConvergenceReport report, DcStatus d) {
        if (t.outcome() != TicketOutcome.ISSUED) {
            return Verdict.NO_TICKET;
        }
        if (keyOf.size() != 1) {
            return Verdict.UNCLEAR;
        }
        if (holder(report, spn, keyOf.get(0), false)) {
            return Verdict.OLD_HOLDER;
        }
        if (holder(report, spn, keyOf.get(0), true) || d.state() == DcState.CONVERGED) {
            return Verdict.IN_EFFECT;
        }
        return d.state() == DcState.STALE ? Verdict.NOT_YET : Verdict.UNCLEAR;
    }

    /** True when the journal moved {@code spn} to ({@code present}) or away from {@code sam}. */
    private static boolean holder(ConvergenceReport report, Spn spn, String sam, boolean present) {
        return report.expected().stream()
                .anyMatch(e -> e.present() == present && e.spn().equals(spn) && e.account().samAccountName().equalsIgnoreCase(sam));
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
        boolean oldHolder = holder(report, spn, holder, false);
        boolean newHolder = holder(report, spn, holder, true);
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
        return base + ": " + holder + "'s key" + (d.state() == DcState.STALE
                ? ". The change has not reached " + d.dc().shortName() + " yet, so its KDC still answers as before." : ".");
    }
}
