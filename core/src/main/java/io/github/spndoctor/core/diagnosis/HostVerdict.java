package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer at a glance for one host: healthy, a problem, or unknown, in one sentence with the real names; the cause
 * the answer rests on (what a remedy must address); and the checks to run next. Rules, in order:
 * <ol>
 * <li>no lookup, or a failed one: UNKNOWN (a failed lookup is never healthy);</li>
 * <li>an SPN in a problem state ({@link SpnStatus#problem()}), or a cause the error text names outright (ranked
 *     {@link Confidence#VERY_LIKELY} with supporting text evidence): PROBLEM, resting on the better-ranked of the two;</li>
 * <li>an IP address: PROBLEM (Kerberos is not used with an address);</li>
 * <li>no computer account: UNKNOWN;</li>
 * <li>otherwise HEALTHY: no SPN problem for the client at hand. Said with what that client asks for and who answers
 *     it; with a warning ({@link Caveat#WARNING}) when an SPN other clients need is missing
 *     ({@link SpnStatus#warning()}); and, when the text carries an error, where that error most likely comes from
 *     instead ({@link Caveat#LOOK_ELSEWHERE}): a healthy host with an error at hand is never "nothing wrong". The next
 *     checks come from the other causes still ranked at least {@link Confidence#POSSIBLE}.</li>
 * </ol>
 * Immutable.
 *
 * @param sentence the whole verdict, as JSON and the CLI print it: {@link #lead()}, then {@link #caveatText()}
 * @param caveat what qualifies a HEALTHY verdict (always {@link Caveat#NONE} otherwise)
 * @param caveatText the sentences that say so (the warning, where the error comes from); empty with no caveat
 */
public record HostVerdict(Kind kind, String sentence, Optional<CauseId> cause, List<String> nextChecks, Caveat caveat,
                          String caveatText) {
    /** The three answers; the ids are a public contract (JSON {@code "verdict"}). */
    public enum Kind {
        HEALTHY, PROBLEM, UNKNOWN;

        public String id() { return name().toLowerCase(Locale.ROOT); }
    }

    /** What qualifies a healthy verdict; the wizard tones it (amber unless NONE), the CLI prints {@link #word()}. */
    public enum Caveat {
        /** Nothing: the SPNs are right and no error is at hand. */
        NONE,
        /** The SPNs are right for this client, but one other clients need is missing. */
        WARNING,
        /** The SPNs are right, and the error at hand comes from elsewhere (the sentence says where to look). */
        LOOK_ELSEWHERE;

        /** Stable id for JSON: {@code none}, {@code warning}, {@code look-elsewhere}. */
        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** The causes that are SPN registrations (what the Look up table shows). */
    public static final Set<CauseId> SPN_CAUSES = EnumSet.of(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT,
            CauseId.SPN_ON_OTHER_COMPUTER, CauseId.DUPLICATE_SPN, CauseId.MISSING_SPN);
    /** Next checks listed at most. */
    static final int MAX_CHECKS = 3;

    public HostVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(cause, "cause");
        nextChecks = List.copyOf(nextChecks);
        Objects.requireNonNull(caveat, "caveat");
        Objects.requireNonNull(caveatText, "caveatText");
        if (!sentence.endsWith(caveatText)) {
            throw new IllegalArgumentException("the sentence ends with its caveat");
        }
    }

    public HostVerdict(Kind kind, String sentence, Optional<CauseId> cause, List<String> nextChecks) {
        this(kind, sentence, cause, nextChecks, Caveat.NONE, "");
    }

    /** The verdict's first sentence, without the caveat (the wizard shows it in bold, the caveat below it). */
    public String lead() {
        return sentence.substring(0, sentence.length() - caveatText.length()).strip();
    }

    /**
     * The verdict in one or two words, the same on every face: "Problem", "Not known", "Healthy", "Healthy, with a
     * warning", "SPNs fine, error elsewhere".
     */
    public String word() {
        return switch (kind) {
            case PROBLEM -> "Problem";
            case UNKNOWN -> "Not known";
            case HEALTHY -> switch (caveat) {
                case NONE -> "Healthy";
                case WARNING -> "Healthy, with a warning";
                case LOOK_ELSEWHERE -> "SPNs fine, error elsewhere";
            };
        };
    }

    /** As {@link #of(TargetName, Diagnosis, Optional, Optional, List, Optional, String)} for an unnamed client. */
    public static HostVerdict of(TargetName target, Diagnosis d, Optional<LookupResult> lookup,
                                 Optional<DirectoryException> failure, List<SpnState> states) {
        return of(target, d, lookup, failure, states, Optional.empty(), "");
    }

    /**
     * @param target  the host as typed
     * @param lookup  the lookup, when it succeeded
     * @param failure why the lookup failed, when it did
     * @param states  the per-SPN states of the lookup for the client at hand (empty without a lookup)
     * @param asked   the SPN the client at hand asks for, when known
     * @param client  the client at hand in a few words ("PowerShell"); empty when not known
     */
    public static HostVerdict of(TargetName target, Diagnosis d, Optional<LookupResult> lookup,
                                 Optional<DirectoryException> failure, List<SpnState> states, Optional<Spn> asked,
                                 String client) {
        String name = lookup.map(l -> l.target().fqdn().orElse(l.target().asTyped())).orElse(target.asTyped());
        if (!target.isDnsName()) {
            return new HostVerdict(Kind.PROBLEM, name + " is an IP address: Kerberos is not used with an address, so "
                    + "WinRM needs a DNS name (or TrustedHosts or HTTPS with explicit credentials).",
                    Optional.of(CauseId.IP_ADDRESS_NTLM), checks(d, Optional.of(CauseId.IP_ADDRESS_NTLM), false, target, lookup));
        }
        if (lookup.isEmpty()) {
            String why = failure.map(f -> "the directory lookup failed: " + f.getMessage()).orElse("no lookup was made");
            return new HostVerdict(Kind.UNKNOWN, "Not known whether " + name + " has an SPN problem: " + why,
                    Optional.empty(), checks(d, Optional.empty(), true, target, lookup));
        }
        LookupResult l = lookup.get();
        Optional<RankedCause> named = d.causes().stream().filter(c -> c.id() != CauseId.UNKNOWN)
                .filter(c -> Confidence.of(c) == Confidence.VERY_LIKELY)
                .filter(c -> c.evidence().stream().anyMatch(e -> e.supports() && e.source() == Evidence.Source.TEXT))
                .findFirst();
        // without a computer account, "missing" says nothing about this host: only SPNs held by others count
        Optional<SpnState> problem = states.stream().filter(s -> s.status().problem())
                .filter(s -> l.computer().isPresent() || s.status() != SpnStatus.MISSING_NEEDED).findFirst();
        if (problem.isPresent() || named.isPresent()) {
            // the cause the SPN problem is (not merely the first SPN cause ranked)
            Optional<RankedCause> spnCause = problem.flatMap(p -> d.cause(causeOf(p)));
            Optional<CauseId> cause = better(d, named, spnCause).map(RankedCause::id)
                    .or(() -> problem.map(HostVerdict::causeOf));
            String sentence = problem.isPresent() && cause.map(SPN_CAUSES::contains).orElse(true)
                    ? "SPN problem for " + name + ": " + problem.get().why()
                    : name + ": " + CauseCatalog.info(cause.get()).title() + "."
                      + (problem.isPresent() ? " Also: " + problem.get().why() : "");
            return new HostVerdict(Kind.PROBLEM, sentence, cause, checks(d, cause, false, target, lookup));
        }
        if (l.computer().isEmpty()) {
            return new HostVerdict(Kind.UNKNOWN, "No computer account named " + target.shortName() + " was found in the "
                    + "directory, so SPN Doctor cannot tell whether " + name + " is healthy (an alias, another domain, "
                    + "or a typo?).", Optional.empty(), checks(d, Optional.empty(), true, target, lookup));
        }
        return HealthyVerdict.of(name, target, d, l, states, asked, client);
    }

    private static Optional<RankedCause> better(Diagnosis d, Optional<RankedCause> a, Optional<RankedCause> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return d.rank(a.get().id()) <= d.rank(b.get().id()) ? a : b;
    }

    private static CauseId causeOf(SpnState s) {
        return switch (s.status()) {
            case DUPLICATE -> CauseId.DUPLICATE_SPN;
            case MISSING_NEEDED -> CauseId.MISSING_SPN;
            default -> s.holders().stream().anyMatch(h -> h.kind().isServiceAccount())
                    ? CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT : CauseId.SPN_ON_OTHER_COMPUTER;
        };
    }

    /** The decisive checks of the cause the verdict rests on, then of the other causes still possible. */
    static List<String> checks(Diagnosis d, Optional<CauseId> cause, boolean includeUnknown, TargetName target,
                               Optional<LookupResult> lookup) {
        // the catalogue's placeholders (<name>, <fqdn>, ...) become the names known for this host
        Optional<io.github.spndoctor.core.model.Account> computer = lookup.flatMap(LookupResult::computer);
        return checks(d, cause, includeUnknown).stream().map(c -> CauseSummary.fill(c, target, computer)).toList();
    }

    static List<String> checks(Diagnosis d, Optional<CauseId> cause, boolean includeUnknown) {
        List<String> out = new ArrayList<>();
        cause.ifPresent(c -> add(out, CauseCatalog.info(c).decisiveCheck()));
        for (RankedCause c : d.causes()) {
            if (out.size() >= MAX_CHECKS) {
                break;
            }
            boolean skip = (c.id() == CauseId.UNKNOWN && !includeUnknown) || (cause.isEmpty() && SPN_CAUSES.contains(c.id()))
                    || Confidence.of(c).compareTo(Confidence.POSSIBLE) > 0;
            if (!skip) {
                CauseInfo info = CauseCatalog.info(c.id());
                add(out, info.decisiveCheck().isBlank() ? info.checks().stream().findFirst().orElse("") : info.decisiveCheck());
            }
        }
        return out;
    }

    private static void add(List<String> out, String check) {
        if (!check.isBlank() && !out.contains(check)) {
            out.add(check);
        }
    }
}
