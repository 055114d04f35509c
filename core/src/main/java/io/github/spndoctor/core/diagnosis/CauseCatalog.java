package io.github.spndoctor.core.diagnosis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The text shown for every cause: title, explanation, decisive check, checks and remedies. Remedy ids are shared with
 * the remedy planners ({@code remove-spn}, {@code port-spn}, {@code wsman-prefix}, {@code move-spn-to-computer},
 * {@code temporary-reset}, {@code credssp}, {@code trustedhosts}, {@code use-fqdn}, {@code register-spn},
 * {@code remove-stale-spn}, {@code secure-channel}, {@code time-sync}, {@code grant-remoting-rights},
 * {@code enable-remoting}). Immutable, thread-safe.
 */
public final class CauseCatalog {
    private static final Map<CauseId, CauseInfo> INFO = new EnumMap<>(CauseId.class);

    static {
        put(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, new CauseInfo(
                "The server's HTTP SPN belongs to a service account",
                "PowerShell remoting asks the domain controller for a ticket to HTTP/ plus the server name exactly as you "
                        + "typed it. Someone registered that exact SPN on a user, service or managed service account "
                        + "(typically an IIS application pool, Reporting Services or Dynamics CRM). The domain controller "
                        + "therefore encrypts the ticket with that account's key. WinRM runs as the computer, cannot "
                        + "decrypt it, and the client sees 0x80090322. It is not a literal duplicate (the computer holds "
                        + "HOST/, not HTTP/), so setspn -X does not report it.",
                "Find who holds HTTP/<name as typed> forest-wide (setspn -F -Q HTTP/<name>): the holder is not the "
                        + "target's computer account.",
                List.of("setspn -F -Q HTTP/<short name> and HTTP/<FQDN>, with and without :5985/:5986",
                        "Try the other name form (short vs FQDN): if it works, only one form is registered on the account",
                        "On the web application: does it still need Kerberos with that SPN (app pool identity, delegation)?",
                        "After a change: klist purge, reconnect, and klist should show a ticket for HTTP/<name>"),
                List.of("remove-spn", "port-spn", "wsman-prefix", "move-spn-to-computer", "temporary-reset")));
        put(CauseId.SPN_ON_OTHER_COMPUTER, new CauseInfo(
                "The SPN belongs to a different computer",
                "An HTTP/, WSMAN/ or HOST/ SPN for the name you use is registered on another computer account — "
                        + "often a renamed, cloned or retired machine, or a name that was reused. Tickets for that "
                        + "name are encrypted for the other computer, so the server you reach cannot decrypt them.",
                "Look up HTTP/<name> and HOST/<name>: the holder is a computer account that is not the target.",
                List.of("setspn -F -Q HOST/<name> and HTTP/<name>",
                        "Is the other computer still in use (lastLogonTimestamp, pwdLastSet, DNS)?",
                        "Does DNS for the name point at the computer you expect?"),
                List.of("remove-stale-spn", "use-fqdn")));
        put(CauseId.DUPLICATE_SPN, new CauseInfo(
                "The same SPN is registered on more than one account",
                "An SPN must be unique in the forest. When two accounts hold the identical value the domain controller "
                        + "cannot tell which key to use: it refuses the request or encrypts the ticket for the wrong "
                        + "account, so authentication fails or lands on the wrong service.",
                "Search the forest for the SPN (setspn -F -Q <spn>, or setspn -X -F): two or more holders are listed.",
                List.of("setspn -X -F -P to list all duplicates (slow on large forests)",
                        "KDC event 11 on a domain controller names the duplicate",
                        "Decide which account really runs the service before removing anything"),
                List.of("remove-spn")));
        put(CauseId.MISSING_SPN, new CauseInfo(
                "No account holds the SPN the client asks for",
                "Kerberos needs an SPN that matches what the client requests. When neither HTTP/<name> nor HOST/<name> "
                        + "(or WSMAN/<name> for clients that use the WSMAN prefix, or the port form with "
                        + "-IncludePortInSPN) is registered, the domain controller answers 'server not found'. Windows "
                        + "may fall back to NTLM; Linux Kerberos clients and CredSSP do not.",
                "Look up the SPN the client requests (setspn -F -Q <class>/<name>): nobody holds it.",
                List.of("setspn -L <computer> to see what the computer holds",
                        "Which SPN does the client use (HTTP, WSMAN, with port)?",
                        "Is the name you typed the computer's real name or an alias?"),
                List.of("register-spn", "use-fqdn")));
        put(CauseId.IP_ADDRESS_NTLM, new CauseInfo(
                "Connecting by IP address rules out Kerberos",
                "Kerberos works with names, not with IP addresses. When you connect to an IP address WinRM uses NTLM "
                        + "instead, and NTLM cannot prove the server's identity, so WinRM insists on HTTPS or on the "
                        + "address being in the client's TrustedHosts list, plus explicit credentials.",
                "Is the target you typed an IPv4 or IPv6 address?",
                List.of("Get-Item WSMan:\\localhost\\Client\\TrustedHosts",
                        "Does the server's DNS name work instead?", "Is the client computer joined to the domain?"),
                List.of("use-fqdn", "trustedhosts")));
        put(CauseId.CNAME_ALIAS, new CauseInfo(
                "The name is a DNS alias the computer has no SPN for",
                "WinRM asks for HTTP/ plus the name you typed, even when that name is a CNAME for another host. The real "
                        + "computer account holds SPNs only for its own names, so nothing (or a different account) "
                        + "matches the alias.",
                "Resolve the name (Resolve-DnsName <name>): it is a CNAME pointing at another host.",
                List.of("setspn -F -Q HTTP/<alias> and HOST/<alias>",
                        "Connect with the real host name and compare"),
                List.of("use-fqdn", "register-spn", "netdom computername <host> /add:<alias> (registers DNS and SPNs)")));
        put(CauseId.NAME_RESOLUTION, new CauseInfo(
                "The name does not lead to the computer that owns it",
                "The name you typed resolves to another machine, does not resolve at all, or is a short name that "
                        + "means something else in the client's domain. Kerberos then asks for the wrong principal, "
                        + "or the server that answers is not the one the ticket was made for.",
                "Compare forward and reverse DNS for the name with the computer's dNSHostName.",
                List.of("Resolve-DnsName <name> and Resolve-DnsName <ip> -Type PTR",
                        "Try the fully qualified name", "Check hosts files and DNS suffix search lists",
                        "On Linux clients, rdns = false in krb5.conf"),
                List.of("use-fqdn", "Fix the A/PTR records or the hosts file entry")));
        put(CauseId.CROSS_DOMAIN_NO_TRUST, new CauseInfo(
                "Client and server are in domains that do not trust each other",
                "Kerberos needs the client's domain to trust the server's domain (or to be the same domain). "
                        + "Without a usable trust, or when the client cannot reach a domain controller for the "
                        + "server's realm, there is no ticket to get and Negotiate falls back to NTLM, which then "
                        + "needs HTTPS or TrustedHosts.",
                "Compare the client's and the server's domains, and test the trust (nltest /dsgetdc:<domain>).",
                List.of("nltest /dsgetdc:<server domain>", "Use the server's FQDN, not its short name",
                        "Are you using a local account or a domain account?"),
                List.of("use-fqdn", "trustedhosts", "Use HTTPS with explicit credentials")));
        put(CauseId.BROKEN_SECURE_CHANNEL, new CauseInfo(
                "The server's machine password no longer matches the domain",
                "The SPN is registered on the right computer, but the keys the domain controller uses for it differ from "
                        + "the ones the server holds — after a restored snapshot, a failed rejoin or a broken secure "
                        + "channel. The server cannot decrypt tickets made for its own name.",
                "On the server: Test-ComputerSecureChannel -Verbose (nltest /sc_verify:<domain> on a domain controller).",
                List.of("Test-ComputerSecureChannel -Verbose", "Was the VM reverted or restored recently?",
                        "KDC events 14/16/27 point at encryption-type mismatches instead"),
                List.of("secure-channel")));
        put(CauseId.TIME_SKEW, new CauseInfo(
                "The clocks are too far apart",
                "Kerberos tickets carry timestamps. When client, server and domain controller disagree by more than "
                        + "five minutes (the default), tickets are refused.",
                "Compare the time on client, server and a domain controller (w32tm /stripchart /computer:<dc>).",
                List.of("w32tm /query /status", "Time zone and daylight-saving settings on each machine"),
                List.of("time-sync")));
        put(CauseId.CREDSSP_DELEGATION_POLICY, new CauseInfo(
                "CredSSP is not allowed to delegate your credentials to this server",
                "CredSSP passes your credentials on to the server. The client must be enabled for CredSSP with the "
                        + "server in its delegate list, the Allow Fresh Credentials policy must name WSMAN/<server>, and "
                        + "the server must accept CredSSP. If Kerberos cannot vouch for the server (no WSMAN/ SPN, "
                        + "alias or IP used), only the NTLM-only variant of that policy helps.",
                "Get-WSManCredSSP on the client and on the server; check the delegate list against the name you use.",
                List.of("Get-WSManCredSSP", "gpresult /h report.html (Credentials Delegation policies)",
                        "setspn -Q WSMAN/<server FQDN>"),
                List.of("credssp", "register-spn")));
        put(CauseId.SECOND_HOP_DELEGATION, new CauseInfo(
                "The session that runs the command has no credentials to pass on",
                "A remote session (or an SSH key logon, or a service account without a password) has no reusable "
                        + "credentials. From there, a further connection to another server has nothing to "
                        + "authenticate with: the second hop fails with 'a specified logon session does not exist' or "
                        + "'access is denied'.",
                "Where does the failing command run? Inside that session, klist shows no ticket-granting ticket.",
                List.of("klist inside the session", "whoami /all inside the session",
                        "Does it work when run directly on the first server's console?"),
                List.of("Pass -Credential explicitly", "Resource-based constrained delegation",
                        "credssp")));
        put(CauseId.ACCESS_DENIED, new CauseInfo(
                "Authentication works, but the account may not use remoting",
                "The server accepted who you are but refuses what you ask: the account is not in Administrators or "
                        + "Remote Management Users, lacks rights on the session configuration, or is filtered by "
                        + "remote UAC (local accounts, administrators from another domain).",
                "Check the account's group membership and the session configuration rights on the server.",
                List.of("Get-PSSessionConfiguration | Format-List Name, Permission",
                        "Is the account a local account or from another domain (LocalAccountTokenFilterPolicy)?"),
                List.of("grant-remoting-rights")));
        put(CauseId.WINRM_UNREACHABLE, new CauseInfo(
                "WinRM cannot be reached — not an authentication problem",
                "The client never got as far as authentication: no WinRM listener, the service is stopped, a firewall "
                        + "blocks port 5985/5986, or the name leads nowhere.",
                "Test the port: Test-NetConnection <server> -Port 5985 (5986 for HTTPS), then Test-WSMan <server>.",
                List.of("Test-WSMan <server>", "winrm enumerate winrm/config/listener on the server",
                        "Windows Firewall rule 'Windows Remote Management (HTTP-In)'"),
                List.of("enable-remoting")));
        put(CauseId.UNKNOWN, new CauseInfo(
                "Not enough evidence for a specific cause",
                "Nothing recognised so far points clearly at one cause. This is not a clean bill of health: it means "
                        + "the evidence is missing or the lookup could not be made.",
                "Collect the exact error text and run the directory lookup for the name you typed.",
                List.of("The exact error text, including the error code",
                        "The name exactly as typed, and whether the other name form works",
                        "klist after a failed attempt", "System log on the client: Kerberos event 4"),
                List.of("Hand the report to someone with directory access")));
    }

    private CauseCatalog() {}

    private static void put(CauseId id, CauseInfo info) {
        INFO.put(id, info);
    }

    /** The text for {@code id}; every cause has one. */
    public static CauseInfo info(CauseId id) {
        return INFO.get(id);
    }
}
