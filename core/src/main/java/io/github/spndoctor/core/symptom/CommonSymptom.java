package io.github.spndoctor.core.symptom;

/**
 * Common symptoms a user without an error text can pick. Each has a label for the choice list and a representative
 * text in the form the error usually takes; {@link #symptom()} parses that text, so a choice and a paste go through
 * the same parser and rules. Immutable.
 */
public enum CommonSymptom {
    UNKNOWN_SECURITY_ERROR("0x80090322: \"An unknown security error occurred\"",
            "Connecting to remote server failed with the following error message : WinRM cannot process the request. "
                    + "The following error with errorcode 0x80090322 occurred while using Kerberos authentication: "
                    + "An unknown security error occurred."),
    SERVER_MANAGER_REFRESH("Server Manager: \"Configuration refresh failed\" (Kerberos error 0x80090322)",
            "Server Manager: Configuration refresh failed with the following error: The metadata failed to be "
                    + "retrieved from the server, due to the following error: WinRM cannot process the request. The "
                    + "following error with errorcode 0x80090322 occurred while using Kerberos authentication: An "
                    + "unknown security error occurred."),
    EVENT_4_MODIFIED("System log event 4: KRB_AP_ERR_MODIFIED",
            "Event ID 4, source Kerberos: The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server. "
                    + "The target name used was HTTP/."),
    SERVER_NOT_FOUND("Linux / Ansible: \"Server not found in Kerberos database\"",
            "Ansible (pywinrm) kerberos: Server not found in Kerberos database"),
    MESSAGE_STREAM_MODIFIED("Linux / Ansible: \"Message stream modified\"",
            "Ansible (pywinrm) kerberos: Message stream modified"),
    CREDSSP_POLICY("CredSSP: \"A computer policy does not allow the delegation of the user credentials\"",
            "The WinRM client cannot process the request. A computer policy does not allow the delegation of the "
                    + "user credentials to the target computer (CredSSP)."),
    ACCESS_DENIED("\"Access is denied\" (0x80070005)",
            "Connecting to remote server failed with the following error message : Access is denied. (0x80070005)"),
    CANNOT_CONNECT("\"The client cannot connect to the destination\" (0x80338012)",
            "WinRM cannot complete the operation: The client cannot connect to the destination specified in the "
                    + "request. (0x80338012)"),
    LOGON_SESSION("0x8009030e: \"A specified logon session does not exist\"",
            "The following error with errorcode 0x8009030e occurred while using Negotiate authentication: A "
                    + "specified logon session does not exist."),
    IP_ADDRESS("Connecting by IP address: HTTPS or TrustedHosts required",
            "Default authentication may be used with an IP address under the following conditions: the transport "
                    + "is HTTPS or the destination is in the TrustedHosts list, and explicit credentials are provided."),
    CANNOT_FIND_COMPUTER("\"Cannot find the computer\" (Kerberos)",
            "WinRM cannot process the request. The following error occurred while using Kerberos authentication: "
                    + "Cannot find the computer. Verify that the computer exists on the network and that the name "
                    + "provided is spelled correctly."),
    TARGET_UNKNOWN("0x80090303: \"The specified target is unknown or unreachable\"",
            "errorcode 0x80090303: The specified target is unknown or unreachable."),
    NO_LOGON_SERVERS("0x80090311: \"There are currently no logon servers available\"",
            "errorcode 0x80090311 occurred while using Kerberos authentication: There are currently no logon "
                    + "servers available to service the logon request."),
    CLOCK_SKEW("Clock skew (KRB_AP_ERR_SKEW, 0x80090324)",
            "0x80090324: The clocks on the client and server machines are skewed. KRB_AP_ERR_SKEW"),
    TRUST_RELATIONSHIP("\"The trust relationship between this workstation and the primary domain failed\"",
            "The trust relationship between this workstation and the primary domain failed."),
    DUPLICATE_SPN_EVENT("KDC event 11: duplicate SPN",
            "Event ID 11 KDC: The KDC encountered duplicate names while processing a Kerberos authentication request.");

    private final String label;
    private final String text;

    CommonSymptom(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** What the choice list shows. */
    public String label() { return label; }

    /** The representative text the parser reads for this choice. */
    public String text() { return text; }

    /** The parsed symptom of {@link #text()}. */
    public Symptom symptom() { return SymptomParser.parse(text); }
}
