package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** What the planners need to know from a lookup, computed once. Immutable. */
record Situation(LookupResult lookup) {

    /** One HTTP SPN without port (what WinRM asks for) held by an account that is not the target computer. */
    record Conflict(Spn spn, Account holder, boolean duplicate) { }

    Optional<Account> computer() { return lookup.computer(); }

    boolean dnsName() { return lookup.target().isDnsName(); }

    /** Every (HTTP/name, wrong holder) pair, in lookup order. */
    List<Conflict> httpConflicts() {
        List<Conflict> out = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            if (!r.spn().hasClass("HTTP") || r.spn().port().isPresent()) {
                continue;
            }
            for (var holder : r.holders()) {
                if (lookup.isTargetComputer(holder)) {
                    continue;
                }
                lookup.account(holder).ifPresent(a -> out.add(new Conflict(r.spn(), a, r.duplicated())));
            }
        }
        return out;
    }

    /** The conflicts whose holder is a service identity (user, MSA, gMSA), not another computer. */
    List<Conflict> serviceAccountConflicts() {
        return httpConflicts().stream().filter(c -> c.holder().ref().kind().isServiceAccount()).toList();
    }

    /** Short name and FQDN of the target (FQDN from the lookup or the computer's dNSHostName). */
    List<String> hostForms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lookup.target().shortName());
        Optional<String> fqdn = lookup.target().fqdn().or(() -> computer().flatMap(Account::dnsHostName));
        fqdn.ifPresent(forms::add);
        List<String> out = new ArrayList<>();
        for (String f : forms) {
            if (out.stream().noneMatch(f::equalsIgnoreCase)) {
                out.add(f);
            }
        }
        return out;
    }

    Optional<String> fqdn() {
        return lookup.target().fqdn().or(() -> computer().flatMap(Account::dnsHostName));
    }

    /** SPNs of {@code cls} (with optional port) for every host form. */
    List<Spn> spns(String cls, OptionalInt port) {
        return hostForms().stream().map(h -> Spn.of(cls, h, port)).toList();
    }

    /** True when the target computer holds every one of {@code spns}. */
    boolean computerHoldsAll(List<Spn> spns) {
        return computer().map(c -> spns.stream().allMatch(c::holds)).orElse(false);
    }

    String typed() { return lookup.target().asTyped(); }
}
