package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.symptom.Client;

import java.util.Optional;

/**
 * The WinRM clients whose SPN SPN Doctor can compute, with what each one does (knowledge.md §7.3). The ids are a
 * public contract ({@code spn --client ID}, JSON). Immutable.
 */
public enum WinrmClient {
    POWERSHELL("powershell", "PowerShell (Windows PowerShell 5.1, PowerShell 7 on Windows)", Stack.SSPI, "HTTP",
            Knob.PORT_AND_PREFIX),
    SERVER_MANAGER("server-manager", "Server Manager", Stack.SSPI, "HTTP", Knob.PREFIX_ONLY),
    WAC("wac", "Windows Admin Center", Stack.SSPI, "HTTP", Knob.PREFIX_ONLY),
    WINRS("winrs", "winrs and the WS-Man cmdlets", Stack.SSPI, "HTTP", Knob.PORT_AND_PREFIX),
    /** The collector and its sources talk through the machine's WinRM client: the registry prefix, no port option. */
    EVENT_FORWARDING("wef", "Windows Event Forwarding", Stack.SSPI, "HTTP", Knob.PREFIX_ONLY),
    PWSH_LINUX("pwsh-linux", "PowerShell 7 on Linux or macOS", Stack.MIT, "HTTP", Knob.NONE),
    PYWINRM("pywinrm", "pywinrm", Stack.MIT, "HTTP", Knob.SERVICE_AND_OVERRIDE),
    ANSIBLE_WINRM("ansible-winrm", "Ansible (winrm connection)", Stack.MIT, "HTTP", Knob.SERVICE_AND_OVERRIDE),
    PYPSRP("pypsrp", "pypsrp", Stack.MIT, "WSMAN", Knob.SERVICE_AND_OVERRIDE),
    ANSIBLE_PSRP("ansible-psrp", "Ansible (psrp connection, ansible-core 2.21 or later)", Stack.MIT, "HOST",
            Knob.SERVICE_AND_OVERRIDE),
    ANSIBLE_PSRP_LEGACY("ansible-psrp-legacy", "Ansible (psrp connection, before ansible-core 2.21)", Stack.MIT, "WSMAN",
            Knob.SERVICE_AND_OVERRIDE),
    EVIL_WINRM("evil-winrm", "evil-winrm", Stack.MIT, "HTTP", Knob.SERVICE_AND_OVERRIDE);

    /** Which Kerberos library builds the SPN, which decides whether DNS rewrites the host part. */
    public enum Stack {
        /** Windows SSPI: the name as typed, never canonicalised through DNS. */
        SSPI,
        /** MIT krb5 (GSSAPI): forward lookup following CNAMEs and reverse lookup, lower-cased, per krb5.conf. */
        MIT
    }

    /** Which settings the client offers. */
    public enum Knob {
        /** -IncludePortInSPN / -SPNPort and the registry spn_prefix. */
        PORT_AND_PREFIX,
        /** Only the registry spn_prefix (machine-wide WinRM client setting): no port option. */
        PREFIX_ONLY,
        /** A service-class setting and a host name override; no port option. */
        SERVICE_AND_OVERRIDE,
        /** No setting. */
        NONE
    }

    private final String id;
    private final String label;
    private final Stack stack;
    private final String serviceClass;
    private final Knob knob;

    WinrmClient(String id, String label, Stack stack, String serviceClass, Knob knob) {
        this.id = id;
        this.label = label;
        this.stack = stack;
        this.serviceClass = serviceClass;
        this.knob = knob;
    }

    public String id() { return id; }

    public String label() { return label; }

    /** The label without its parenthesis, for sentences: "PowerShell", "Ansible", "Server Manager". */
    public String shortLabel() { return label.replaceFirst(" \\(.*\\)$", ""); }

    public Stack stack() { return stack; }

    /** The service class it asks for when nothing is set. */
    public String defaultServiceClass() { return serviceClass; }

    public Knob knob() { return knob; }

    public boolean offersPort() { return knob == Knob.PORT_AND_PREFIX; }

    public boolean offersPrefix() { return knob != Knob.NONE; }

    public boolean offersHostnameOverride() { return knob == Knob.SERVICE_AND_OVERRIDE; }

    /** The setting's name in the client's own words, for sentences. */
    public String prefixSettingName() {
        return switch (this) {
            case POWERSHELL, SERVER_MANAGER, WAC, WINRS, EVENT_FORWARDING -> "the registry value spn_prefix";
            case PYWINRM -> "service";
            case ANSIBLE_WINRM -> "ansible_winrm_kerberos_service";
            case PYPSRP, ANSIBLE_PSRP, ANSIBLE_PSRP_LEGACY -> "negotiate_service";
            case EVIL_WINRM -> "--spn-prefix";
            case PWSH_LINUX -> "none";
        };
    }

    public static Optional<WinrmClient> byId(String id) {
        for (WinrmClient c : values()) {
            if (c.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The modelled client behind the first client recognised in the pasted text that has one; empty when the text
     * names none. The diagnosis and the Look up page use it instead of a default.
     */
    public static Optional<WinrmClient> fromSymptom(io.github.spndoctor.core.symptom.Symptom symptom) {
        return symptom.clients().stream().map(f -> fromRecognised(f.value())).flatMap(Optional::stream).findFirst();
    }

    /**
     * The client behind a client recognised in pasted text; empty when the text names no client whose SPN is
     * known (Packer, for one).
     */
    public static Optional<WinrmClient> fromRecognised(Client recognised) {
        return switch (recognised) {
            case ENTER_PSSESSION, NEW_PSSESSION, INVOKE_COMMAND, CIM_SESSION, TEST_WSMAN, DBATOOLS, DSC ->
                    Optional.of(POWERSHELL);
            case EVENT_FORWARDING -> Optional.of(EVENT_FORWARDING);
            case WINRS -> Optional.of(WINRS);
            case SERVER_MANAGER -> Optional.of(SERVER_MANAGER);
            case WINDOWS_ADMIN_CENTER -> Optional.of(WAC);
            case ANSIBLE -> Optional.of(ANSIBLE_WINRM);
            case PYWINRM -> Optional.of(PYWINRM);
            case PYPSRP -> Optional.of(PYPSRP);
            case EVIL_WINRM -> Optional.of(EVIL_WINRM);
            case POWERSHELL_REMOTING -> Optional.of(POWERSHELL);
            case PACKER -> Optional.empty();
        };
    }
}
