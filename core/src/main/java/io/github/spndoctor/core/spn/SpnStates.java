package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies every candidate SPN of a lookup for one client with its settings ({@link SpnStatus}) — the words of the
 * wizard's Look up table and of {@code spn-doctor lookup}. What a client needs (knowledge.md §7.3): the service class
 * it asks for ({@link ClientModel#serviceClass}: {@code HTTP/} for PowerShell-based clients, which the computer's
 * {@code HOST/} SPN answers; {@code WSMAN/} for pypsrp or a WSMAN prefix) with the name as typed, with the port when
 * it includes the port; both {@code WSMAN/} forms for CredSSP; {@code HOST/<name as typed>} always. A {@code WSMAN/}
 * SPN the computer lacks while this client does not ask for it is a warning (Windows registers both forms itself,
 * and clients that ask for them fail); port forms and the other name form are optional. Pure functions.
 */
public final class SpnStates {
    private SpnStates() {}

    /** One state per candidate SPN, in lookup order, for {@code client} with {@code settings}. */
    public static List<SpnState> of(LookupResult lookup, WinrmClient client, ClientSettings settings, boolean credSsp) {
        Asks asks = new Asks(ClientModel.serviceClass(client, settings), settings.includePort() && client.offersPort(),
                credSsp ? "CredSSP" : client.shortLabel(), credSsp);
        List<SpnState> out = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            out.add(state(lookup, r, asks));
        }
        return out;
    }

    /**
     * The SPN {@code client} asks for with {@code settings} when connecting to the name as typed, as far as the
     * directory tells (the name DNS may give an MIT client is the ticket flow's business); empty for an address.
     */
    public static java.util.Optional<Spn> asked(LookupResult lookup, WinrmClient client, ClientSettings settings) {
        if (!lookup.target().isDnsName()) {
            return java.util.Optional.empty();
        }
        boolean port = settings.includePort() && client.offersPort();
        return java.util.Optional.of(Spn.of(ClientModel.serviceClass(client, settings), lookup.target().asTyped(),
                port ? java.util.OptionalInt.of(Endpoint.HTTP_PORT) : java.util.OptionalInt.empty()));
    }

    /**
     * The strict reading for checks that do not know the client (a verification after an apply or an undo): every
     * SPN some WinRM client asks for counts as needed, {@code WSMAN/} included.
     */
    public static List<SpnState> forAnyClient(LookupResult lookup) {
        Asks asks = new Asks("HTTP", false, "a WinRM client", true);
        List<SpnState> out = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            out.add(state(lookup, r, asks));
        }
        return out;
    }

    /** True when any state is a problem for the client at hand. */
    public static boolean anyProblem(List<SpnState> states) {
        return states.stream().anyMatch(s -> s.status().problem());
    }

    /** What the client asks for: its service class, with the port or not; who it is in sentences; all WSMAN/ forms. */
    private record Asks(String serviceClass, boolean withPort, String who, boolean allWsman) { }

    private static SpnState state(LookupResult lookup, Registration r, Asks asks) {
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
        boolean hostAnswers = spn.hasClass("HTTP") && spn.port().isEmpty()
                && lookup.computer().map(c -> c.holds(Spn.of("HOST", spn.host()))).orElse(false);
        if (hostAnswers) {
            return new SpnState(spn, List.of(), SpnStatus.ANSWERED_BY_HOST, "Nobody registers " + spn + " explicitly; "
                    + computer + " answers for it through HOST/" + spn.host() + ", which is how it should be.");
        }
        if (needed(lookup, spn, asks)) {
            return new SpnState(spn, List.of(), SpnStatus.MISSING_NEEDED, spn + " is registered nowhere, and "
                    + asks.who() + " asks for it.");
        }
        if (spn.hasClass("WSMAN") && spn.port().isEmpty() && lookup.computer().isPresent()) {
            return new SpnState(spn, List.of(), SpnStatus.MISSING_NOT_NEEDED, spn + " is registered nowhere. "
                    + asks.who() + " does not ask for it, but clients that do (pypsrp, the spn_prefix WSMAN setting, "
                    + "CredSSP's identity check) would fail.");
        }
        return new SpnState(spn, List.of(), SpnStatus.OPTIONAL_ABSENT, spn + " is not registered; "
                + (spn.port().isPresent() ? "only clients that add the port (-IncludePortInSPN) ask for it."
                : "nothing asks for it unless a client opts in."));
    }

    private static boolean needed(LookupResult lookup, Spn spn, Asks asks) {
        boolean typed = spn.hasHost(lookup.target().asTyped());
        if (spn.hasClass("HOST") && spn.port().isEmpty()) {
            return typed;
        }
        if (spn.hasClass("WSMAN") && spn.port().isEmpty() && asks.allWsman()) {
            return true;
        }
        if (!typed || !spn.hasClass(asks.serviceClass())) {
            return false;
        }
        return asks.withPort() ? spn.port().isPresent() && spn.port().getAsInt() == Endpoint.HTTP_PORT : spn.port().isEmpty();
    }
}
