package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;

import java.util.Optional;

/**
 * How the target name weighs on each cause: its shape (an IP address, the local machine) and what DNS says of it (an
 * alias, no answer, an address that is not the computer's). Stateless.
 */
final class NameRules {
    private NameRules() {}

    static void shape(TargetName n, Tally t) {
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

    static void dns(NameFacts n, Optional<LookupResult> lookup, Tally t) {
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

}
