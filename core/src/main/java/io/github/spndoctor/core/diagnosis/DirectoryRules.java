package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.AuthPackage;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.Clue;
import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a directory lookup weighs on each cause: the conflicts {@link LookupClassifier} proves, the causes a clean
 * lookup rules out, and what a missing computer account or a missing SPN makes likely for the client at hand.
 * Stateless.
 */
final class DirectoryRules {
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

    private DirectoryRules() {}

    static void apply(Symptom s, LookupResult l, Tally t) {
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
}
