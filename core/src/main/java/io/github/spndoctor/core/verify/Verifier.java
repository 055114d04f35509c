package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.CandidateSpns;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Proves (or disproves) a fix: looks the target up again, classifies it, checks the SPNs the chosen remedy relies on,
 * and - where a Kerberos probe is given - asks the KDC for a ticket for the SPN WinRM will use after the remedy.
 * Stateless; blocks on the network.
 */
public final class Verifier {
    private Verifier() {}

    /** The SPN a WinRM client asks for once {@code remedyId} is in place. */
    public static Spn winrmSpn(TargetName target, String remedyId) {
        return switch (remedyId == null ? "" : remedyId) {
            case Remedies.PORT_SPN -> Spn.of("HTTP", target.asTyped(), OptionalInt.of(CandidateSpns.HTTP_PORT));
            case Remedies.WSMAN_PREFIX -> Spn.of("WSMAN", target.asTyped());
            default -> CandidateSpns.winrmDefault(target);
        };
    }

    /**
     * @param remedyId the remedy that was applied (decides which SPNs must now be right); null for a plain check
     * @param probe    asks the KDC for a ticket; empty when no Kerberos environment is available
     */
    public static VerifyResult verify(Directory dir, TargetName target, String remedyId, Optional<KerberosProbe> probe) {
        List<String> reminders = new ArrayList<>();
        reminders.add("Clients keep tickets they already hold: run `klist purge` on each client (or log off and on) before "
                + "testing, or the old ticket keeps failing for up to 10 hours.");
        if (Remedies.PORT_SPN.equals(remedyId)) {
            reminders.add("Connect with -SessionOption (New-PSSessionOption -IncludePortInSPN); without it the client still asks for HTTP/" + target.asTyped() + ".");
        }
        if (Remedies.WSMAN_PREFIX.equals(remedyId)) {
            reminders.add("The client must have spn_prefix = WSMAN set, or it still asks for HTTP/" + target.asTyped() + ".");
        }
        LookupResult lookup;
        try {
            lookup = dir.lookup(target);
        } catch (DirectoryException e) {
            return new VerifyResult(VerifyResult.Verdict.UNKNOWN, Optional.empty(), List.of(),
                    List.of("The lookup failed, so the fix is not confirmed: " + e.getMessage()), Optional.empty(), reminders);
        }
        List<RankedCause> causes = LookupClassifier.classify(lookup);
        List<String> findings = new ArrayList<>();
        boolean ok = directoryOk(lookup, remedyId, findings);
        Spn spn = winrmSpn(lookup.target(), remedyId);
        Optional<TicketCheck> ticket = probe.map(p -> p.requestTicket(spn));
        VerifyResult.Verdict verdict = ok ? VerifyResult.Verdict.FIXED : VerifyResult.Verdict.NOT_FIXED;
        if (ticket.isPresent()) {
            switch (ticket.get().outcome()) {
                case WRONG_ACCOUNT, NOT_FOUND -> verdict = VerifyResult.Verdict.NOT_FIXED;
                default -> { }
            }
        } else {
            findings.add("No Kerberos ticket check: no Kerberos environment (krb5.conf and a ticket) is available here.");
        }
        return new VerifyResult(verdict, Optional.of(lookup), causes, findings, ticket, reminders);
    }

    private static boolean directoryOk(LookupResult lookup, String remedyId, List<String> findings) {
        if (lookup.computer().isEmpty()) {
            findings.add("The computer account for " + lookup.target().asTyped() + " was not found.");
            return false;
        }
        List<Spn> needed = new ArrayList<>();
        boolean wantHolder;
        if (Remedies.PORT_SPN.equals(remedyId) || Remedies.WSMAN_PREFIX.equals(remedyId)) {
            String cls = Remedies.PORT_SPN.equals(remedyId) ? "HTTP" : "WSMAN";
            OptionalInt port = Remedies.PORT_SPN.equals(remedyId) ? OptionalInt.of(CandidateSpns.HTTP_PORT) : OptionalInt.empty();
            for (String h : CandidateSpns.hostNames(lookup.target())) {
                needed.add(Spn.of(cls, h, port));
            }
            wantHolder = true;
        } else {
            for (String h : CandidateSpns.hostNames(lookup.target())) {
                needed.add(Spn.of("HTTP", h));
            }
            wantHolder = false;
        }
        boolean ok = true;
        for (Spn s : needed) {
            Registration r = lookup.registration(s).orElse(new Registration(s, List.of()));
            LookupResult.Status st = lookup.status(r);
            boolean hostAlias = lookup.computer().get().holds(Spn.of("HOST", s.host()));
            boolean good = st == LookupResult.Status.OK || (!wantHolder && st == LookupResult.Status.MISSING && hostAlias);
            String holders = String.join(", ", r.holders().stream().map(h -> h.label()).toList());
            findings.add(s + ": " + (good ? "ok" : "still wrong") + " (" + (holders.isEmpty() ? "no explicit holder"
                    + (wantHolder ? "" : hostAlias ? "; the computer's HOST/ SPN answers for it" : " and no HOST/ SPN on the computer") : "held by " + holders) + ")");
            ok &= good;
        }
        return ok;
    }
}
