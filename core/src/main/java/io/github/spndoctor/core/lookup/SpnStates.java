package io.github.spndoctor.core.lookup;

import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.symptom.Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classifies every candidate SPN of a lookup for the client at hand ({@link SpnStatus}). What a client needs:
 * {@code HTTP/<name as typed>} for PowerShell-based clients (the computer's {@code HOST/} SPN answers for it);
 * {@code WSMAN/<name>} for clients that use the WSMAN prefix (pypsrp), for CredSSP, and when the client is not known
 * (Windows registers both WSMAN/ forms itself); {@code HOST/<name as typed>} always. Port forms and the other name
 * form are optional. Pure functions.
 */
public final class SpnStates {
    private SpnStates() {}

    /** One state per candidate SPN, in lookup order. */
    public static List<SpnState> of(LookupResult lookup, Optional<Client> client, boolean credSsp) {
        List<SpnState> out = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            out.add(state(lookup, r, client, credSsp));
        }
        return out;
    }

    /** As {@link #of(LookupResult, Optional, boolean)} without a CredSSP symptom. */
    public static List<SpnState> of(LookupResult lookup, Optional<Client> client) {
        return of(lookup, client, false);
    }

    /** True when any state is a problem for the client at hand. */
    public static boolean anyProblem(List<SpnState> states) {
        return states.stream().anyMatch(s -> s.status().problem());
    }

    static SpnState state(LookupResult lookup, Registration r, Optional<Client> client, boolean credSsp) {
        Spn spn = r.spn();
        String computer = lookup.computer().map(c -> c.ref().label()).orElse("the computer");
        String holders = String.join(", ", r.holders().stream().map(AccountRef::label).toList());
        switch (lookup.status(r)) {
            case OK:
                return new SpnState(spn, r.holders(), SpnStatus.HELD_BY_COMPUTER, spn + " is held by " + computer + ".");
            case DUPLICATE:
                return new SpnState(spn, r.holders(), SpnStatus.DUPLICATE, spn + " is held by " + r.holders().size()
                        + " accounts (" + holders + "); the domain controller cannot tell which key to use.");
            case WRONG_ACCOUNT:
                return new SpnState(spn, r.holders(), SpnStatus.WRONG_ACCOUNT, spn + " is held by " + holders
                        + (lookup.computer().isPresent() ? ", not by " + computer : "") + "; tickets for it are encrypted for that account.");
            default:
                break;
        }
        boolean hostAnswers = !spn.hasClass("HOST") && spn.port().isEmpty()
                && lookup.computer().map(c -> c.holds(Spn.of("HOST", spn.host()))).orElse(false)
                && spn.hasClass("HTTP");
        if (hostAnswers) {
            return new SpnState(spn, List.of(), SpnStatus.ANSWERED_BY_HOST, "Nobody registers " + spn + " explicitly; "
                    + computer + " answers for it through HOST/" + spn.host() + ", which is how it should be.");
        }
        if (needed(lookup, spn, client, credSsp)) {
            return new SpnState(spn, List.of(), SpnStatus.MISSING_NEEDED, spn + " is registered nowhere, and "
                    + clientName(client, credSsp) + " asks for it.");
        }
        return new SpnState(spn, List.of(), SpnStatus.OPTIONAL_ABSENT, spn + " is not registered; "
                + (spn.port().isPresent() ? "only clients that add the port (-IncludePortInSPN) ask for it."
                : "nothing asks for it unless a client opts in."));
    }

    private static boolean needed(LookupResult lookup, Spn spn, Optional<Client> client, boolean credSsp) {
        if (spn.port().isPresent()) {
            return false;
        }
        boolean typed = spn.hasHost(lookup.target().asTyped());
        if (spn.hasClass("HOST")) {
            return typed;
        }
        if (spn.hasClass("WSMAN")) {
            return credSsp || client.isEmpty() || client.get().asksForWsmanSpn();
        }
        if (spn.hasClass("HTTP")) {
            return typed && client.map(Client::asksForHttpSpn).orElse(true);
        }
        return false;
    }

    private static String clientName(Optional<Client> client, boolean credSsp) {
        if (credSsp) {
            return "CredSSP";
        }
        return client.map(Client::label).orElse("a WinRM client");
    }
}
