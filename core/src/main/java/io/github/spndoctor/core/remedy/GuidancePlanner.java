package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The remedies that are mostly not directory writes: temporary-reset (shown, not recommended), credssp, trustedhosts
 * and use-fqdn.
 */
final class GuidancePlanner {
    static final String TEMPORARY_RESET = "temporary-reset";
    static final String CREDSSP = "credssp";
    static final String TRUSTEDHOSTS = "trustedhosts";
    static final String USE_FQDN = "use-fqdn";

    static final String TEMPORARY_RESET_WHY = "Not recommended: it removes the service account's HTTP SPN just long enough "
            + "for one client to fetch a WinRM ticket, then puts it back. Only that client, only until its ticket expires "
            + "(10 hours by default), can connect; every other client and every later session fails again, and the web "
            + "application is without its SPN meanwhile. Remove the SPN, register port SPNs or use WSMAN/ SPNs instead.";

    private GuidancePlanner() {}

    static Plan temporaryReset(LookupResult lookup) {
        Situation s = new Situation(lookup);
        List<Situation.Conflict> conflicts = s.serviceAccountConflicts();
        if (conflicts.isEmpty()) {
            throw new NotApplicableException("No service account holds an HTTP SPN for " + s.typed() + "; there is nothing to reset.");
        }
        StringBuilder sb = new StringBuilder("# Shown for completeness. SPN Doctor does not run this sequence.\n");
        for (Situation.Conflict c : conflicts) {
            sb.append("setspn -D ").append(c.spn()).append(' ').append(c.holder().ref().samAccountName()).append('\n');
        }
        for (Spn spn : s.spns("HTTP", OptionalInt.of(5985))) {
            sb.append("setspn -S ").append(spn).append(' ').append(s.computer().map(a -> a.ref().samAccountName()).orElse("<computer>$")).append('\n');
        }
        sb.append("$session = New-PSSession -ComputerName ").append(ClientSteps.ps(s.typed()))
                .append("   # this client now caches a ticket for the computer\nRemove-PSSession $session\n");
        for (Situation.Conflict c : conflicts) {
            sb.append("setspn -S ").append(c.spn()).append(' ').append(c.holder().ref().samAccountName()).append('\n');
        }
        ClientStep step = new ClientStep("The \"temporary reset\" sequence (not recommended)", TEMPORARY_RESET_WHY, "powershell", sb.toString());
        return new Plan(TEMPORARY_RESET, "Temporary SPN reset (not recommended)", List.of(), List.of(step),
                List.of(TEMPORARY_RESET_WHY));
    }

    static Plan credSsp(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        String fqdn = s.fqdn().orElse(s.typed());
        PlanBuilder b = new PlanBuilder(CREDSSP, "Allow CredSSP delegation to this server (temporarily)", dir);
        Optional<Account> computer = s.computer();
        if (computer.isPresent()) {
            for (Spn spn : s.spns("WSMAN", OptionalInt.empty())) {
                b.add(computer.get(), spn); // CredSSP's error text points at a missing WSMAN/<fqdn> SPN
            }
        }
        ClientSteps.credSsp(fqdn).forEach(b::step);
        b.warn("CredSSP is a weaker security setting: the server receives credentials it can reuse. Enable it for the task "
                + "at hand, then disable it on both ends.");
        if (b.hasChanges()) {
            b.warn("The computer lacks WSMAN/ SPNs, which CredSSP's error message asks for; the plan registers them.");
        }
        return b.build();
    }

    static Plan trustedHosts(LookupResult lookup) {
        Situation s = new Situation(lookup);
        List<ClientStep> steps = new ArrayList<>(ClientSteps.trustedHosts(s.typed()));
        return new Plan(TRUSTEDHOSTS, "Use NTLM to " + s.typed() + " via TrustedHosts", List.of(), steps,
                List.of("Prefer connecting by DNS name: Kerberos then works and the server's identity is checked. "
                        + "TrustedHosts only stops WinRM from checking who answers."));
    }

    static Plan useFqdn(LookupResult lookup) {
        Situation s = new Situation(lookup);
        if (!s.dnsName()) {
            ClientStep find = new ClientStep("Find the DNS name of " + s.typed(),
                    "Kerberos needs a name: with an IP address WinRM can only use NTLM. Look up the name the address "
                            + "belongs to and connect by that name.",
                    "powershell", "Resolve-DnsName -Name " + ClientSteps.ps(s.typed()) + " -Type PTR");
            return new Plan(USE_FQDN, "Connect by DNS name instead of " + s.typed(), List.of(), List.of(find),
                    List.of("If the address has no DNS name, use TrustedHosts or HTTPS with explicit credentials instead."));
        }
        Optional<String> good = healthyName(lookup);
        if (good.isEmpty()) {
            throw new NotApplicableException(whyNoHealthyName(lookup));
        }
        String name = good.get();
        ClientStep step = new ClientStep("Connect by " + name,
                "WinRM asks for HTTP/ plus the name you type. For HTTP/" + name + " no other account holds that SPN, so the ticket is "
                        + "issued for the computer itself. Nothing in the directory changes.",
                "powershell", "Enter-PSSession -ComputerName " + ClientSteps.ps(name));
        return new Plan(USE_FQDN, "Connect by " + name + " instead of " + s.typed(), List.of(), List.of(step),
                List.of("This works around the problem for you; anyone typing " + s.typed() + " still hits it."));
    }

    /** A name form (FQDN preferred) whose HTTP/ SPN is not held by another account; empty when none is. */
    static Optional<String> healthyName(LookupResult lookup) {
        Situation s = new Situation(lookup);
        if (s.computer().isEmpty()) {
            return Optional.empty();
        }
        List<String> forms = new ArrayList<>(s.hostForms());
        java.util.Collections.reverse(forms); // FQDN first
        for (String form : forms) {
            if (form.equalsIgnoreCase(s.typed()) && s.dnsName()) {
                continue;
            }
            Spn http = Spn.of("HTTP", form);
            Optional<Registration> reg = lookup.registration(http);
            boolean clean = reg.map(r -> r.holders().stream().allMatch(lookup::isTargetComputer)).orElse(false)
                    && (reg.map(Registration::registered).orElse(false) || s.computer().get().holds(Spn.of("HOST", form)));
            if (clean) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    static String whyNoHealthyName(LookupResult lookup) {
        Situation s = new Situation(lookup);
        if (s.computer().isEmpty()) {
            return "The computer account for " + s.typed() + " was not found, so no other name can be suggested.";
        }
        return "Every name form of " + s.typed() + " (" + String.join(", ", s.hostForms())
                + ") has its HTTP SPN on another account; another name does not help.";
    }
}
