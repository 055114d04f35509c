package io.github.spndoctor.core.symptom;

import java.util.regex.Pattern;

/**
 * The program or cmdlet a user was running when the error appeared. It tells which SPN the client asks for
 * (PowerShell and Server Manager: {@code HTTP/<name>}; pypsrp: {@code WSMAN/<name>}) and whether the call runs
 * inside another session. Immutable.
 */
public enum Client {
    ENTER_PSSESSION("Enter-PSSession", "\\benter-pssession\\b|\\betsn\\s"),
    NEW_PSSESSION("New-PSSession", "\\bnew-pssession\\b|\\bnsn\\s"),
    INVOKE_COMMAND("Invoke-Command", "\\binvoke-command\\b|\\bicm\\s+-"),
    CIM_SESSION("CIM cmdlets (New-CimSession, Get-CimInstance)", "\\b(new-cimsession|get-ciminstance|invoke-cimmethod|get-cimsession)\\b"),
    WINRS("winrs", "\\bwinrs(\\.exe)?\\b"),
    TEST_WSMAN("Test-WSMan", "\\btest-wsman\\b"),
    SERVER_MANAGER("Server Manager", "server\\s*manager|configuration refresh failed"),
    WINDOWS_ADMIN_CENTER("Windows Admin Center", "windows\\s+admin(istrative)?\\s+center|\\bwac\\b|project\\s+honolulu"),
    ANSIBLE("Ansible", "\\bansible\\b|\\bwin_ping\\b|\\bwin_shell\\b|\\bwin_command\\b"),
    PYWINRM("pywinrm", "\\bpywinrm\\b|\\bwinrm\\.(session|protocol|exceptions)\\b|requests[_-]kerberos|requests[_-]ntlm|authgssclient|\\bspnego\\b"),
    PYPSRP("pypsrp", "\\bpypsrp\\b|\\bpsrp\\b|negotiate_service"),
    EVIL_WINRM("evil-winrm", "evil-winrm"),
    DBATOOLS("dbatools", "\\bdbatools\\b|\\b(get|set|new|test|invoke|copy|connect|start|install|update|export|find)-dba[a-z]+\\b"),
    EVENT_FORWARDING("Windows Event Forwarding", "event\\s+forwarding|\\bwef\\b|\\bwecsvc\\b|\\bwecutil\\b|eventforwarding|subscription\\s+manager"),
    DSC("PowerShell DSC", "start-dscconfiguration|\\bdsc\\s+(configuration|resource)|\\bpowershell\\s+dsc\\b"),
    PACKER("Packer (WinRM communicator)", "\\bpacker\\b"),
    /**
     * PowerShell remoting's own error text (Enter-PSSession, Invoke-Command, New-PSSession print it): "Connecting to
     * remote server X failed with the following error message : ...", with PSRemotingTransportException. Last, so a
     * cmdlet or program the text names outright comes first.
     */
    POWERSHELL_REMOTING("PowerShell remoting (Enter-PSSession, Invoke-Command)",
            "connecting to remote server\\b[^\\n]{0,300}?\\bfailed with the following error message|psremotingtransportexception");

    private final String label;
    private final Pattern pattern;

    Client(String label, String regex) {
        this.label = label;
        this.pattern = Pattern.compile(regex);
    }

    /** Display name, e.g. "Server Manager". */
    public String label() { return label; }

    /** Compiled without case flags: it runs on lower-cased text (see SymptomParser). */
    Pattern pattern() { return pattern; }

    /** True for clients that ask for a {@code WSMAN/} SPN by default rather than {@code HTTP/}. */
    public boolean asksForWsmanSpn() { return this == PYPSRP; }

    /** True for PowerShell-remoting-based clients that use {@code HTTP/<name as typed>}. */
    public boolean asksForHttpSpn() { return this != PYPSRP && this != EVIL_WINRM; }
}
