package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The remedies the diagnosis catalogue names for causes beyond the SPN conflict: register-spn, remove-stale-spn,
 * secure-channel, time-sync, grant-remoting-rights and enable-remoting. The first two write SPNs; the others are
 * steps to run on a machine.
 */
final class MoreRemedies {
    static final String REGISTER_SPN = "register-spn";
    static final String REMOVE_STALE_SPN = "remove-stale-spn";
    static final String SECURE_CHANNEL = "secure-channel";
    static final String TIME_SYNC = "time-sync";
    static final String GRANT_REMOTING_RIGHTS = "grant-remoting-rights";
    static final String ENABLE_REMOTING = "enable-remoting";

    private MoreRemedies() {}

    /** HOST/ and WSMAN/ for the short name and FQDN that the computer lacks and nobody else holds. */
    static List<Spn> missingOnComputer(Situation s) {
        List<Spn> out = new ArrayList<>();
        if (s.computer().isEmpty()) {
            return out;
        }
        for (String cls : List.of("HOST", "WSMAN")) {
            for (Spn spn : s.spns(cls, OptionalInt.empty())) {
                boolean held = s.lookup().registration(spn).map(Registration::registered).orElse(false);
                if (!s.computer().get().holds(spn) && !held) {
                    out.add(spn);
                }
            }
        }
        return out;
    }

    static Plan registerSpn(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        Account computer = s.computer().orElseThrow(() -> new NotApplicableException("No computer account was found for "
                + s.typed() + ". If it is an alias (CNAME), connect by the computer's real name, or register the alias "
                + "on the computer with netdom computername <computer> /add:" + s.typed() + "."));
        List<Spn> missing = missingOnComputer(s);
        if (missing.isEmpty()) {
            throw new NotApplicableException(computer.ref().label() + " already holds HOST/ and WSMAN/ for every form of "
                    + s.typed() + " (or another account holds them: see remove-spn).");
        }
        // SPN Doctor never removes a protected SPN (HOST/), so it does not add one either: it could not undo it
        List<Spn> byHand = missing.stream().filter(ProtectedSpns::isProtected).toList();
        List<Spn> planned = missing.stream().filter(x -> !ProtectedSpns.isProtected(x)).toList();
        String manual = byHand.isEmpty() ? "" : "Also missing: " + String.join(", ", byHand.stream().map(Spn::toString).toList())
                + ". SPN Doctor does not add these itself, because it could not take them back; register them by hand: "
                + String.join("; ", byHand.stream().map(x -> "setspn -S " + x + " " + computer.ref().samAccountName()
                        .replaceFirst("\\$$", "")).toList()) + ".";
        if (planned.isEmpty()) {
            throw new NotApplicableException(manual);
        }
        PlanBuilder b = new PlanBuilder(REGISTER_SPN, "Register the missing SPNs on the computer", dir);
        for (Spn spn : planned) {
            b.add(computer, spn);
        }
        if (!manual.isEmpty()) {
            b.warn(manual);
        }
        b.step(ClientSteps.purgeTickets());
        b.warn("A computer normally registers HOST/ and WSMAN/ itself when it joins the domain and when WinRM starts; when "
                + "they are missing, check that the computer's dNSHostName is right and that it can write its own SPNs.");
        return b.build();
    }

    static Plan removeStaleSpn(LookupResult lookup, Directory dir) throws DirectoryException {
        Situation s = new Situation(lookup);
        PlanBuilder b = new PlanBuilder(REMOVE_STALE_SPN, "Remove the SPN from the other computer", dir);
        List<String> protectedOnes = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            for (AccountRef holder : r.holders()) {
                if (lookup.isTargetComputer(holder) || holder.kind() != AccountKind.COMPUTER) {
                    continue;
                }
                Account a = lookup.account(holder).orElse(null);
                if (a == null) {
                    continue;
                }
                if (ProtectedSpns.isProtectedOn(r.spn(), a)) {
                    protectedOnes.add(r.spn() + " on " + holder.label());
                } else {
                    b.remove(a, r.spn());
                }
            }
        }
        if (!protectedOnes.isEmpty()) {
            b.warn("Not removed by SPN Doctor (system SPNs): " + String.join(", ", protectedOnes) + ". If that computer is "
                    + "retired, disable or delete its account, or remove them by hand with setspn -D after checking.");
        }
        if (!b.hasChanges()) {
            throw new NotApplicableException(protectedOnes.isEmpty()
                    ? "No other computer holds an SPN for " + s.typed() + "."
                    : "Only system SPNs of another computer are involved; SPN Doctor does not remove those. " + String.join(", ", protectedOnes));
        }
        for (AccountRef ref : b.build().accounts()) {
            b.warn("Make sure " + ref.label() + " is retired or no longer answers to " + s.typed()
                    + " (lastLogonTimestamp, pwdLastSet, DNS) before taking the SPN away from it.");
        }
        b.step(ClientSteps.purgeTickets());
        return b.build();
    }

    static Plan secureChannel(LookupResult lookup) {
        String host = new Situation(lookup).typed();
        return new Plan(SECURE_CHANNEL, "Repair the computer's secure channel", List.of(), List.of(
                new ClientStep("On " + host + ": test and repair the machine password",
                        "When the computer's password in the directory and on the machine disagree (restored snapshot, "
                                + "failed rejoin), tickets for it cannot be decrypted. The repair resets it on both sides; "
                                + "it needs a domain account allowed to reset the computer account.",
                        "powershell", "Test-ComputerSecureChannel -Verbose\nTest-ComputerSecureChannel -Repair -Credential (Get-Credential)"),
                ClientSteps.purgeTickets()),
                List.of("If the repair fails, rejoining the domain is the fallback; it changes the computer's SID-bound trust, not its SPNs."));
    }

    static Plan timeSync(LookupResult lookup) {
        String host = new Situation(lookup).typed();
        return new Plan(TIME_SYNC, "Bring the clocks back within five minutes", List.of(), List.of(
                new ClientStep("Compare the clocks",
                        "Kerberos refuses tickets when client, server and domain controller differ by more than five minutes.",
                        "cmd", "w32tm /query /status\nw32tm /stripchart /computer:" + host + " /samples:3 /dataonly"),
                new ClientStep("Resynchronise (on the machine that is off)",
                        "Domain members take their time from the domain hierarchy; resync asks for it now.",
                        "cmd", "w32tm /resync /force")),
                List.of("Check the time zone and daylight-saving setting too: a wrong zone looks like a skew of hours."));
    }

    static Plan grantRemotingRights(LookupResult lookup) {
        String host = new Situation(lookup).typed();
        return new Plan(GRANT_REMOTING_RIGHTS, "Allow the user to use PowerShell remoting on " + host, List.of(), List.of(
                new ClientStep("On " + host + ": add the user to Remote Management Users",
                        "Members may connect to the default session configuration without being administrators.",
                        "powershell", "Add-LocalGroupMember -Group 'Remote Management Users' -Member 'DOMAIN\\user'\n"
                                + "# undo: Remove-LocalGroupMember -Group 'Remote Management Users' -Member 'DOMAIN\\user'"),
                new ClientStep("Or: review the session configuration's permissions",
                        "Shows and edits who may use the default endpoint.", "powershell",
                        "Get-PSSessionConfiguration | Format-List Name, Permission\n"
                                + "Set-PSSessionConfiguration Microsoft.PowerShell -ShowSecurityDescriptorUI")),
                List.of("Replace DOMAIN\\user with the account that gets 'Access is denied'. Widening the session "
                        + "configuration's rights lets those users run commands on the server."));
    }

    static Plan enableRemoting(LookupResult lookup) {
        String host = new Situation(lookup).typed();
        return new Plan(ENABLE_REMOTING, "Make WinRM listen on " + host, List.of(), List.of(
                new ClientStep("From the client: is WinRM answering?",
                        "Test-WSMan fails with 'cannot connect' when no listener, a firewall or a stopped service is in the way.",
                        "powershell", "Test-WSMan -ComputerName " + ClientSteps.ps(host)
                                + "\nTest-NetConnection -ComputerName " + ClientSteps.ps(host) + " -Port 5985"),
                new ClientStep("On " + host + ": enable remoting",
                        "Starts the WinRM service, creates the HTTP listener and opens the firewall rule.",
                        "powershell", "Enable-PSRemoting -Force\nwinrm enumerate winrm/config/listener")),
                List.of("This is not a Kerberos problem: no SPN change helps until WinRM answers."));
    }
}
