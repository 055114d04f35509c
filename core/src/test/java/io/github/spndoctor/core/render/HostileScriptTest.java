package io.github.spndoctor.core.render;

import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.ClientSteps;
import io.github.spndoctor.core.remedy.Plan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: values read from the directory (an SPN's service class, an account name, a DN) can be crafted; no script
 * format may turn them into commands. Each format gets hostile values and its text is checked.
 */
class HostileScriptTest {
    /** Allowed by Spn.parse: cmd metacharacters in the service class and host. */
    static final Spn EVIL_SPN = Spn.parse("HTTP&calc|x^%PATH%!/srv003'&whoami");
    static final AccountRef EVIL_SAM = new AccountRef("CN=evil,CN=Users,DC=contoso,DC=com", "svc&calc%TEMP%^", AccountKind.USER);
    static final AccountRef NEWLINE = new AccountRef("CN=nl,CN=Users,DC=contoso,DC=com", "svc\r\ncalc.exe\n# x", AccountKind.USER);
    static final AccountRef QUOTE = new AccountRef("CN=q,CN=Users,DC=contoso,DC=com", "svc\"&calc&\"", AccountKind.USER);
    static final AccountRef SMART = new AccountRef("CN=s\u2019; calc; \u2018,CN=Users,DC=contoso,DC=com", "svc\u2019+(calc)+\u2018", AccountKind.USER);

    static Plan plan(AccountRef ref, Spn spn) {
        return new Plan("remove-spn", "Remove " + spn + " from " + ref.label(),
                List.of(new SpnChange.Remove(ref, spn), new SpnChange.Add(ref, spn)), List.of(), List.of());
    }

    /** Every cmd line that is not a comment: the hostile text may appear only inside double quotes, % doubled. */
    @Test
    void cmd_quotesEveryValue_doublesPercent_andKeepsCommentsInert() {
        String cmd = Preview.render(plan(EVIL_SAM, EVIL_SPN), Format.SETSPN);
        for (String line : cmd.split("\r\n")) {
            if (line.startsWith("rem ")) {
                assertFalse(line.matches(".*[&|^%<>!].*"), "a comment carries a metacharacter: " + line);
                continue;
            }
            if (line.startsWith("setspn ")) {
                String outside = line.replaceAll("\"[^\"]*\"", "\"\"");
                assertFalse(outside.matches(".*[&|^%<>!].*"), "unquoted metacharacter: " + line);
                assertFalse(line.replaceAll("%%", "").contains("%"), "a single % expands in a batch file: " + line);
            }
        }
        assertTrue(cmd.contains("\"HTTP&calc|x^%%PATH%%!/srv003'&whoami\""), cmd);
        assertTrue(cmd.contains("\"svc&calc%%TEMP%%^\""), cmd);
        assertTrue(cmd.toLowerCase().contains("setlocal disabledelayedexpansion"), "! stays literal: " + cmd);
    }

    @Test
    void cmd_refusesValuesABatchFileCannotCarry() {
        for (AccountRef bad : List.of(NEWLINE, QUOTE)) {
            String cmd = Preview.render(plan(bad, Spn.parse("HTTP/srv003")), Format.SETSPN);
            assertFalse(cmd.contains("setspn "), "no command at all: " + cmd);
            assertTrue(cmd.contains("exit /b 1"), cmd);
            for (String line : cmd.split("\r\n")) {
                assertTrue(line.isEmpty() || line.startsWith("rem ") || line.startsWith("@echo off") || line.startsWith("echo ")
                        || line.equals("exit /b 1") || line.toLowerCase().startsWith("setlocal"), "unexpected line: " + line);
                assertFalse(line.contains("calc.exe") && !line.startsWith("rem "), line);
            }
        }
    }

    /** PowerShell: single-quoted literals with ' and the smart quotes PowerShell also accepts doubled; no line break-out. */
    @Test
    void powershell_quotesValues_includingSmartQuotes() {
        for (AccountRef ref : List.of(EVIL_SAM, NEWLINE, SMART)) {
            String ps = Preview.render(plan(ref, EVIL_SPN), Format.POWERSHELL);
            for (String line : ps.split("\n")) {
                assertFalse(line.strip().startsWith("calc") || line.strip().startsWith("# x"), "broke out of a comment: " + line);
            }
            String dnLiteral = ps.substring(ps.indexOf("-Identity ") + 10, ps.indexOf(" -Server"));
            assertTrue(PowerShellLiteral.isOneSingleQuotedString(dnLiteral), dnLiteral);
        }
        String ps = Preview.render(plan(SMART, EVIL_SPN), Format.POWERSHELL);
        assertTrue(ps.contains("CN=s\u2019\u2019; calc; \u2018\u2018,CN=Users"), ps);
    }

    /** LDIF: exactly the intended records come back out, whatever the values and descriptions hold. */
    @Test
    void ldif_recordsAreExactlyTheChanges() throws Exception {
        for (AccountRef ref : List.of(EVIL_SAM, NEWLINE, QUOTE, SMART)) {
            Plan p = plan(ref, EVIL_SPN);
            String ldif = Preview.render(p, Format.LDIF);
            List<String> records = new ArrayList<>();
            try (LDIFReader r = new LDIFReader(new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)))) {
                LDIFChangeRecord rec;
                while ((rec = r.readChangeRecord()) != null) {
                    LDIFModifyChangeRecord m = (LDIFModifyChangeRecord) rec;
                    records.add(m.getDN() + " " + m.getModifications()[0].getModificationType().getName() + " "
                            + m.getModifications()[0].getValues()[0]);
                }
            }
            assertEquals(List.of(ref.dn() + " DELETE " + EVIL_SPN, ref.dn() + " ADD " + EVIL_SPN), records, ldif);
        }
    }

    /** .reg: only the fixed registry value, none of the plan's values. */
    @Test
    void reg_carriesNoPlanValue() {
        Plan p = new Plan("wsman-prefix", "WSMAN for " + NEWLINE.label(), List.of(new SpnChange.Add(NEWLINE, EVIL_SPN)),
                List.of(ClientSteps.spnPrefixReg()), List.of());
        String reg = Preview.render(p, Format.REG);
        assertFalse(reg.contains("calc") || reg.contains("&") || reg.contains("%"), reg);
        assertTrue(reg.startsWith("Windows Registry Editor Version 5.00"), reg);
        for (String line : reg.split("\r\n")) {
            assertTrue(line.isEmpty() || line.startsWith("Windows Registry") || line.startsWith("[") || line.startsWith("\"")
                    || line.startsWith(";"), line);
        }
    }
}
