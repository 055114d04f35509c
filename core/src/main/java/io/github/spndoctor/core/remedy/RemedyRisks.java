package io.github.spndoctor.core.remedy;

import java.util.Map;

/** The risk of each remedy in one sentence, for the Remedy page and {@code spn-doctor remedies}. */
final class RemedyRisks {
    private static final Map<String, String> RISKS = Map.ofEntries(
            Map.entry(Remedies.REMOVE_SPN, "Writes to the directory (undoable): a web application that uses Kerberos under that name loses it."),
            Map.entry(Remedies.PORT_SPN, "Writes to the directory (undoable); every client must add -IncludePortInSPN, and clients that cannot stay broken."),
            Map.entry(Remedies.WSMAN_PREFIX, "Writes to the directory (undoable) and needs a machine-wide registry value on every client; Microsoft does not document that value."),
            Map.entry(Remedies.MOVE_SPN_TO_COMPUTER, "Writes to the directory (undoable); the web application breaks unless its pool runs as the machine first."),
            Map.entry(Remedies.TEMPORARY_RESET, "SPN Doctor does not run it: the web application loses its SPN meanwhile, and it helps one client until its ticket expires."),
            Map.entry(Remedies.CREDSSP, "Weakens security: the server receives credentials it can reuse. Turn it off after the task."),
            Map.entry(Remedies.TRUSTEDHOSTS, "Weakens security: WinRM stops checking who answers, for every user of the client machine."),
            Map.entry(Remedies.USE_FQDN, "None: nothing changes, but anyone who types the other name still hits the problem."),
            Map.entry(Remedies.REGISTER_SPN, "Writes to the directory (undoable); low risk when no other account needs those names."),
            Map.entry(Remedies.REMOVE_STALE_SPN, "Writes to the directory (undoable): the other computer loses the SPN, so make sure it is retired."),
            Map.entry(Remedies.SECURE_CHANNEL, "Resets the computer's password on the server and in the directory; needs the right to reset the account."),
            Map.entry(Remedies.TIME_SYNC, "Low: changes the clock of the machine that is off."),
            Map.entry(Remedies.GRANT_REMOTING_RIGHTS, "Lets more users run commands on the server."),
            Map.entry(Remedies.ENABLE_REMOTING, "Opens WinRM on the server: a service, a listener and a firewall rule."));

    private RemedyRisks() {}

    static String of(String id) {
        return RISKS.getOrDefault(id, "");
    }
}
