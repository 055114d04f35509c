package io.github.spndoctor.core.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionTest {
    /** The secret in every form below; each form is one way users paste a password (or a ticket) with an error. */
    static final String SECRET = "Zq7-Hunter2!x";
    static final String B64_BASIC = Base64.getEncoder().encodeToString(("CONTOSO\\bob:" + SECRET).getBytes());
    /** Looks like a SPNEGO token (a GSS-API initial token starts 0x60 0x82, "YII" in base64). */
    static final String NEGOTIATE = "YIIHOgYGKwYBBQUCoIIHLjCCByqgMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCqKCBvQEggbw";

    /** The secret forms the issue names, and a few more of the same families. */
    static Stream<String> secretForms() {
        return Stream.of(
                "ansible_password: " + SECRET,
                "ansible_password: \"" + SECRET + "\"",
                "ansible_winrm_password=" + SECRET,
                "net use \\\\srv01\\c$ " + SECRET + " /user:CONTOSO\\bob",
                "net use Z: \\\\srv01\\share /user:CONTOSO\\bob " + SECRET,
                "https://bob:" + SECRET + "@srv003.contoso.com:5986/wsman",
                "Enter-PSSession srv003 -Credential (New-Object PSCredential 'CONTOSO\\bob', -Password (ConvertTo-SecureString '"
                        + SECRET + "' -AsPlainText -Force))",
                "-Password (ConvertTo-SecureString '" + SECRET + "' -AsPlainText -Force)",
                "$cred = New-Object System.Management.Automation.PSCredential('CONTOSO\\bob', (ConvertTo-SecureString \""
                        + SECRET + "\" -AsPlainText -Force))",
                "$cred = [pscredential]::new('CONTOSO\\bob', '" + SECRET + "')",
                "'" + SECRET + "' | ConvertTo-SecureString -AsPlainText -Force",
                "ConvertTo-SecureString -AsPlainText -Force -String " + SECRET,
                "Authorization: Basic " + B64_BASIC,
                "'Authorization': 'Basic " + B64_BASIC + "'",
                "Authorization: Negotiate " + NEGOTIATE + SECRET.replaceAll("[^A-Za-z0-9]", ""),
                "WWW-Authenticate: Negotiate oYG" + NEGOTIATE + SECRET.replaceAll("[^A-Za-z0-9]", ""),
                "password=" + SECRET + "; user=bob",
                "\"password\": \"" + SECRET + "\"",
                "$env:BIND_PW = '" + SECRET + "'",
                "userPassword: " + SECRET,
                "ldapsearch -H ldaps://dc01 -D bob -w " + SECRET + " -b dc=contoso,dc=com",
                "winrs -r:web01 -u:bob -p:" + SECRET + " ipconfig",
                "cmdkey /add:srv01 /user:bob /pass:" + SECRET,
                "New-PSSession -ComputerName web01 -Password " + SECRET,
                "python -m tool --password=" + SECRET);
    }

    @ParameterizedTest
    @MethodSource("secretForms")
    void everySecretForm_isBlanked_andTheRestStays(String form) {
        String text = "Enter-PSSession : Connecting to remote server srv003.contoso.com failed (0x80090322)\n" + form
                + "\nWinRM asked for HTTP/srv003.contoso.com:5985";
        String r = Redaction.redact(text);
        String secretPart = form.contains("Basic ") ? B64_BASIC : form.contains("Negotiate ") ? NEGOTIATE : SECRET;
        assertFalse(r.contains(secretPart), "leaked: " + r);
        assertFalse(r.contains("Hunter2"), "leaked: " + r);
        assertTrue(r.contains(Redaction.MARK), "the place of the secret is marked: " + r);
        assertTrue(r.contains("0x80090322"), r);
        assertTrue(r.contains("srv003.contoso.com failed"), r);
        assertTrue(r.contains("HTTP/srv003.contoso.com:5985"), r);
        assertEquals(r, Redaction.redact(r), "idempotent");
        assertEquals(r, RedactedText.of(text).text());
    }

    @Test
    void userNamesInACredentialStatement_stay() {
        String r = Redaction.redact("$cred = New-Object PSCredential('CONTOSO\\bob', (ConvertTo-SecureString 'x1y2z3' -AsPlainText -Force))");
        assertTrue(r.contains("'CONTOSO\\bob'"), r);
        assertFalse(r.contains("x1y2z3"), r);
    }

    /** Everyday troubleshooting text with no secret in it comes back unchanged: codes, SPNs, names, prose. */
    @Test
    void textWithoutSecrets_isUnchanged() {
        List<String> plain = List.of(
                "The user name or password specified are invalid.",
                "Enter-PSSession -ComputerName srv003.contoso.com -Port 5985 -Authentication Negotiate",
                "SPN HTTP/srv003.contoso.com is registered on CONTOSO\\svc-iis (0x80090322, KRB_AP_ERR_MODIFIED)",
                "setspn -S WSMAN/srv003 srv003; setspn -D HTTP/srv003:5985 svc-iis",
                "Test-WSMan srv003 -Authentication Kerberos: WinRM cannot process the request. Error 0x8009030e",
                "klist get HTTP/srv003.contoso.com@CONTOSO.COM -> 0xc000018b",
                "The Negotiate authentication failed; Basic authentication is disabled",
                "ping -n 4 srv003; net use \\\\srv003\\c$ /user:CONTOSO\\bob",
                "https://srv003.contoso.com:5986/wsman",
                "ConvertTo-SecureString : Cannot bind parameter 'String' because it is null.",
                "Get-ADUser -Filter * -Properties pwdLastSet,servicePrincipalName",
                "WinRM: Kerberos [HTTP/web01.corp.local] failed; passwords are fine");
        for (String s : plain) {
            String r = Redaction.redact(s);
            if (s.startsWith("ConvertTo-SecureString :")) {
                assertTrue(r.contains("Cannot bind parameter"), r);
            } else {
                assertEquals(s, r);
            }
        }
    }

    /** Seeded generator: secrets hidden among random troubleshooting words never survive, wherever they sit. */
    @Test
    void randomTexts_neverKeepAnInsertedSecret() {
        Random rnd = new Random(20261201);
        List<String> forms = secretForms().toList();
        String[] words = {"0x80090322", "HTTP/srv003.contoso.com", "srv003", "failed", "Enter-PSSession", "\n", "(", ")",
                ";", "'quoted text'", "-Force", "WSMAN/srv003:5985", "Kerberos", "Access is denied."};
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int w = rnd.nextInt(12); w > 0; w--) {
                sb.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            sb.append('\n').append(forms.get(rnd.nextInt(forms.size()))).append('\n');
            for (int w = rnd.nextInt(12); w > 0; w--) {
                sb.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            String r = Redaction.redact(sb.toString());
            assertFalse(r.contains("Hunter2") || r.contains(B64_BASIC) || r.contains(NEGOTIATE), "leaked in: " + r);
            assertTrue(r.contains("0x80090322") == sb.toString().contains("0x80090322"), r);
        }
    }

    @Test
    void hugeText_isRedactedInOnePass() {
        String big = "x=1 ".repeat(500_000) + "password=" + SECRET;
        String r = Redaction.redact(big);
        assertFalse(r.contains(SECRET));
        assertEquals(big.length() - SECRET.length() + Redaction.MARK.length(), r.length());
    }

    @Test
    void nullAndEmpty() {
        assertEquals("", Redaction.redact(null));
        assertTrue(RedactedText.of(null).isEmpty());
        assertTrue(Redaction.isClean("HTTP/srv003"));
        assertFalse(Redaction.isClean("pwd=abc"));
    }

    /**
     * The quick test before the patterns never changes the outcome: seeded random texts built from the secret forms'
     * pieces, the plain texts' words and random characters redact exactly as with every pattern run.
     */
    @Test
    void theQuickTestBeforeThePatterns_neverChangesTheOutcome() {
        Random rnd = new Random(1201);
        List<String> pieces = new java.util.ArrayList<>(secretForms().toList());
        for (String f : secretForms().toList()) {
            for (int k = 0; k + 3 <= f.length(); k += 3) {
                pieces.add(f.substring(k, Math.min(f.length(), k + 1 + rnd.nextInt(12))));
            }
        }
        pieces.addAll(List.of("Microsoft-Windows-Security-Kerberos", "HTTP/srv003.lab.test", "-W ", "-p:", "/P", "NET USE",
                "AUTHORIZATION:", "Negotiate ", "TlRMTVNTUA", "oY", "yii", "$x=", "://", "Pass", "pW", "SeCrEt", " ", "\n", "'", "\""));
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_/:=$'\"@.\\\n\t;,|()";
        int secretsSeen = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 1 + rnd.nextInt(8); w > 0; w--) {
                if (rnd.nextBoolean()) {
                    sb.append(pieces.get(rnd.nextInt(pieces.size())));
                } else {
                    for (int c = rnd.nextInt(6); c > 0; c--) {
                        sb.append(chars.charAt(rnd.nextInt(chars.length())));
                    }
                }
            }
            String t = sb.toString();
            String all = Redaction.redactAll(t);
            assertEquals(all, Redaction.redact(t), "differs for: " + t);
            if (!all.equals(t)) {
                secretsSeen++;
            }
        }
        assertTrue(secretsSeen > 1000, "the generator makes texts with secrets too: " + secretsSeen);
    }
}
