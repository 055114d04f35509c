package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.AuthPackage;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.Clue;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.symptom.SpnMention;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Ranks every cause for a symptom: the text rules ({@link Rules}) give a hypothesis; a directory lookup
 * ({@link LookupClassifier} plus the checks below) and DNS facts ({@link NameFacts}) turn it into a verdict by
 * supporting or ruling out causes. A failed lookup never reads as healthy: {@code unknown} is ranked with the failure
 * as evidence. Pure functions; thread-safe.
 */
public final class Diagnoser {
    /** Text alone never reaches certainty: its combined confidence is scaled by this. */
    static final double TEXT_CEILING = 0.9;
    /** Weight of {@code unknown} when nothing else has support; shrinks as the best cause grows. */
    static final double UNKNOWN_BASE = 0.3;

    /**
     * Errors an SPN conflict does not produce (CredSSP policy, clocks, reachability, rights, missing credentials,
     * IP/TrustedHosts, broken trust, DNS). When every reported error is one of these, a conflict the lookup finds is
     * still shown but weighs half: it is a real problem, not likely the one reported.
     */
    static final Set<KnownError> OTHER_MECHANISM = EnumSet.of(KnownError.CREDSSP_POLICY, KnownError.CREDSSP_DISABLED,
            KnownError.SEC_E_TIME_SKEW, KnownError.KRB_AP_ERR_SKEW, KnownError.ERROR_WSMAN_DESTINATION_UNREACHABLE,
            KnownError.WINRM_CANNOT_COMPLETE, KnownError.E_ACCESSDENIED, KnownError.SEC_E_NO_CREDENTIALS,
            KnownError.SEC_E_UNKNOWN_CREDENTIALS, KnownError.IP_ADDRESS_DEFAULT_AUTH,
            KnownError.ERROR_WSMAN_SERVER_NOT_TRUSTED, KnownError.TRUST_RELATIONSHIP_FAILED,
            KnownError.NO_TRUST_SAM_ACCOUNT, KnownError.SERVER_NAME_NOT_RESOLVED,
            KnownError.SEC_E_NO_AUTHENTICATING_AUTHORITY, KnownError.NETWORK_PATH_NOT_FOUND);

    private Diagnoser() {}

    /** Diagnoses from text, plus the lookup when there is one. */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup) {
        return diagnose(symptom, lookup, Optional.empty());
    }

    /** Diagnoses from text, the lookup and DNS facts about the target name (each optional). */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names) {
        Tally t = new Tally();
        text(symptom, t);
        lookup.ifPresent(l -> directory(symptom, l, t));
        Optional<TargetName> target = names.map(NameFacts::target).or(() -> lookup.map(LookupResult::target));
        target.ifPresent(n -> nameShape(n, t));
        names.ifPresent(n -> dns(n, lookup, t));
        return new Diagnosis(t.rank(symptom), symptom, lookup.isPresent(), lookup, names);
    }

    /**
     * Diagnoses from text, the lookup, DNS facts and what a live probe measured (each optional). Measured facts
     * outweigh the text.
     */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names,
                                     Optional<Measurement> measured) {
        Tally t = new Tally();
        text(symptom, t);
        lookup.ifPresent(l -> directory(symptom, l, t));
        Optional<TargetName> target = names.map(NameFacts::target).or(() -> lookup.map(LookupResult::target));
        target.ifPresent(n -> nameShape(n, t));
        names.ifPresent(n -> dns(n, lookup, t));
        measured.ifPresent(m -> MeasuredRules.apply(m, t));
        return new Diagnosis(t.rank(symptom), symptom, lookup.isPresent(), lookup, names);
    }

    /**
     * Diagnoses from text after the lookup failed: {@code unknown} ranks first and carries the failure; the text's
     * causes follow as hypotheses. Never a verdict.
     */
    public static Diagnosis diagnoseAfterFailedLookup(Symptom symptom, DirectoryException failure) {
        Tally t = new Tally();
        t.unknownFirst = true;
        text(symptom, t);
        t.support(CauseId.UNKNOWN, 0.5, new Evidence(Evidence.Source.DIRECTORY,
                "The directory lookup failed: " + failure.getMessage()
                        + " Who holds the SPNs is not known, so no directory cause is confirmed or ruled out.", true), false);
        return new Diagnosis(t.rank(symptom), symptom, false, Optional.empty(), Optional.empty());
    }

    // ---------------------------------------------------------------------------------------------------- text

    private static void text(Symptom s, Tally t) {
        Set<TextSignal> signals = signals(s);
        for (Rule r : Rules.all()) {
            List<String> matched = new ArrayList<>();
            boolean all = true;
            for (Object cond : r.when()) {
                Optional<String> m = matched(s, signals, cond);
                if (m.isEmpty()) {
                    all = false;
                    break;
                }
                if (!matched.contains(m.get())) {
                    matched.add(m.get());
                }
            }
            if (!all) {
                continue;
            }
            String detail = "\"" + String.join("\" + \"", matched) + "\": " + r.why();
            Evidence e = new Evidence(Evidence.Source.TEXT, detail, r.weight() > 0);
            if (r.weight() > 0 && r.when().size() == 1 && r.when().get(0) instanceof KnownError) {
                // several error facts (code, message, event 4) usually describe one failure: the strongest counts
                t.error(r.cause(), r.weight(), e);
            } else {
                t.text(r.cause(), r.weight(), e);
            }
        }
    }

    static Set<TextSignal> signals(Symptom s) {
        Set<TextSignal> out = EnumSet.noneOf(TextSignal.class);
        s.target().ifPresent(tf -> {
            switch (tf.kind()) {
                case IPV4, IPV6 -> out.add(TextSignal.TARGET_IS_IP);
                case LOCALHOST -> out.add(TextSignal.TARGET_IS_LOCALHOST);
                default -> { }
            }
        });
        s.requestedSpn().ifPresent(m -> {
            if (m.spn().hasClass("HTTP")) {
                out.add(TextSignal.REQUESTED_HTTP_SPN);
            } else if (m.spn().hasClass("WSMAN")) {
                out.add(TextSignal.REQUESTED_WSMAN_SPN);
            } else {
                out.add(TextSignal.REQUESTED_OTHER_SPN);
            }
        });
        return out;
    }

    private static Optional<String> matched(Symptom s, Set<TextSignal> signals, Object cond) {
        if (cond instanceof KnownError e) {
            return s.fact(e).map(Fact::matched);
        }
        if (cond instanceof Clue c) {
            return s.clues().stream().filter(f -> f.value() == c).findFirst().map(Fact::matched);
        }
        if (cond instanceof Client c) {
            return s.clients().stream().filter(f -> f.value() == c).findFirst().map(Fact::matched);
        }
        if (cond instanceof AuthPackage a) {
            return s.authPackages().stream().filter(f -> f.value() == a).findFirst().map(Fact::matched);
        }
        if (cond instanceof TextSignal sig && signals.contains(sig)) {
            return switch (sig) {
                case TARGET_IS_IP, TARGET_IS_LOCALHOST -> s.target().map(tf -> tf.matched());
                default -> s.requestedSpn().map(SpnMention::matched);
            };
        }
        return Optional.empty();
    }

    // ----------------------------------------------------------------------------------------------- directory

    private static void directory(Symptom s, LookupResult l, Tally t) {
        TargetName target = l.target();
        if (!target.isDnsName()) {
            return;
        }
        List<RankedCause> found = LookupClassifier.classify(l);
        Set<CauseId> proven = EnumSet.noneOf(CauseId.class);
        boolean otherMechanism = !s.errors().isEmpty()
                && s.errors().stream().allMatch(f -> OTHER_MECHANISM.contains(f.value()));
        for (RankedCause rc : found) {
            proven.add(rc.id());
            for (Evidence e : rc.evidence()) {
                if (otherMechanism) {
                    t.support(rc.id(), rc.confidence() * 0.5, Evidence.directory(e.detail()
                            + " (a real conflict, but the reported error comes from another mechanism)"), true);
                } else {
                    t.support(rc.id(), rc.confidence(), e, true);
                }
            }
        }
        String typed = target.asTyped();
        Optional<Account> computer = l.computer();
        if (computer.isEmpty()) {
            String why = "No computer account for '" + typed + "' (" + target.computerSamAccountName()
                    + " or dNSHostName " + typed + ") exists in the forest";
            t.dir(CauseId.NAME_RESOLUTION, 0.5, why + ": the name may belong to another domain or not be the computer's name");
            t.dir(CauseId.CNAME_ALIAS, 0.4, why + ": an alias has no computer account of its own");
            t.dir(CauseId.CROSS_DOMAIN_NO_TRUST, 0.35, why + ": the server may sit in a forest this directory does not cover");
            t.dir(CauseId.MISSING_SPN, 0.3, why + ": no account holds HOST/" + typed);
            return;
        }
        String label = computer.get().ref().label();
        Optional<Registration> http = l.registration(Spn.of("HTTP", typed));
        Optional<Registration> host = l.registration(Spn.of("HOST", typed));
        if (!proven.contains(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT)) {
            t.against(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, 0.85, "No service account holds HTTP/" + typed
                    + " or the other name form: " + describe(l, http, label));
        }
        if (!proven.contains(CauseId.SPN_ON_OTHER_COMPUTER)) {
            t.against(CauseId.SPN_ON_OTHER_COMPUTER, 0.8, "No other computer holds HTTP/, WSMAN/ or HOST/ for this name");
        }
        if (!proven.contains(CauseId.DUPLICATE_SPN)) {
            t.against(CauseId.DUPLICATE_SPN, 0.8, "Every SPN for this name has at most one holder");
        }
        boolean wrongPrincipal = s.has(KnownError.SEC_E_WRONG_PRINCIPAL) || s.has(KnownError.KRB_AP_ERR_MODIFIED);
        if (found.isEmpty() && wrongPrincipal) {
            t.dir(CauseId.BROKEN_SECURE_CHANNEL, 0.55, "The SPNs for " + typed + " are held by " + label
                    + " alone, so the ticket is made for the right account: a server that cannot decrypt it points at its keys");
            t.dir(CauseId.NAME_RESOLUTION, 0.2, "The SPN owner is right, so the name may lead to a different machine");
            t.dir(CauseId.CNAME_ALIAS, 0.15, "The SPN owner is right, so an alias may be in use");
        }
        boolean httpMissing = http.map(r -> r.holders().isEmpty()).orElse(true);
        boolean hostMissing = host.map(r -> r.holders().isEmpty()).orElse(true);
        if (httpMissing && hostMissing) {
            t.dir(CauseId.MISSING_SPN, 0.75, "Neither HTTP/" + typed + " nor HOST/" + typed
                    + " is registered: the domain controller has no principal for the name as typed");
        }
        boolean wantsWsman = s.has(Client.PYPSRP) || s.has(Clue.WSMAN_SPN_CLIENT)
                || s.requestedSpn().map(m -> m.spn().hasClass("WSMAN")).orElse(false);
        if (wantsWsman && missing(l, Spn.of("WSMAN", typed))) {
            t.dir(CauseId.MISSING_SPN, 0.8, "The client asks for WSMAN/" + typed + ", which no account holds"
                    + (computer.get().domainController() ? " (the target is a domain controller)" : ""));
        }
        boolean credssp = s.has(KnownError.CREDSSP_POLICY) || s.has(KnownError.CREDSSP_DISABLED)
                || s.has(AuthPackage.CREDSSP);
        String fqdn = target.fqdn().orElse(typed);
        if (credssp) {
            if (missing(l, Spn.of("WSMAN", fqdn))) {
                t.dir(CauseId.MISSING_SPN, 0.45, "WSMAN/" + fqdn + " is not registered: CredSSP cannot have the server's identity confirmed by Kerberos");
                t.dir(CauseId.CREDSSP_DELEGATION_POLICY, 0.25, "WSMAN/" + fqdn
                        + " is missing, so only the NTLM-only delegation policy would allow CredSSP");
            } else {
                t.against(CauseId.MISSING_SPN, 0.5, "WSMAN/" + fqdn + " is held by " + label);
            }
        }
        if (s.has(Clue.INCLUDE_PORT) && missing(l, Spn.of("HTTP", typed, OptionalInt.of(5985)))
                && missing(l, Spn.of("HTTP", typed, OptionalInt.of(5986)))) {
            t.dir(CauseId.MISSING_SPN, 0.6, "-IncludePortInSPN asks for HTTP/" + typed + ":5985, which no account holds");
        }
    }

    private static boolean missing(LookupResult l, Spn spn) {
        return l.registration(spn).map(r -> r.holders().isEmpty()).orElse(false);
    }

    private static String describe(LookupResult l, Optional<Registration> http, String computer) {
        if (http.isEmpty() || http.get().holders().isEmpty()) {
            return "HTTP/" + l.target().asTyped() + " is not registered, so HOST/ on " + computer + " stands in for it";
        }
        return http.get().spn() + " is held by " + computer + " itself";
    }

    // -------------------------------------------------------------------------------------------------- names

    private static void nameShape(TargetName n, Tally t) {
        switch (n.kind()) {
            case IPV4, IPV6 -> t.name(CauseId.IP_ADDRESS_NTLM, 0.85, "'" + n.asTyped()
                    + "' is an IP address: Windows does not use Kerberos for it, so WinRM needs HTTPS or TrustedHosts plus explicit credentials");
            case LOCALHOST -> {
                t.name(CauseId.ACCESS_DENIED, 0.2, "'" + n.asTyped() + "' is the local machine: loopback sessions are often restricted");
                t.name(CauseId.SECOND_HOP_DELEGATION, 0.2, "'" + n.asTyped() + "' is the local machine: the session may carry no network credentials");
            }
            default -> { }
        }
    }

    private static void dns(NameFacts n, Optional<LookupResult> lookup, Tally t) {
        if (!n.target().isDnsName()) {
            return;
        }
        String typed = n.target().asTyped();
        boolean ownedByTarget = lookup.flatMap(l -> l.registration(Spn.of("HOST", typed)))
                .map(r -> lookup.get().status(r) == LookupResult.Status.OK).orElse(false);
        if (n.cname().isPresent()) {
            t.name(CauseId.CNAME_ALIAS, ownedByTarget ? 0.35 : 0.85, "'" + typed + "' is a DNS alias (CNAME) for "
                    + n.cname().get() + ": WinRM asks for HTTP/" + typed + ", not for the real host's name");
        }
        if (!n.resolves()) {
            t.name(CauseId.NAME_RESOLUTION, 0.5, "'" + typed + "' does not resolve in DNS from the machine running SPN Doctor"
                    + " (check from the WinRM client too)");
            return;
        }
        if (n.disagreesWithComputer()) {
            t.name(CauseId.NAME_RESOLUTION, 0.6, "'" + typed + "' resolves to " + String.join(", ", n.addresses())
                    + (n.reverseNames().isEmpty() ? "" : " (reverse: " + String.join(", ", n.reverseNames().values()) + ")")
                    + ", which does not match the computer's dNSHostName " + n.computerDnsHostName().orElse("?")
                    + (n.computerAddresses().isEmpty() ? "" : " at " + String.join(", ", n.computerAddresses())));
        } else if (n.cname().isEmpty()) {
            String agree = "'" + typed + "' resolves to " + String.join(", ", n.addresses())
                    + (n.computerDnsHostName().isPresent() ? ", consistent with the computer's dNSHostName " + n.computerDnsHostName().get() : "")
                    + ", and is not an alias";
            t.nameAgainst(CauseId.NAME_RESOLUTION, n.computerDnsHostName().isPresent() ? 0.6 : 0.3, agree);
            t.nameAgainst(CauseId.CNAME_ALIAS, 0.7, agree);
        }
    }

    // -------------------------------------------------------------------------------------------------- tally

    /** Evidence and weights per cause while a diagnosis is built. Not thread-safe; local to one call. */
    static final class Tally {
        private final Map<CauseId, Double> textSupport = new EnumMap<>(CauseId.class);
        private final Map<CauseId, Double> errorSupport = new EnumMap<>(CauseId.class);
        private final Map<CauseId, Double> factSupport = new EnumMap<>(CauseId.class);
        private final Map<CauseId, Double> against = new EnumMap<>(CauseId.class);
        private final Map<CauseId, List<Evidence>> evidence = new EnumMap<>(CauseId.class);
        /** After a failed lookup the answer is "unknown": it ranks first, text causes follow as hypotheses. */
        boolean unknownFirst;

        void text(CauseId id, double w, Evidence e) {
            if (w > 0) {
                textSupport.merge(id, w, Tally::or);
            } else {
                against.merge(id, -w, Tally::or);
            }
            add(id, e);
        }

        void error(CauseId id, double w, Evidence e) {
            errorSupport.merge(id, w, Math::max);
            add(id, e);
        }

        void support(CauseId id, double w, Evidence e, boolean fact) {
            (fact ? factSupport : textSupport).merge(id, w, Tally::or);
            add(id, e);
        }

        void dir(CauseId id, double w, String detail) {
            support(id, w, Evidence.directory(detail), true);
        }

        void name(CauseId id, double w, String detail) {
            support(id, w, new Evidence(Evidence.Source.NAME, detail, true), true);
        }

        void against(CauseId id, double w, String detail) {
            against.merge(id, w, Tally::or);
            add(id, Evidence.against(Evidence.Source.DIRECTORY, detail));
        }

        void measured(CauseId id, double w, String detail) {
            support(id, w, new Evidence(Evidence.Source.PROBE, detail, true), true);
        }

        void measuredAgainst(CauseId id, double w, String detail) {
            against.merge(id, w, Tally::or);
            add(id, Evidence.against(Evidence.Source.PROBE, detail));
        }

        void nameAgainst(CauseId id, double w, String detail) {
            against.merge(id, w, Tally::or);
            add(id, Evidence.against(Evidence.Source.NAME, detail));
        }

        private void add(CauseId id, Evidence e) {
            List<Evidence> list = evidence.computeIfAbsent(id, k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.detail().equals(e.detail()) && x.supports() == e.supports())) {
                list.add(e);
            }
        }

        private static double or(double a, double b) {
            return 1 - (1 - a) * (1 - b);
        }

        List<RankedCause> rank(Symptom symptom) {
            List<RankedCause> out = new ArrayList<>();
            double best = 0;
            for (CauseId id : CauseId.values()) {
                if (id == CauseId.UNKNOWN) {
                    continue;
                }
                double c = confidence(id);
                if (c > 0) {
                    out.add(new RankedCause(id, c, evidence.getOrDefault(id, List.of())));
                    best = Math.max(best, c);
                }
            }
            double unknown = or(confidence(CauseId.UNKNOWN), UNKNOWN_BASE * (1 - best));
            if (unknownFirst) {
                unknown = Math.max(unknown, Math.min(1, best + 0.01));
            }
            List<Evidence> ue = new ArrayList<>(evidence.getOrDefault(CauseId.UNKNOWN, List.of()));
            if (symptom.isEmpty()) {
                ue.add(new Evidence(Evidence.Source.TEXT, "No error code, message, client or clue was recognised in the text", true));
            } else if (best < 0.35) {
                ue.add(new Evidence(Evidence.Source.TEXT, "What was recognised does not point clearly at one cause", true));
            }
            symptom.note().ifPresent(n -> ue.add(new Evidence(Evidence.Source.TEXT, n, true)));
            out.add(new RankedCause(CauseId.UNKNOWN, clamp(unknown), ue));
            out.sort(Comparator.comparingDouble(RankedCause::confidence).reversed()
                    .thenComparing(rc -> rc.id().ordinal()));
            return out;
        }

        private double confidence(CauseId id) {
            double t = or(textSupport.getOrDefault(id, 0.0), errorSupport.getOrDefault(id, 0.0)) * TEXT_CEILING;
            double f = factSupport.getOrDefault(id, 0.0);
            double p = or(t, f);
            p *= 1 - against.getOrDefault(id, 0.0);
            return clamp(p);
        }

        private static double clamp(double p) {
            return Math.max(0, Math.min(1, Math.round(p * 1000) / 1000.0));
        }
    }
}
