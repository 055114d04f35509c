package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.KnownError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sentence of a healthy verdict ({@link HostVerdict}): what the client asks for and who answers it; a warning for
 * an SPN other clients need (a missing {@code WSMAN/}); and, with an error at hand, where it most likely comes from
 * instead, with the check to run next. Pure functions.
 */
final class HealthyVerdict {
    private HealthyVerdict() {}

    static HostVerdict of(String name, TargetName target, Diagnosis d, LookupResult l, List<SpnState> states,
                          Optional<Spn> asked, String client) {
        Optional<Account> computer = l.computer();
        String lead = "No SPN problem found for " + name + ": " + answers(l, states, asked, client);
        StringBuilder s = new StringBuilder();
        HostVerdict.Caveat caveat = HostVerdict.Caveat.NONE;
        List<SpnState> warnings = states.stream().filter(x -> x.status().warning()).toList();
        if (!warnings.isEmpty()) {
            caveat = HostVerdict.Caveat.WARNING;
            s.append("Warning: ").append(warning(warnings, client));
        }
        Optional<Fact<KnownError>> error = d.symptom().errors().stream().findFirst();
        if (error.isPresent()) {
            caveat = caveat == HostVerdict.Caveat.NONE ? HostVerdict.Caveat.LOOK_ELSEWHERE : caveat;
            s.append(s.length() == 0 ? "" : " ").append(elsewhere(error.get().value(), d, target, computer));
        }
        String more = s.toString();
        return new HostVerdict(HostVerdict.Kind.HEALTHY, more.isEmpty() ? lead : lead + " " + more, Optional.empty(),
                HostVerdict.checks(d, Optional.empty(), false, target, Optional.of(l)), caveat, more);
    }

    /** "PowerShell asks for HTTP/srv004.rwwilden01.local, and its computer account SRV004$ answers it through HOST/." */
    static String answers(LookupResult l, List<SpnState> states, Optional<Spn> asked, String client) {
        var ref = l.computer().get().ref();
        String account = "its computer account " + (ref.samAccountName().isEmpty() ? ref.label() : ref.samAccountName());
        Optional<SpnState> a = asked.flatMap(spn -> states.stream().filter(x -> x.spn().key().equals(spn.key())).findFirst());
        if (a.isPresent() && !client.isBlank()) {
            String how = a.get().status() == SpnStatus.ANSWERED_BY_HOST ? " answers it through HOST/." : " holds it.";
            return client + " asks for " + a.get().spn() + ", and " + account + how;
        }
        List<String> parts = new ArrayList<>();
        parts.add(answer("HTTP", l, states));
        parts.add(answer("WSMAN", l, states));
        parts.removeIf(String::isEmpty);
        return account + (parts.isEmpty() ? " holds its SPNs alone." : " " + String.join(" and ", parts) + ".");
    }

    private static String answer(String cls, LookupResult l, List<SpnState> states) {
        Spn typed = Spn.of(cls, l.target().asTyped());
        Optional<SpnState> s = states.stream().filter(x -> x.spn().equals(typed)).findFirst();
        if (s.isEmpty()) {
            return "";
        }
        return switch (s.get().status()) {
            case HELD_BY_COMPUTER -> "holds " + cls + "/";
            case ANSWERED_BY_HOST -> "answers " + cls + "/ through HOST/";
            default -> "";
        };
    }

    /** "WSMAN/wac01.contoso.com is registered nowhere; PowerShell does not ask for it, but clients that do … would fail." */
    static String warning(List<SpnState> missing, String client) {
        List<String> names = missing.stream().map(x -> x.spn().toString()).toList();
        String who = client.isBlank() ? "this client" : client;
        boolean one = names.size() == 1;
        return String.join(" and ", names) + (one ? " is" : " are") + " registered nowhere. " + who + " does not ask for "
                + (one ? "it" : "them") + ", but clients that do (pypsrp, the spn_prefix WSMAN setting, CredSSP's identity "
                + "check) would fail; registering " + (one ? "it" : "them") + " on the computer (setspn -S) is an option.";
    }

    /**
     * "So 0x80090322 most likely comes from elsewhere: the server's machine password no longer matches the domain
     * (the first check below)." The cause is the best-ranked one that is not an SPN registration, ranked at least possible.
     */
    static String elsewhere(KnownError error, Diagnosis d, TargetName target, Optional<Account> computer) {
        String code = error.value().isPresent() || error.name().matches("(KRB|KDC|SEC|ERROR)_.*") ? error.code() : "the error";
        Optional<RankedCause> other = d.causes().stream()
                .filter(c -> c.id() != CauseId.UNKNOWN && !HostVerdict.SPN_CAUSES.contains(c.id()))
                .filter(c -> Confidence.of(c).compareTo(Confidence.POSSIBLE) <= 0).findFirst();
        if (other.isEmpty()) {
            return "Its SPNs are right, so " + code + " comes from elsewhere; the checks below say where to look.";
        }
        CauseInfo info = CauseCatalog.info(other.get().id());
        String check = info.decisiveCheck().isBlank() ? info.checks().stream().findFirst().orElse("") : info.decisiveCheck();
        String title = info.title().isEmpty() ? info.title() : Character.toLowerCase(info.title().charAt(0)) + info.title().substring(1);
        // the check itself leads the verdict's next checks, right below the sentence
        String next = check.isBlank() ? "" : " (the first check below)";
        return "Its SPNs are right, so " + code + " most likely comes from elsewhere: " + title + next + ".";
    }
}
