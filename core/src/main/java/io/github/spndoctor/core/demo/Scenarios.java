package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.symptom.CommonSymptom;

import java.util.List;
import java.util.Optional;

/**
 * The demo's teaching scenarios, each built on the seeded demo directory (see {@code demo-forest.ldif}) and the
 * demo's DNS. Pure functions.
 */
public final class Scenarios {
    private Scenarios() {}

    /** Every scenario, in teaching order. The IP-address scenario uses the address the demo's DNS gives MEM1. */
    public static List<Scenario> all(DemoDns dns) {
        String mem1Address = dns.addresses("mem1.contoso.com").stream().findFirst().orElse("192.0.2.14");
        return List.of(
                new Scenario("msa-srv003", "Server Manager cannot refresh SRV003",
                        "A web site on SRV003 runs as the managed service account svc-srv003-web, and someone registered "
                                + "HTTP/srv003.rwwilden01.local on that account. Server Manager asks Kerberos for exactly that "
                                + "name, so its ticket is locked with the service account's key, and SRV003 cannot open it.",
                        "Server Manager shows \"Configuration refresh failed\" with error 0x80090322 for SRV003; "
                                + "Enter-PSSession fails the same way. SRV003 itself is fine.",
                        "srv003.rwwilden01.local", CommonSymptom.SERVER_MANAGER_REFRESH.text(),
                        CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, List.of(Remedies.REMOVE_SPN, Remedies.WSMAN_PREFIX)),
                new Scenario("crm-pool", "PowerShell cannot reach the Dynamics CRM server",
                        "Dynamics CRM's web site runs under the application pool account crmIisPoolServiceAccount, which "
                                + "holds http/DYNAMICS-CRM. The CRM asynchronous service delegates to that name, so simply "
                                + "removing it would break CRM: the class weighs the options.",
                        "Enter-PSSession DYNAMICS-CRM fails with 0x80090322 \"An unknown security error occurred\".",
                        "DYNAMICS-CRM", CommonSymptom.UNKNOWN_SECURITY_ERROR.text(),
                        CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT,
                        List.of(Remedies.PORT_SPN, Remedies.WSMAN_PREFIX, Remedies.REMOVE_SPN)),
                new Scenario("mem1-web", "MEM1's web service account (three ways out)",
                        "MEM1 hosts a web application whose account svc-webapp holds HTTP/Mem1 and HTTP/Mem1.contoso.com. "
                                + "Microsoft's article on this error gives three ways out, shown side by side: take the SPNs "
                                + "off the account, register port SPNs and connect with the port, or switch clients to WSMAN.",
                        "Enter-PSSession MEM1 fails with 0x80090322; by IP address with credentials it works.",
                        "MEM1", CommonSymptom.UNKNOWN_SECURITY_ERROR.text(), CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT,
                        List.of(Remedies.REMOVE_SPN, Remedies.PORT_SPN, Remedies.WSMAN_PREFIX)),
                new Scenario("wac-credssp", "Windows Admin Center and CredSSP",
                        "The Windows Admin Center gateway WAC01 manages the cluster node HCI-NODE1 and must pass the "
                                + "user's credentials on (CredSSP). Kerberos itself is fine here: the policy that allows the "
                                + "delegation is missing.",
                        "Windows Admin Center: \"A computer policy does not allow the delegation of the user credentials "
                                + "to the target computer\".",
                        "hci-node1.contoso.com", CommonSymptom.CREDSSP_POLICY.text(), CauseId.CREDSSP_DELEGATION_POLICY,
                        List.of(Remedies.CREDSSP)),
                new Scenario("true-duplicate", "The same SPN on two accounts",
                        "HTTP/app01.contoso.com is registered on svc-app01 and on the old svc-app01-old. The KDC cannot "
                                + "choose and refuses to issue a ticket at all; setspn -X finds this one.",
                        "The KDC logs event 11 (duplicate names); clients fail or fall back to NTLM.",
                        "app01.contoso.com", CommonSymptom.DUPLICATE_SPN_EVENT.text(), CauseId.DUPLICATE_SPN,
                        List.of(Remedies.REMOVE_SPN)),
                new Scenario("cname-alias", "A friendly DNS name (CNAME)",
                        "reports.rwwilden01.local is a DNS alias for SRV004. Windows asks Kerberos for the name as "
                                + "typed, HTTP/reports.rwwilden01.local, and no account holds it, nor HOST/ for it.",
                        "Enter-PSSession reports.rwwilden01.local fails: the target is unknown (0x80090303); by its real "
                                + "name srv004 it works.",
                        "reports.rwwilden01.local", CommonSymptom.TARGET_UNKNOWN.text(), CauseId.CNAME_ALIAS,
                        List.of(Remedies.USE_FQDN, Remedies.REGISTER_SPN)),
                new Scenario("by-ip", "Connecting by IP address",
                        "Someone connects to MEM1 by its address " + mem1Address + ". Kerberos needs a name, so Windows "
                                + "uses NTLM, which it allows only over HTTPS or for hosts in TrustedHosts.",
                        "Enter-PSSession " + mem1Address + " fails: HTTPS or TrustedHosts is required, with explicit credentials.",
                        mem1Address, CommonSymptom.IP_ADDRESS.text(), CauseId.IP_ADDRESS_NTLM,
                        List.of(Remedies.USE_FQDN, Remedies.TRUSTEDHOSTS)),
                new Scenario("healthy", "A healthy host",
                        "SRV004 holds its own HOST/ and WSMAN/ SPNs and no service account claims its name: the ticket "
                                + "for HTTP/srv004 is answered by the computer's HOST/ SPN and SRV004 can read it.",
                        "Enter-PSSession srv004.rwwilden01.local works. SPN Doctor says the host is healthy.",
                        "srv004.rwwilden01.local", "", CauseId.UNKNOWN, List.of()));
    }

    /** The scenario with this id. */
    public static Optional<Scenario> byId(DemoDns dns, String id) {
        return all(dns).stream().filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
