package io.github.spndoctor.core.render;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.text.ScriptText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a {@link Plan} as text an admin can read, copy, save or hand to someone with the rights: plain language,
 * setspn, PowerShell, LDIF or a .reg file. Every form lists the same changes in the same order. Pure functions,
 * thread-safe.
 */
public final class Preview {
    private Preview() {}

    public static String render(Plan plan, Format format) {
        return switch (format) {
            case SUMMARY -> summary(plan);
            case SETSPN -> setspn(plan);
            case POWERSHELL -> powershell(plan);
            case LDIF -> ldif(plan);
            case REG -> reg(plan);
        };
    }

    static String summary(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(plan.title()).append("\n\n");
        if (plan.changes().isEmpty() && plan.clientSteps().stream().anyMatch(st -> st.script().contains("setspn "))) {
            // temporary-reset: SPN Doctor writes nothing, but the steps change SPNs when a person runs them
            sb.append("SPN Doctor writes nothing to the directory for this plan. The steps below change SPNs with setspn "
                    + "when a person runs them: read them before you do.\n");
        } else if (plan.changes().isEmpty() && plan.aliases().isEmpty()) {
            sb.append("No directory changes. Everything below runs on clients or servers.\n");
        } else if (!plan.changes().isEmpty()) {
            sb.append("Directory changes, applied one at a time in this order (").append(plan.changes().size()).append("):\n");
            int i = 1;
            for (SpnChange c : plan.changes()) {
                sb.append(String.format("  %d. %s%n     %s%n", i++, c.description(), c.account().dn()));
            }
            sb.append("\nAccounts affected:\n");
            for (AccountRef ref : plan.accounts()) {
                sb.append("  - ").append(ref.label()).append(": ").append(impact(plan, ref)).append('\n');
            }
        }
        if (!plan.aliases().isEmpty()) {
            sb.append(plan.changes().isEmpty() ? "" : "\n").append("DNS changes, made one at a time in this order after any SPN change (")
                    .append(plan.aliases().size()).append("):\n");
            int i = plan.changes().size() + 1;
            for (AliasChange a : plan.aliases()) {
                sb.append(String.format("  %d. %s%n     CNAME record %s in zone %s: one value out (%s), one in (%s)%n", i++,
                        a.description(), a.recordName(), a.zone(), a.before(), a.after()));
            }
        }
        if (!plan.warnings().isEmpty()) {
            sb.append("\nRead before applying:\n");
            plan.warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
        }
        if (!plan.clientSteps().isEmpty()) {
            sb.append("\nSteps outside the directory (not applied by SPN Doctor):\n");
            int i = 1;
            for (ClientStep s : plan.clientSteps()) {
                sb.append(String.format("  %d. %s%n     %s%n", i++, s.title(), s.explanation()));
                for (String line : s.script().split("\r?\n")) {
                    sb.append("       ").append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String impact(Plan plan, AccountRef ref) {
        List<String> parts = new ArrayList<>();
        List<Spn> removed = spnsOf(plan, ref, SpnChange.Remove.class);
        List<Spn> added = spnsOf(plan, ref, SpnChange.Add.class);
        if (!removed.isEmpty()) {
            parts.add("loses " + join(removed));
        }
        if (!added.isEmpty()) {
            parts.add("gains " + join(added));
        }
        Optional<Account> before = plan.basisOf(ref);
        before.ifPresent(a -> {
            List<Spn> kept = a.spns().stream().filter(s -> !removed.contains(s)).toList();
            parts.add(kept.isEmpty() && added.isEmpty() ? "is left with no SPN at all" : "keeps " + Words.count(kept.size(), "other SPN", "other SPNs"));
        });
        return String.join("; ", parts);
    }

    private static List<Spn> spnsOf(Plan plan, AccountRef ref, Class<? extends SpnChange> type) {
        return plan.changes().stream().filter(type::isInstance).filter(c -> c.account().sameEntry(ref)).map(SpnChange::spn).toList();
    }

    private static String join(List<Spn> spns) {
        return String.join(", ", spns.stream().map(Spn::toString).toList());
    }

    static String setspn(Plan plan) {
        try {
            return setspnScript(plan);
        } catch (ScriptText.UnsafeValueException e) {
            // refuse to emit rather than write a command a crafted value could take over
            return "@echo off\r\n"
                    + "rem SPN Doctor did not write this script: " + ScriptText.cmdComment(e.getMessage()) + ".\r\n"
                    + "rem Use the PowerShell or LDIF form of this plan instead.\r\n"
                    + "echo This script was refused: use the PowerShell or LDIF form of the plan.\r\n"
                    + "exit /b 1\r\n";
        }
    }

    private static String setspnScript(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("@echo off\r\n");
        sb.append("setlocal DisableDelayedExpansion\r\n");
        sb.append("rem SPN Doctor plan: ").append(ScriptText.cmdComment(plan.title())).append("\r\n");
        sb.append("rem Run as an account allowed to write servicePrincipalName, from a machine in each account's domain.\r\n");
        sb.append("rem Additions use -F -S: setspn first checks the whole forest for the value and refuses a duplicate.\r\n");
        if (plan.changes().isEmpty() && plan.aliases().isEmpty()) {
            sb.append("rem No directory changes in this plan.\r\n");
        }
        for (AliasChange a : plan.aliases()) {
            String zone = ScriptText.cmdArg(a.zone());
            String name = ScriptText.cmdArg(a.recordName());
            sb.append("rem ").append(ScriptText.cmdComment(a.description())).append(" (DNS, with dnscmd on a DNS server)\r\n");
            sb.append("dnscmd . /recorddelete ").append(zone).append(' ').append(name).append(" CNAME /f\r\n");
            sb.append("if errorlevel 1 (echo Stopped: the change above failed. & exit /b 1)\r\n");
            sb.append("dnscmd . /recordadd ").append(zone).append(' ').append(name).append(" CNAME ")
                    .append(ScriptText.cmdArg(a.after())).append("\r\n");
            sb.append("if errorlevel 1 (echo Stopped: the change above failed. & exit /b 1)\r\n");
        }
        for (SpnChange c : plan.changes()) {
            sb.append("rem ").append(ScriptText.cmdComment(c.description() + " (domain " + domainOf(c.account().dn()) + ")")).append("\r\n");
            String account = ScriptText.cmdArg(setspnName(c.account()));
            String spn = ScriptText.cmdArg(c.spn().toString());
            if (c instanceof SpnChange.Add) {
                sb.append("setspn -F -S ").append(spn).append(' ').append(account).append("\r\n");
            } else {
                sb.append("setspn -D ").append(spn).append(' ').append(account).append("\r\n");
            }
            sb.append("if errorlevel 1 (echo Stopped: the change above failed. & exit /b 1)\r\n");
        }
        return sb.toString();
    }

    /** setspn takes a computer by its name without '$', and other accounts by sAMAccountName. */
    static String setspnName(AccountRef ref) {
        String sam = ref.samAccountName().isEmpty() ? ref.dn() : ref.samAccountName();
        if (ref.kind() == AccountKind.COMPUTER && sam.endsWith("$")) {
            sam = sam.substring(0, sam.length() - 1);
        }
        return sam;
    }

    static String powershell(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SPN Doctor plan: ").append(ScriptText.comment(plan.title())).append('\n');
        sb.append("# Needs the ActiveDirectory module (RSAT) and the right to write servicePrincipalName.\n");
        sb.append("# Add -WhatIf to a Set-AD* line to see what it would do without doing it.\n");
        if (plan.changes().isEmpty() && plan.aliases().isEmpty()) {
            sb.append("# No directory changes in this plan.\n");
        } else if (!plan.changes().isEmpty()) {
            sb.append("Import-Module ActiveDirectory\n$ErrorActionPreference = 'Stop'\n");
            if (plan.changes().stream().anyMatch(c -> c instanceof SpnChange.Add)) {
                sb.append("$gc = (Get-ADDomainController -Discover -Service GlobalCatalog).HostName[0] + ':3268'\n");
            }
        }
        int i = 1;
        for (SpnChange c : plan.changes()) {
            sb.append("\n# ").append(i++).append(". ").append(ScriptText.comment(c.description())).append('\n');
            String value = ps(c.spn().toString());
            if (c instanceof SpnChange.Add) {
                sb.append("$spn = ").append(value).append('\n');
                sb.append("$holder = Get-ADObject -Filter 'servicePrincipalName -eq $spn' -Server $gc\n");
                sb.append("if ($holder) { throw \"$spn is already registered on $($holder.DistinguishedName); not adding a duplicate.\" }\n");
            }
            sb.append(cmdlet(c.account().kind())).append(" -Identity ").append(ps(c.account().dn()))
                    .append(" -Server ").append(ps(domainOf(c.account().dn())))
                    .append(" -ServicePrincipalNames @{").append(c instanceof SpnChange.Add ? "Add" : "Remove").append('=').append(value).append("}\n");
        }
        for (AliasChange a : plan.aliases()) {
            sb.append("\n# ").append(i++).append(". ").append(ScriptText.comment(a.description()))
                    .append(" (DnsServer module, on a DNS server of the zone)\n");
            sb.append("Remove-DnsServerResourceRecord -ZoneName ").append(ps(a.zone())).append(" -Name ").append(ps(a.recordName()))
                    .append(" -RRType CName -Force\n");
            sb.append("Add-DnsServerResourceRecordCName -ZoneName ").append(ps(a.zone())).append(" -Name ").append(ps(a.recordName()))
                    .append(" -HostNameAlias ").append(ps(a.after())).append('\n');
        }
        List<ClientStep> ps = plan.clientSteps().stream().filter(s -> s.language().equals("powershell")).toList();
        if (!ps.isEmpty()) {
            sb.append("\n# ---- Outside the directory ----\n");
            for (ClientStep s : ps) {
                sb.append("\n# ").append(ScriptText.comment(s.title())).append('\n');
                sb.append("# ").append(ScriptText.comment(s.explanation())).append('\n');
                sb.append(s.script()).append('\n');
            }
        }
        return sb.toString();
    }

    static String cmdlet(AccountKind kind) {
        return switch (kind) {
            case USER -> "Set-ADUser";
            case COMPUTER -> "Set-ADComputer";
            case MSA, GMSA -> "Set-ADServiceAccount";
        };
    }

    static String ps(String s) {
        return ScriptText.ps(s);
    }

    /** The DNS domain of a DN: {@code CN=x,DC=kimconnect,DC=com} gives {@code kimconnect.com}. */
    public static String domainOf(String dn) {
        List<String> parts = new ArrayList<>();
        for (String rdn : dn.split("(?<!\\\\),")) {
            String t = rdn.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith("dc=")) {
                parts.add(t.substring(3));
            }
        }
        return parts.isEmpty() ? "(unknown domain)" : String.join(".", parts);
    }

    static String ldif(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SPN Doctor plan: ").append(ScriptText.comment(plan.title())).append('\n');
        sb.append("# One value per record, in order. ldapmodify -f <file> (stops at the first error) or ldifde -i -f <file>.\n");
        if (plan.changes().isEmpty() && plan.aliases().isEmpty()) {
            sb.append("# No directory changes in this plan.\n");
        }
        for (SpnChange c : plan.changes()) {
            sb.append('\n').append("# ").append(ScriptText.comment(c.description())).append('\n').append(Ldif.modify(c));
        }
        for (AliasChange a : plan.aliases()) {
            sb.append("\n# ").append(ScriptText.comment(a.description())).append('\n')
                    .append("# (a DNS record: not written as LDIF here; use the PowerShell or setspn form, which use the DNS tools)\n");
        }
        return sb.toString();
    }

    static String reg(Plan plan) {
        List<ClientStep> regs = plan.clientSteps().stream().filter(s -> s.language().equals("reg")).toList();
        if (regs.isEmpty()) {
            return "; No client registry steps in this plan.\r\n";
        }
        StringBuilder sb = new StringBuilder();
        for (ClientStep s : regs) {
            sb.append(s.script());
        }
        return sb.toString();
    }
}
