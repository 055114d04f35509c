package io.github.spndoctor.core.diagnosis;

import java.util.ArrayList;
import java.util.List;

import static io.github.spndoctor.core.diagnosis.CauseId.*;
import static io.github.spndoctor.core.symptom.KnownError.*;
import static io.github.spndoctor.core.diagnosis.TextSignal.*;
import static io.github.spndoctor.core.symptom.Client.*;
import static io.github.spndoctor.core.symptom.Clue.*;
import io.github.spndoctor.core.symptom.AuthPackage;

/**
 * The text rules: what each recognised error, clue, client or name shape says about each cause, with a weight.
 * This table is the one place the text-based ranking is tuned (see docs/diagnosis.md). Weights of the rules that
 * fire for a cause combine as independent evidence: confidence = 1 − Π(1 − w) over supporting rules, then
 * × Π(1 + w) over rules against. Directory and DNS evidence is added by {@link Diagnoser}. Immutable.
 *
 * <p>Base weights for 0x80090322 follow how often each cause appears in public reports: a service account holding
 * HTTP/ first, another computer second, then duplicates, broken keys and name problems.
 */
public final class Rules {
    private static final List<Rule> ALL = new ArrayList<>();

    static {
        // ---- 0x80090322 / KRB_AP_ERR_MODIFIED: the ticket was made for an account the server cannot decrypt
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.55, "this error usually means HTTP/<name> is registered on a service account", SEC_E_WRONG_PRINCIPAL);
        r(SPN_ON_OTHER_COMPUTER, 0.30, "the name's SPN may belong to another computer", SEC_E_WRONG_PRINCIPAL);
        r(DUPLICATE_SPN, 0.20, "a duplicated SPN produces the same error", SEC_E_WRONG_PRINCIPAL);
        r(BROKEN_SECURE_CHANNEL, 0.18, "mismatched machine keys produce the same error", SEC_E_WRONG_PRINCIPAL);
        r(NAME_RESOLUTION, 0.14, "the name may lead to another machine", SEC_E_WRONG_PRINCIPAL);
        r(CNAME_ALIAS, 0.12, "an alias may be in use", SEC_E_WRONG_PRINCIPAL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.55, "the server could not decrypt a ticket, most often because its SPN is on a service account", KRB_AP_ERR_MODIFIED);
        r(SPN_ON_OTHER_COMPUTER, 0.35, "the ticket may have been made for another computer", KRB_AP_ERR_MODIFIED);
        r(BROKEN_SECURE_CHANNEL, 0.25, "KRB_AP_ERR_MODIFIED also follows a machine password mismatch", KRB_AP_ERR_MODIFIED);
        r(DUPLICATE_SPN, 0.15, "a duplicated SPN can send the ticket to the wrong account", KRB_AP_ERR_MODIFIED);
        r(NAME_RESOLUTION, 0.15, "the name may resolve to a host other than the SPN's owner", KRB_AP_ERR_MODIFIED);
        r(CNAME_ALIAS, 0.10, "an alias may be in use", KRB_AP_ERR_MODIFIED);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.25, "the client asked for HTTP/, the class web applications register", REQUESTED_HTTP_SPN);
        r(SPN_ON_OTHER_COMPUTER, 0.25, "a HOST/ SPN of this name can only sit on a computer account", REQUESTED_OTHER_SPN);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, -0.4, "the client did not ask for an HTTP/ SPN", REQUESTED_OTHER_SPN);
        r(MISSING_SPN, 0.20, "WSMAN/ SPNs are absent on some hosts (domain controllers)", REQUESTED_WSMAN_SPN);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.10, "Server Manager uses HTTP/<name>", SERVER_MANAGER, SEC_E_WRONG_PRINCIPAL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.10, "event forwarding uses HTTP/<collector>", EVENT_FORWARDING, SEC_E_WRONG_PRINCIPAL);

        // ---- what the user says about the host and what works
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.50, "IIS application pools often hold HTTP/<host>", IIS_APP_POOL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.45, "Reporting Services registers HTTP/<host> for its service account", REPORTING_SERVICES);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.35, "web applications register HTTP/<host> for their service account", WEB_APPLICATION);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.25, "a service account may hold HTTP/<host>", SERVICE_ACCOUNT);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "a wrong-principal error where a service account is involved", SERVICE_ACCOUNT, SEC_E_WRONG_PRINCIPAL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "KRB_AP_ERR_MODIFIED where a service account is involved", SERVICE_ACCOUNT, KRB_AP_ERR_MODIFIED);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.20, "Server Manager's Kerberos target may sit on the service account", SERVICE_ACCOUNT, KERBEROS_TARGET_RESOLUTION);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.45, "the SPN is said to be registered on another account", SPN_ON_OTHER_ACCOUNT);
        r(SPN_ON_OTHER_COMPUTER, 0.20, "the SPN is said to be registered on another account", SPN_ON_OTHER_ACCOUNT);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.35, "an IP address avoids Kerberos, so a Kerberos-only failure disappears", WORKS_BY_IP);
        r(IP_ADDRESS_NTLM, -0.6, "connecting by IP is the workaround here, not the problem", WORKS_BY_IP);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "works by IP (NTLM) but fails with Kerberos", WORKS_BY_IP, SEC_E_WRONG_PRINCIPAL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.40, "the port-specific SPN avoids the HTTP/<name> held elsewhere", INCLUDE_PORT);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.25, "only one name form fails: its HTTP/ SPN is held elsewhere", WORKS_WITH_OTHER_NAME);
        r(NAME_RESOLUTION, 0.30, "one name form fails: the names may resolve differently", WORKS_WITH_OTHER_NAME);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.40, "0x80090322 with only one name form: HTTP/<that form> sits on another account", WORKS_WITH_OTHER_NAME, SEC_E_WRONG_PRINCIPAL);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.40, "KRB_AP_ERR_MODIFIED with only one name form: HTTP/<that form> sits on another account", WORKS_WITH_OTHER_NAME, KRB_AP_ERR_MODIFIED);
        r(SPN_ON_OTHER_COMPUTER, 0.45, "a renamed, cloned or reused computer keeps its SPNs", RENAMED_OR_REUSED);
        r(SPN_ON_OTHER_COMPUTER, 0.30, "a renamed or reused host name with a wrong-principal error", RENAMED_OR_REUSED, SEC_E_WRONG_PRINCIPAL);
        r(SPN_ON_OTHER_COMPUTER, 0.30, "a renamed or reused host name with KRB_AP_ERR_MODIFIED", RENAMED_OR_REUSED, KRB_AP_ERR_MODIFIED);
        r(DUPLICATE_SPN, 0.60, "duplicate SPNs are mentioned", DUPLICATE_WORDS);
        r(DUPLICATE_SPN, 0.70, "one SPN is shown on several accounts", SPN_ON_SEVERAL_ACCOUNTS);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, "the SPN is on several accounts, not on one foreign account", SPN_ON_SEVERAL_ACCOUNTS);
        r(DUPLICATE_SPN, 0.30, "a wrong-principal error where duplicates are reported", DUPLICATE_WORDS, SEC_E_WRONG_PRINCIPAL);
        r(DUPLICATE_SPN, 0.30, "KRB_AP_ERR_MODIFIED where duplicates are reported", DUPLICATE_WORDS, KRB_AP_ERR_MODIFIED);
        r(MISSING_SPN, 0.45, "an SPN is said to be missing", MISSING_SPN_WORDS);
        r(MISSING_SPN, 0.35, "the client asks for WSMAN/<host>, which not every computer has", WSMAN_SPN_CLIENT);
        r(MISSING_SPN, 0.25, "domain controllers were seen without WSMAN/ SPNs", WSMAN_SPN_CLIENT, DOMAIN_CONTROLLER);
        r(CNAME_ALIAS, 0.50, "an alias or virtual name is in use", ALIAS);
        r(NAME_RESOLUTION, 0.12, "an alias may resolve elsewhere", ALIAS);
        r(CNAME_ALIAS, 0.30, "a wrong-principal error through an alias", ALIAS, SEC_E_WRONG_PRINCIPAL);
        r(CNAME_ALIAS, 0.30, "a wrong-principal error through an alias", ALIAS, KRB_AP_ERR_MODIFIED);
        r(NAME_RESOLUTION, 0.50, "DNS answers are said to disagree", DNS_MISMATCH);
        r(NAME_RESOLUTION, 0.30, "a wrong-principal error while DNS points elsewhere", DNS_MISMATCH, SEC_E_WRONG_PRINCIPAL);
        r(NAME_RESOLUTION, 0.30, "KRB_AP_ERR_MODIFIED while DNS points elsewhere", DNS_MISMATCH, KRB_AP_ERR_MODIFIED);
        r(CROSS_DOMAIN_NO_TRUST, 0.45, "different domains, forests or a workgroup are involved", DIFFERENT_DOMAIN);
        r(CROSS_DOMAIN_NO_TRUST, 0.20, "Kerberos does not accept local account names", LOCAL_ACCOUNT);
        r(ACCESS_DENIED, 0.30, "remote UAC filters local accounts' administrator rights", LOCAL_ACCOUNT);
        r(CROSS_DOMAIN_NO_TRUST, -0.5, "a trust is said to exist", TRUST_EXISTS);
        r(CROSS_DOMAIN_NO_TRUST, -0.5, "client and server are said to share a domain", SAME_DOMAIN);
        r(NAME_RESOLUTION, -0.35, "the name is said to resolve correctly", NAME_RESOLVES);
        r(MISSING_SPN, 0.35, "the name resolves, yet Kerberos finds no principal for it", NAME_RESOLVES, CANNOT_FIND_COMPUTER);
        r(MISSING_SPN, 0.30, "the name resolves, yet the domain controller knows no such SPN", NAME_RESOLVES, KDC_ERR_S_PRINCIPAL_UNKNOWN);
        r(NAME_RESOLUTION, 0.35, "a short name of a server in a trusted forest is not found", TRUST_EXISTS, CANNOT_FIND_COMPUTER);
        r(NAME_RESOLUTION, 0.40, "the other name form works: the short name is not known in this realm", WORKS_WITH_OTHER_NAME, CANNOT_FIND_COMPUTER);
        r(BROKEN_SECURE_CHANNEL, 0.50, "the machine password or secure channel is in question", SECURE_CHANNEL);
        r(BROKEN_SECURE_CHANNEL, 0.30, "KRB_AP_ERR_MODIFIED after a restore or rejoin", SECURE_CHANNEL, KRB_AP_ERR_MODIFIED);
        r(BROKEN_SECURE_CHANNEL, 0.25, "0x80090322 after a restore or rejoin", SECURE_CHANNEL, SEC_E_WRONG_PRINCIPAL);
        r(TIME_SKEW, 0.45, "clocks or time sync are mentioned", CLOCK);
        r(TIME_SKEW, 0.35, "a Kerberos failure where the clocks are said to differ", CLOCK, SEC_E_WRONG_PRINCIPAL);
        r(TIME_SKEW, 0.35, "a Kerberos failure where the clocks are said to differ", CLOCK, KRB_AP_ERR_MODIFIED);
        r(SECOND_HOP_DELEGATION, 0.60, "the command runs inside a remote session", SECOND_HOP);
        r(SECOND_HOP_DELEGATION, 0.35, "an SSH key logon has no Windows credentials to pass on", SSH_LOGON);
        r(SECOND_HOP_DELEGATION, 0.20, "a service or agent context may hold no usable credentials", RUNS_AS_SERVICE);
        r(IP_ADDRESS_NTLM, 0.55, "the connection is made to an IP address", CONNECT_BY_IP);
        r(IP_ADDRESS_NTLM, 0.55, "Kerberos was asked for, but a Kerberos ticket needs a host name, never an IP address", CONNECT_BY_IP, AuthPackage.KERBEROS);
        r(IP_ADDRESS_NTLM, 0.55, "Kerberos was asked for, but a Kerberos ticket needs a host name, never an IP address", TARGET_IS_IP, AuthPackage.KERBEROS);
        r(NAME_RESOLUTION, 0.55, "the client connected with another form of the name than the one given: a short name only resolves through the client's DNS suffixes", NAME_FORM_DROPPED);
        r(NAME_RESOLUTION, 0.35, "a name without its domain part does not resolve from another domain", NAME_FORM_DROPPED, DIFFERENT_DOMAIN);
        r(NAME_RESOLUTION, 0.30, "no authority for a name whose domain part was dropped", NAME_FORM_DROPPED, SEC_E_NO_AUTHENTICATING_AUTHORITY);
        r(NAME_RESOLUTION, 0.30, "the server's name is said not to be found", NAME_NOT_FOUND);
        r(WINRM_UNREACHABLE, 0.15, "a server that cannot be found cannot be reached", NAME_NOT_FOUND);
        r(SECOND_HOP_DELEGATION, 0.55, "Windows Admin Center's gateway passes the signed-in identity on to the server: a second hop that needs Kerberos delegation from the gateway", WINDOWS_ADMIN_CENTER, CURRENT_CREDENTIALS);
        r(SECOND_HOP_DELEGATION, 0.30, "the signed-in identity works when typed: what is passed along carries no usable credentials", CURRENT_CREDENTIALS, EXPLICIT_CREDENTIALS_WORK);
        r(SECOND_HOP_DELEGATION, 0.20, "typed credentials work where the passed-on logon does not", EXPLICIT_CREDENTIALS_WORK);
        r(ACCESS_DENIED, -0.4, "the same account works with typed credentials, so its rights are not the problem", EXPLICIT_CREDENTIALS_WORK);
        r(IP_ADDRESS_NTLM, 0.35, "TrustedHosts matters only when Kerberos is not used", TRUSTED_HOSTS);
        r(CROSS_DOMAIN_NO_TRUST, 0.12, "TrustedHosts is needed for untrusted or workgroup targets", TRUSTED_HOSTS);
        r(CROSS_DOMAIN_NO_TRUST, 0.25, "TrustedHosts with different domains", TRUSTED_HOSTS, DIFFERENT_DOMAIN);
        r(ACCESS_DENIED, 0.45, "rights, group membership or UAC are mentioned", RIGHTS);
        r(ACCESS_DENIED, 0.15, "the password or account state is in question", PASSWORD_WORDS);
        r(WINRM_UNREACHABLE, 0.45, "the connection itself fails", CONNECTIVITY);
        r(ACCESS_DENIED, 0.15, "loopback sessions are often blocked by hardening", LOOPBACK);
        r(SECOND_HOP_DELEGATION, 0.15, "loopback sessions carry no network credentials", LOOPBACK);
        r(IP_ADDRESS_NTLM, 0.60, "Kerberos cannot be used with an IP address", TARGET_IS_IP);
        r(IP_ADDRESS_NTLM, -0.5, "the connection fails before any authentication", CONNECTIVITY);
        r(IP_ADDRESS_NTLM, -0.6, "the connection fails before any authentication", ERROR_WSMAN_DESTINATION_UNREACHABLE);
        r(ACCESS_DENIED, 0.20, "WinRM does not use Kerberos for the local machine", TARGET_IS_LOCALHOST);
        r(SECOND_HOP_DELEGATION, 0.15, "loopback sessions carry no network credentials", TARGET_IS_LOCALHOST);

        // ---- other errors
        r(SECOND_HOP_DELEGATION, 0.65, "the calling logon has no credentials to use", SEC_E_NO_CREDENTIALS);
        r(SECOND_HOP_DELEGATION, 0.40, "no credentials inside an SSH key logon", SEC_E_NO_CREDENTIALS, SSH_LOGON);
        r(SECOND_HOP_DELEGATION, 0.50, "the calling identity has no usable credentials", SEC_E_UNKNOWN_CREDENTIALS);
        r(CROSS_DOMAIN_NO_TRUST, 0.50, "no domain controller could be reached for the credential's realm", SEC_E_NO_AUTHENTICATING_AUTHORITY);
        r(NAME_RESOLUTION, 0.25, "a short name of a server in another domain fails this way", SEC_E_NO_AUTHENTICATING_AUTHORITY);
        r(MISSING_SPN, 0.55, "no SPN matches the name used", SEC_E_TARGET_UNKNOWN);
        r(NAME_RESOLUTION, 0.30, "the name used may not be the computer's name", SEC_E_TARGET_UNKNOWN);
        r(CNAME_ALIAS, 0.20, "an alias has no SPN of its own", SEC_E_TARGET_UNKNOWN);
        r(UNKNOWN, 0.40, "a rare SSPI error with no known WinRM cause", SEC_E_INTERNAL_ERROR);
        r(UNKNOWN, 0.40, "a rare SSPI error with no known WinRM cause", SEC_E_INVALID_TOKEN);
        r(MISSING_SPN, 0.15, "an invalid token can follow an SPN nobody holds", SEC_E_INVALID_TOKEN);
        r(UNKNOWN, 0.35, "the logon was refused without a specific reason", SEC_E_LOGON_DENIED);
        r(ACCESS_DENIED, 0.25, "the logon was refused", SEC_E_LOGON_DENIED);
        r(TIME_SKEW, 0.90, "the clocks differ by more than Kerberos allows", SEC_E_TIME_SKEW);
        r(TIME_SKEW, 0.90, "the clocks differ by more than Kerberos allows", KRB_AP_ERR_SKEW);
        r(UNKNOWN, 0.35, "a certificate problem, not an SPN problem", SEC_E_CERT_UNKNOWN);
        r(WINRM_UNREACHABLE, 0.25, "the HTTPS listener's certificate is in question", SEC_E_CERT_UNKNOWN);
        r(UNKNOWN, 0.40, "a rare SSPI error with no known WinRM cause", SEC_E_DOWNGRADE_DETECTED);
        r(CROSS_DOMAIN_NO_TRUST, 0.15, "Negotiate could not agree on Kerberos", SEC_E_DOWNGRADE_DETECTED);
        r(MISSING_SPN, 0.60, "the domain controller knows no account with that SPN", KDC_ERR_S_PRINCIPAL_UNKNOWN);
        r(NAME_RESOLUTION, 0.30, "the client may have built the SPN from another name (reverse DNS, search suffix)", KDC_ERR_S_PRINCIPAL_UNKNOWN);
        r(CNAME_ALIAS, 0.20, "an alias has no SPN of its own", KDC_ERR_S_PRINCIPAL_UNKNOWN);
        r(CNAME_ALIAS, 0.45, "server not found through an alias", KDC_ERR_S_PRINCIPAL_UNKNOWN, ALIAS);
        r(NAME_RESOLUTION, 0.40, "server not found while DNS disagrees", KDC_ERR_S_PRINCIPAL_UNKNOWN, DNS_MISMATCH);
        r(MISSING_SPN, 0.30, "pypsrp asks for WSMAN/<host>", KDC_ERR_S_PRINCIPAL_UNKNOWN, PYPSRP);
        r(MISSING_SPN, 0.30, "the client asks for WSMAN/<host>", KDC_ERR_S_PRINCIPAL_UNKNOWN, WSMAN_SPN_CLIENT);
        r(DUPLICATE_SPN, 0.90, "the domain controller found the name on more than one account", KDC_ERR_PRINCIPAL_NOT_UNIQUE);
        r(DUPLICATE_SPN, 0.85, "KDC event 11 reports duplicate names", KDC_DUPLICATE_NAMES);
        r(DUPLICATE_SPN, 0.85, "Kerberos reports the SPN on multiple accounts", SPN_REGISTERED_ON_MULTIPLE_ACCOUNTS);
        r(MISSING_SPN, 0.85, "Kerberos reports the SPN is not registered", SPN_NOT_REGISTERED);
        r(DUPLICATE_SPN, 0.55, "the directory refused a duplicate SPN", SPN_VALUE_NOT_UNIQUE_IN_FOREST);
        r(SPN_ON_OTHER_COMPUTER, 0.25, "another account already holds the SPN", SPN_VALUE_NOT_UNIQUE_IN_FOREST);
        r(DUPLICATE_SPN, 0.35, "setspn found the SPN on another account", SETSPN_DUPLICATE_FOUND);
        r(SPN_ON_OTHER_COMPUTER, 0.20, "setspn found the SPN on another account", SETSPN_DUPLICATE_FOUND);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.15, "setspn found the SPN on another account", SETSPN_DUPLICATE_FOUND);
        r(BROKEN_SECURE_CHANNEL, 0.45, "the account's keys do not match the encryption types in use", KDC_NO_SUITABLE_KEY);
        r(UNKNOWN, 0.30, "an encryption-type mismatch, not an SPN problem", KDC_NO_SUITABLE_KEY);
        r(WINRM_UNREACHABLE, 0.85, "the client could not reach a WinRM listener", ERROR_WSMAN_DESTINATION_UNREACHABLE);
        r(WINRM_UNREACHABLE, 0.75, "WinRM could not reach the computer", WINRM_CANNOT_COMPLETE);
        r(NAME_RESOLUTION, 0.30, "the computer name may not be valid or resolvable", WINRM_CANNOT_COMPLETE);
        r(IP_ADDRESS_NTLM, 0.70, "WinRM demands HTTPS or TrustedHosts because Kerberos is not in use", ERROR_WSMAN_SERVER_NOT_TRUSTED);
        r(CROSS_DOMAIN_NO_TRUST, 0.35, "a client outside the server's domain gets the same demand", ERROR_WSMAN_SERVER_NOT_TRUSTED);
        r(CROSS_DOMAIN_NO_TRUST, 0.30, "different domains and a TrustedHosts demand", ERROR_WSMAN_SERVER_NOT_TRUSTED, DIFFERENT_DOMAIN);
        r(IP_ADDRESS_NTLM, 0.90, "WinRM says an IP address needs HTTPS or TrustedHosts", IP_ADDRESS_DEFAULT_AUTH);
        r(UNKNOWN, 0.35, "an SPN option that does not fit the authentication mechanism", ERROR_WSMAN_CLIENT_SPN_WRONG_AUTH);
        r(ACCESS_DENIED, 0.65, "the server refused the authenticated account", E_ACCESSDENIED);
        r(SECOND_HOP_DELEGATION, 0.25, "access is denied on a second hop too", E_ACCESSDENIED);
        r(IP_ADDRESS_NTLM, -0.4, "authentication got through; the refusal came after it", E_ACCESSDENIED);
        r(IP_ADDRESS_NTLM, -0.4, "the server checked the credentials, so the transport was accepted", CREDENTIALS_REJECTED);
        r(SECOND_HOP_DELEGATION, 0.45, "access denied inside a remote session", E_ACCESSDENIED, SECOND_HOP);
        r(ACCESS_DENIED, -0.35, "inside a remote session the missing credentials explain the refusal", E_ACCESSDENIED, SECOND_HOP);
        r(ACCESS_DENIED, 0.35, "the credentials were refused", LOGON_FAILURE);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, "the logon itself failed, before any ticket reached the server", LOGON_FAILURE);
        r(MISSING_SPN, 0.40, "Server Manager could not find a Kerberos principal for the name", KERBEROS_TARGET_RESOLUTION);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "Server Manager's Kerberos target may be held by another account", KERBEROS_TARGET_RESOLUTION);
        r(NAME_RESOLUTION, 0.30, "the name Server Manager uses may not be the computer's", KERBEROS_TARGET_RESOLUTION);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "Negotiate failed where Kerberos should have worked", NEGOTIATE_AUTHENTICATION_ERROR);
        r(CROSS_DOMAIN_NO_TRUST, 0.30, "Negotiate fails for servers outside the client's trust", NEGOTIATE_AUTHENTICATION_ERROR);
        r(IP_ADDRESS_NTLM, 0.20, "Negotiate falls back to NTLM for addresses and untrusted hosts", NEGOTIATE_AUTHENTICATION_ERROR);
        r(CROSS_DOMAIN_NO_TRUST, 0.20, "a local or foreign account name does not work with Kerberos", LOGON_FAILURE);
        r(ACCESS_DENIED, 0.40, "the server rejected the credentials", CREDENTIALS_REJECTED);
        r(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, "a Kerberos 401 from WinRM often means the ticket went to another account", CREDENTIALS_REJECTED, AuthPackage.KERBEROS);
        r(NAME_RESOLUTION, 0.60, "the name is not known as a Kerberos principal in your realm", CANNOT_FIND_COMPUTER);
        r(CROSS_DOMAIN_NO_TRUST, 0.35, "servers in a trusted forest addressed by short name fail this way", CANNOT_FIND_COMPUTER);
        r(MISSING_SPN, 0.30, "no SPN matches the name (or name:port) requested", CANNOT_FIND_COMPUTER);
        r(MISSING_SPN, 0.55, "with -IncludePortInSPN the port SPN must exist", CANNOT_FIND_COMPUTER, INCLUDE_PORT);
        r(CROSS_DOMAIN_NO_TRUST, 0.35, "another domain's server by short name", CANNOT_FIND_COMPUTER, DIFFERENT_DOMAIN);
        r(NAME_RESOLUTION, 0.80, "the server name does not resolve", SERVER_NAME_NOT_RESOLVED);
        r(NAME_RESOLUTION, 0.45, "the name did not lead to a reachable host", NETWORK_PATH_NOT_FOUND);
        r(WINRM_UNREACHABLE, 0.35, "the host could not be reached", NETWORK_PATH_NOT_FOUND);
        r(CROSS_DOMAIN_NO_TRUST, 0.20, "the server's domain may not be reachable from here", NETWORK_PATH_NOT_FOUND);
        r(CREDSSP_DELEGATION_POLICY, 0.90, "the CredSSP delegation policy refused the target", CREDSSP_POLICY);
        r(CREDSSP_DELEGATION_POLICY, 0.85, "CredSSP is not enabled on one side", CREDSSP_DISABLED);
        r(BROKEN_SECURE_CHANNEL, 0.90, "the computer's trust with the domain is broken", TRUST_RELATIONSHIP_FAILED);
        r(BROKEN_SECURE_CHANNEL, 0.80, "the domain has no matching computer account", NO_TRUST_SAM_ACCOUNT);

        // ---- clients
        r(CREDSSP_DELEGATION_POLICY, 0.15, "Windows Admin Center relies on CredSSP for some tasks", WINDOWS_ADMIN_CENTER, AuthPackage.CREDSSP);
        r(MISSING_SPN, 0.15, "pypsrp asks for WSMAN/<host> by default", PYPSRP);
        r(NAME_RESOLUTION, 0.20, "Linux Kerberos clients build the SPN from reverse DNS by default", KRB_AP_ERR_MODIFIED, ANSIBLE);
        r(NAME_RESOLUTION, 0.20, "Linux Kerberos clients build the SPN from reverse DNS by default", KDC_ERR_S_PRINCIPAL_UNKNOWN, ANSIBLE);
    }

    private Rules() {}

    private static void r(CauseId cause, double weight, String why, Object... when) {
        ALL.add(new Rule(cause, weight, List.of(when), why));
    }

    /** Every text rule, in table order. */
    public static List<Rule> all() {
        return List.copyOf(ALL);
    }
}
