package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.text.ScriptText;

import java.util.List;

/**
 * The client-side and server-side steps that are not directory writes, as exact text to run. Pure functions; the
 * text is SPN Doctor's own, the commands are the documented ones (KB 4549715, about_Remote_Troubleshooting,
 * Enable-WSManCredSSP).
 */
public final class ClientSteps {
    /** The WinRM client configuration key that holds spn_prefix (KB 4549715, option 3). */
    public static final String WSMAN_CLIENT_KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client";
    public static final String SPN_PREFIX = "spn_prefix";

    private ClientSteps() {}

    /** Single-quoted PowerShell string literal. */
    static String ps(String s) {
        return ScriptText.ps(s);
    }

    /** -IncludePortInSPN for Enter-PSSession / Invoke-Command / New-PSSession. */
    public static ClientStep includePortInSpn(String host) {
        return new ClientStep("Clients: put the port into the SPN",
                "With port SPNs registered, a client asks for HTTP/" + host + ":5985 only when told to. Every script or "
                        + "person connecting must add this session option. Server Manager and Windows Admin Center have no "
                        + "such switch and keep asking for HTTP/" + host + " - they stay broken until the conflicting SPN "
                        + "is removed or the spn_prefix registry value is used.",
                "powershell",
                "$so = New-PSSessionOption -IncludePortInSPN\n"
                        + "Enter-PSSession -ComputerName " + ps(host) + " -SessionOption $so\n"
                        + "Invoke-Command -ComputerName " + ps(host) + " -SessionOption $so -ScriptBlock { hostname }\n"
                        + "# WS-Management cmdlets: New-WSManSessionOption -SPNPort 5985; winrs: winrs -r:" + ScriptText.comment(host) + " -spnport:5985 hostname");
    }

    /** The .reg file that sets spn_prefix = WSMAN. */
    public static ClientStep spnPrefixReg() {
        return new ClientStep("Clients: ask for WSMAN/ instead of HTTP/ (registry file)",
                "Import on every client that connects (double-click, or reg import). The value is read by the WinRM client "
                        + "for every connection from that machine. Note: Microsoft's KB 4549715 example writes HOST with reg "
                        + "add while its text says WSMAN; WSMAN is the value that matches the WSMAN/ SPNs.",
                "reg",
                "Windows Registry Editor Version 5.00\r\n\r\n[" + WSMAN_CLIENT_KEY + "]\r\n\"" + SPN_PREFIX + "\"=\"WSMAN\"\r\n");
    }

    /** reg add / reg delete lines, elevated command prompt. */
    public static ClientStep spnPrefixCmd() {
        return new ClientStep("Clients: ask for WSMAN/ instead of HTTP/ (command prompt, elevated)",
                "Same value as the registry file. The second line takes it away again.",
                "cmd",
                String.join(" ", regAddArgs().stream().map(ClientSteps::cmdQuote).toList()) + "\n"
                        + "rem undo: " + String.join(" ", regDeleteArgs().stream().map(ClientSteps::cmdQuote).toList()));
    }

    /** PowerShell form of the registry step, with its undo. */
    public static ClientStep spnPrefixPowerShell() {
        String key = "HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client";
        return new ClientStep("Clients: ask for WSMAN/ instead of HTTP/ (PowerShell, elevated)",
                "Sets the value, then shows how to remove it. Run klist purge afterwards so no old HTTP/ ticket is reused.",
                "powershell",
                "New-ItemProperty -Path " + ps(key) + " -Name " + ps(SPN_PREFIX) + " -PropertyType String -Value 'WSMAN' -Force\n"
                        + "klist purge\n"
                        + "# undo: Remove-ItemProperty -Path " + ps(key) + " -Name " + ps(SPN_PREFIX));
    }

    /** Arguments of {@code reg add} that set spn_prefix (what SPN Doctor runs itself on Windows). */
    public static List<String> regAddArgs() {
        return List.of("reg", "add", WSMAN_CLIENT_KEY, "/v", SPN_PREFIX, "/t", "REG_SZ", "/d", "WSMAN", "/f");
    }

    /** Arguments of {@code reg delete} that remove spn_prefix again. */
    public static List<String> regDeleteArgs() {
        return List.of("reg", "delete", WSMAN_CLIENT_KEY, "/v", SPN_PREFIX, "/f");
    }

    private static String cmdQuote(String arg) {
        return arg.contains(" ") || arg.contains("\\") ? "\"" + arg + "\"" : arg;
    }

    /** klist purge reminder. */
    public static ClientStep purgeTickets() {
        return new ClientStep("Clients: drop cached tickets",
                "A client keeps the service ticket it already has (up to 10 hours) and goes on failing with it. Purge the "
                        + "cache on each client after the change, or log off and on.",
                "cmd", "klist purge");
    }

    /** CredSSP on both ends, then back off. */
    public static List<ClientStep> credSsp(String fqdn) {
        return List.of(
                new ClientStep("Client: allow delegating your credentials to the server",
                        "Resets the client role, then allows CredSSP delegation to this one server only.",
                        "powershell",
                        "Disable-WSManCredSSP -Role Client\nEnable-WSManCredSSP -Role Client -DelegateComputer " + ps(fqdn) + " -Force"),
                new ClientStep("Server: accept delegated credentials",
                        "Run on " + fqdn + " (for example over Remote Desktop).",
                        "powershell", "Disable-WSManCredSSP -Role Server\nEnable-WSManCredSSP -Role Server -Force"),
                new ClientStep("Afterwards: switch CredSSP off again",
                        "CredSSP hands your reusable credentials to the server; anyone in control of that server can use "
                                + "them. Turn it off on both ends once the task is done.",
                        "powershell", "Disable-WSManCredSSP -Role Client   # on the client\nDisable-WSManCredSSP -Role Server   # on " + ScriptText.comment(fqdn)));
    }

    /** TrustedHosts for an IP address, saving the old value first. */
    public static List<ClientStep> trustedHosts(String host) {
        return List.of(
                new ClientStep("Client: trust this address for NTLM",
                        "Kerberos cannot be used with an IP address, so WinRM falls back to NTLM, which it only allows over "
                                + "HTTPS or to hosts in TrustedHosts. TrustedHosts switches off the check of the server's "
                                + "identity for that entry, for every user of this client. The first line saves the current "
                                + "list so it can be put back.",
                        "powershell",
                        "$before = (Get-Item WSMan:\\localhost\\Client\\TrustedHosts).Value\n"
                                + "$before | Set-Content \"$env:USERPROFILE\\trustedhosts-before.txt\"\n"
                                + "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value " + ps(host) + " -Concatenate -Force\n"
                                + "Enter-PSSession -ComputerName " + ps(host) + " -Credential (Get-Credential)"),
                new ClientStep("Undo: restore the saved TrustedHosts list",
                        "Puts back the list saved before the change.",
                        "powershell",
                        "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value (Get-Content \"$env:USERPROFILE\\trustedhosts-before.txt\" -Raw).Trim() -Force"));
    }
}
