package io.github.spndoctor.core.symptom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Every error SPN Doctor recognises in pasted text: SSPI and WinRM result codes, Kerberos protocol errors, and the
 * event-log and tool messages that carry no number. One constant is one fact, whatever the spelling: the hexadecimal
 * HRESULT ({@code 0x80090322}, {@code 80090322}), its unsigned ({@code 2148074274}) and signed
 * ({@code -2146893022}) decimal forms, the symbolic name ({@code SEC_E_WRONG_PRINCIPAL}), MIT Kerberos spellings and
 * the message texts (also a few translations). Immutable, thread-safe.
 *
 * <p>To add a message: add its text to {@link #phrases()} of the right constant (or a new constant plus its rules in
 * {@code io.github.spndoctor.core.diagnosis.Rules}) and a line in the test table {@code knowledge-messages.tsv}.
 */
public enum KnownError {
    SEC_E_WRONG_PRINCIPAL(0x80090322L, "The target principal name is incorrect (WinRM: an unknown security error)",
            List.of("The target principal name is incorrect", "An unknown security error occurred",
                    "Ein unbekannter Sicherheitsfehler ist aufgetreten", "Der Zielprinzipalname ist falsch",
                    "Une erreur de sécurité inconnue s'est produite", "Le nom principal cible est incorrect",
                    "Se produjo un error de seguridad desconocido", "El nombre de entidad de seguridad de destino es incorrecto"),
            List.of()),
    KRB_AP_ERR_MODIFIED(-1, "Kerberos KRB_AP_ERR_MODIFIED: the server could not decrypt the ticket",
            List.of("KRB_AP_ERR_MODIFIED", "Message stream modified", "the target server failed to decrypt the ticket"),
            List.of("KRB5KRB_AP_ERR_MODIFIED", "-1765328343")),
    SEC_E_NO_CREDENTIALS(0x8009030EL, "No credentials are available in the security package (logon session does not exist)",
            List.of("A specified logon session does not exist", "No credentials are available in the security package",
                    "No Kerberos credentials available", "No credentials cache found",
                    "Eine angegebene Anmeldesitzung ist nicht vorhanden", "Une session d'ouverture spécifiée n'existe pas"),
            List.of()),
    SEC_E_UNKNOWN_CREDENTIALS(0x8009030DL, "The credentials supplied to the package were not recognized",
            List.of("The credentials supplied to the package were not recognized"), List.of()),
    SEC_E_NO_AUTHENTICATING_AUTHORITY(0x80090311L, "No authority could be contacted for authentication (no logon servers)",
            List.of("No authority could be contacted for authentication",
                    "There are currently no logon servers available to service the logon request",
                    "because your domain isn't available", "Cannot contact any KDC for realm",
                    "Cannot find KDC for requested realm", "Cannot find KDC for realm"),
            List.of("KRB5_KDC_UNREACH", "-1765328228")),
    SEC_E_TARGET_UNKNOWN(0x80090303L, "The specified target is unknown or unreachable",
            List.of("The specified target is unknown or unreachable"), List.of()),
    SEC_E_INTERNAL_ERROR(0x80090304L, "The Local Security Authority cannot be contacted",
            List.of("The Local Security Authority cannot be contacted"), List.of()),
    SEC_E_INVALID_TOKEN(0x80090308L, "The token supplied to the function is invalid",
            List.of("The token supplied to the function is invalid"), List.of()),
    SEC_E_LOGON_DENIED(0x8009030CL, "The logon attempt failed",
            List.of("The logon attempt failed"), List.of()),
    SEC_E_TIME_SKEW(0x80090324L, "The clocks on the client and server machines are skewed",
            List.of("The clocks on the client and server machines are skewed",
                    "There is a time and/or date difference between the client and server"), List.of()),
    KRB_AP_ERR_SKEW(-1, "Kerberos KRB_AP_ERR_SKEW: clock skew too great",
            List.of("KRB_AP_ERR_SKEW", "Clock skew too great", "Uhrzeitabweichung zu groß", "KRB_AP_ERR_TKT_NYV",
                    "Ticket not yet valid"),
            List.of("KRB5KRB_AP_ERR_SKEW", "-1765328347")),
    SEC_E_CERT_UNKNOWN(0x80090327L, "An unknown error occurred while processing the certificate",
            List.of("An unknown error occurred while processing the certificate"), List.of()),
    SEC_E_DOWNGRADE_DETECTED(0x80090350L, "The system detected a possible attempt to compromise security",
            List.of("The system detected a possible attempt to compromise security"), List.of()),
    KDC_ERR_S_PRINCIPAL_UNKNOWN(-1, "Kerberos KDC_ERR_S_PRINCIPAL_UNKNOWN: server not found in Kerberos database",
            List.of("KDC_ERR_S_PRINCIPAL_UNKNOWN", "Server not found in Kerberos database",
                    "Failed to find server in Kerberos database"),
            List.of("KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN", "-1765328377")),
    KDC_ERR_PRINCIPAL_NOT_UNIQUE(-1, "Kerberos KDC_ERR_PRINCIPAL_NOT_UNIQUE: the name is held by more than one account",
            List.of("KDC_ERR_PRINCIPAL_NOT_UNIQUE", "Principal has multiple entries in Kerberos database"),
            List.of("KRB5KDC_ERR_PRINCIPAL_NOT_UNIQUE", "-1765328376")),
    KDC_DUPLICATE_NAMES(-1, "KDC event 11: duplicate names in the directory",
            List.of("The KDC encountered duplicate names while processing a Kerberos authentication request",
                    "There are multiple accounts with name", "KDCEVENT_NAME_NOT_UNIQUE"),
            List.of()),
    SPN_REGISTERED_ON_MULTIPLE_ACCOUNTS(-1, "Kerberos event 101: the SPN is registered on multiple accounts",
            List.of("is registered on multiple accounts"), List.of()),
    SPN_NOT_REGISTERED(-1, "Kerberos event 100: the SPN is not registered",
            List.of("is not registered, which caused Kerberos"), List.of()),
    SPN_VALUE_NOT_UNIQUE_IN_FOREST(0x21C7L, "ERROR_DS_SPN_VALUE_NOT_UNIQUE_IN_FOREST: a duplicate SPN write was refused",
            List.of("ERROR_DS_SPN_VALUE_NOT_UNIQUE_IN_FOREST", "The attribute value provided is not unique in the forest or partition"),
            List.of()),
    SETSPN_DUPLICATE_FOUND(-1, "setspn: duplicate SPN found",
            List.of("Duplicate SPN found, aborting operation", "found duplicate SPN"), List.of()),
    KDC_NO_SUITABLE_KEY(-1, "KDC events 14/16/27: the account has no key for the requested encryption types",
            List.of("did not have a suitable key for generating a Kerberos ticket", "lacks a suitable key",
                    "KDC has no support for encryption type",
                    "KDC_ERR_ETYPE_NOTSUPP", "KDC_ERR_ETYPE_NOSUPP"),
            List.of()),
    ERROR_WSMAN_DESTINATION_UNREACHABLE(0x80338012L, "WinRM: the client cannot connect to the destination",
            List.of("The client cannot connect to the destination specified in the request"), List.of()),
    WINRM_CANNOT_COMPLETE(0x80338126L, "WinRM cannot complete the operation (name, network or firewall)",
            List.of("that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled",
                    "Verify WinRM 3.0 service is installed, running, and required firewall ports are open",
                    "cannot complete the operation within the time specified",
                    "got a response saying the requested HTTP URL was not available",
                    "It cannot determine the content type of the HTTP response from the destination computer"),
            List.of()),
    ERROR_WSMAN_SERVER_NOT_TRUSTED(0x803380E4L, "WinRM: HTTPS or TrustedHosts is required for this authentication",
            List.of("If the authentication scheme is different from Kerberos, or if the client computer is not joined to a domain",
                    "must be added to the TrustedHosts configuration setting", "ServerNotTrusted"),
            List.of()),
    IP_ADDRESS_DEFAULT_AUTH(-1, "WinRM: default authentication may be used with an IP address only over HTTPS or TrustedHosts",
            List.of("Default authentication may be used with an IP address under the following conditions",
                    "Kerberos authentication cannot be used when the destination is an IP address",
                    "Default credentials with Negotiate over HTTP can be used only if the target machine is part of the TrustedHosts list"),
            List.of()),
    ERROR_WSMAN_CLIENT_SPN_WRONG_AUTH(0x803380AEL, "WinRM: the SPN option does not fit the authentication mechanism",
            List.of(), List.of()),
    WEF_WINRM_ERROR(0x8033809DL, "WinRM error reported by event forwarding", List.of(), List.of()),
    E_ACCESSDENIED(0x80070005L, "Access is denied",
            List.of("Access is denied", "Authorization failed", "returned an 'access denied' error",
                    "has not been granted the requested logon type at this computer", "Zugriff verweigert", "Accès refusé", "Acceso denegado"),
            List.of()),
    KERBEROS_TARGET_RESOLUTION(-1, "Server Manager: Kerberos target resolution error",
            List.of("Kerberos target resolution error"), List.of()),
    NEGOTIATE_AUTHENTICATION_ERROR(-1, "Server Manager: WinRM Negotiate authentication error",
            List.of("WinRM Negotiate authentication error"), List.of()),
    LOGON_FAILURE(0x8007052EL, "The user name or password is incorrect",
            List.of("The user name or password is incorrect", "unknown user name or bad password"), List.of()),
    CREDENTIALS_REJECTED(-1, "The credentials were rejected by the server (HTTP 401)",
            List.of("the specified credentials were rejected by the server", "InvalidCredentialsError"), List.of()),
    CANNOT_FIND_COMPUTER(-1, "Kerberos: cannot find the computer",
            List.of("Verify that the computer exists on the network and that the name provided is spelled correctly"),
            List.of()),
    NETWORK_PATH_NOT_FOUND(0x80070035L, "The network path was not found",
            List.of("The network path was not found"), List.of()),
    SERVER_NAME_NOT_RESOLVED(-1, "The server name cannot be resolved",
            List.of("the server name cannot be resolved", "No such host is known", "Name or service not known",
                    "nodename nor servname provided", "getaddrinfo failed", "Temporary failure in name resolution"),
            List.of()),
    CREDSSP_POLICY(-1, "CredSSP: a computer policy does not allow the delegation of the user credentials",
            List.of("A computer policy does not allow the delegation of the user credentials to the target computer",
                    "Allow Delegating Fresh Credentials", "Allow Fresh Credentials with NTLM-only Server Authentication"),
            List.of()),
    CREDSSP_DISABLED(-1, "CredSSP is disabled in the client or server configuration",
            List.of("CredSSP authentication is currently disabled in the client configuration",
                    "CredSSP authentication is currently disabled in the service configuration",
                    "CredSSP authentication is currently disabled in the server configuration"),
            List.of()),
    TRUST_RELATIONSHIP_FAILED(-1, "The trust relationship between this workstation and the primary domain failed",
            List.of("The trust relationship between this workstation and the primary domain failed",
                    "Die Vertrauensstellung zwischen dieser Arbeitsstation und der primären Domäne konnte nicht hergestellt werden"),
            List.of()),
    NO_TRUST_SAM_ACCOUNT(-1, "The domain has no computer account for this workstation trust (ERROR_NO_TRUST_SAM_ACCOUNT)",
            List.of("does not have a computer account for this workstation trust relationship", "ERROR_NO_TRUST_SAM_ACCOUNT"),
            List.of());

    private final long value;
    private final String title;
    private final List<String> phrases;
    private final List<String> spellings;

    KnownError(long value, String title, List<String> phrases, List<String> extra) {
        this.value = value;
        this.title = title;
        List<String> p = new ArrayList<>(phrases);
        boolean symbolic = name().startsWith("SEC_E_") || name().startsWith("ERROR_") || name().startsWith("E_")
                || name().startsWith("KRB_") || name().startsWith("KDC_ERR");
        if (symbolic && !p.contains(name())) {
            p.add(0, name());
        }
        this.phrases = List.copyOf(p);
        List<String> s = new ArrayList<>(extra);
        if (value >= 0) {
            s.add(String.format(Locale.ROOT, "0x%08x", value));
            s.add(String.format(Locale.ROOT, "%08x", value));
            if (value > 0xFFFF) {
                s.add(Long.toString(value));
            }
            if (value >= 0x80000000L) {
                s.add(Long.toString(value - 0x1_0000_0000L));
            } else {
                s.add(String.format(Locale.ROOT, "0x%x", value));
            }
        }
        this.spellings = List.copyOf(s);
    }

    /** The HRESULT or Win32 value, when the error has one. */
    public OptionalLong value() {
        return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** The conventional hexadecimal spelling ({@code 0x80090322}), or the symbolic name when there is no number. */
    public String code() {
        return value >= 0 ? String.format(Locale.ROOT, "0x%08x", value) : name();
    }

    /** A one-line description in plain words. */
    public String title() { return title; }

    /** Message texts (and symbolic names) matched regardless of case, spacing, punctuation and line breaks. */
    public List<String> phrases() { return phrases; }

    /** Numeric and MIT spellings matched as whole tokens (lower-case). */
    public List<String> spellings() { return spellings; }
}
