package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymptomParserTest {
    static final String WRAPPER = """
            Possible causes are:
              -The user name or password specified are invalid.
              -Kerberos is used when no authentication method and no user name are specified.
              -Kerberos accepts domain user names, but not local user names.
              -The Service Principal Name (SPN) for the remote computer name and port does not exist.
              -The client and remote computers are in different domains and there is no trust between the two domains.
             After checking for the above issues, try the following:
              -Check the Event Viewer for events related to authentication.
              -Change the authentication method; add the destination computer to the WinRM TrustedHosts configuration setting or use HTTPS transport.
             Note that computers in the TrustedHosts list might not be authenticated.
               -For more information about WinRM configuration, run the following command: winrm help config.
            """;

    static Stream<Arguments> knowledgeMessages() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = SymptomParserTest.class.getResourceAsStream("/symptom/knowledge-messages.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(Arguments.of(KnownError.valueOf(parts[0]), parts[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("knowledgeMessages")
    void parse_recognisesEveryKnowledgeCodeAndMessage(KnownError expected, String text) {
        Symptom s = SymptomParser.parse(text);
        assertTrue(s.has(expected), () -> "expected " + expected + " in " + s.errors());
    }

    @ParameterizedTest
    @EnumSource(KnownError.class)
    void parse_everySpellingOfACode_isOneFact(KnownError e) {
        List<String> spellings = new ArrayList<>(e.spellings());
        spellings.addAll(e.phrases());
        if (spellings.isEmpty()) {
            return;
        }
        for (String sp : spellings) {
            Symptom one = SymptomParser.parse("the call failed: " + sp + " (see log)");
            assertTrue(one.has(e), () -> e + " not recognised from '" + sp + "'");
        }
        Symptom all = SymptomParser.parse(String.join("\n", spellings));
        assertEquals(1, all.errors().stream().filter(f -> f.value() == e).count(), "one fact for " + e);
    }

    @Test
    void parse_hexUnsignedAndSignedDecimal_giveTheSameFact() {
        for (String text : List.of("0x80090322", "80090322", "2148074274", "-2146893022", "SEC_E_WRONG_PRINCIPAL",
                "The target principal name is incorrect", "0X80090322")) {
            Symptom s = SymptomParser.parse("HRESULT " + text);
            assertEquals(List.of(KnownError.SEC_E_WRONG_PRINCIPAL), s.errors().stream().map(Fact::value).toList(), text);
        }
    }

    @Test
    void parse_messageBrokenByConsoleLineWraps_isRecognised() {
        Symptom s = SymptomParser.parse("error occurred while using Kerberos authentication: An unknown securi\nty error o\r\nccurred.");
        assertTrue(s.has(KnownError.SEC_E_WRONG_PRINCIPAL));
    }

    @Test
    void parse_ansibleJsonEscapes_areRead() {
        Symptom s = SymptomParser.parse("{\"msg\": \"kerberos: authGSSClientStep() failed: (('Unspecified GSS failure.',"
                + " 851968), ('Server not found in Kerberos database', -1765328377))\\nplay recap\"}");
        assertTrue(s.has(KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN));
        assertTrue(s.has(Client.PYWINRM));
        assertTrue(s.has(AuthPackage.KERBEROS));
    }

    @Test
    void parse_winrmPossibleCausesList_yieldsNoClues() {
        Symptom s = SymptomParser.parse("The following error with errorcode 0x80090322 occurred while using Kerberos "
                + "authentication: An unknown security error occurred.\n" + WRAPPER);
        assertEquals(List.of(), s.clues(), "the generic list must not count as the user's clues");
        assertEquals(List.of(AuthPackage.KERBEROS), s.authPackages().stream().map(Fact::value).toList());
    }

    @Test
    void parse_event4_givesRequestedSpnAndTarget() {
        Symptom s = SymptomParser.parse("The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server "
                + "srv003. The target name used was HTTP/srv003.rwwilden01.local. This indicates that the target server "
                + "failed to decrypt the ticket provided by the client.");
        assertEquals("HTTP/srv003.rwwilden01.local", s.requestedSpn().orElseThrow().spn().toString());
        assertEquals("srv003.rwwilden01.local", s.target().orElseThrow().name().asTyped());
        assertTrue(s.clues().isEmpty(), () -> "event text is not a clue: " + s.clues());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Enter-PSSession : Connecting to remote server web01 failed with the following error message|web01|SHORT",
            "Invoke-Command -ComputerName web01.contoso.com -ScriptBlock {}|web01.contoso.com|FQDN",
            "PS> Enter-PSSession 10.1.2.3|10.1.2.3|IPV4",
            "New-PSSession -ComputerName:'srv9.corp.local'|srv9.corp.local|FQDN",
            "Enter-PSSession -ComputerName localhost|localhost|LOCALHOST",
            "Cannot find the computer DC02. Verify that the computer exists|DC02|SHORT",
            "winrs -r:https://hv01.lab.test:5986 ipconfig|hv01.lab.test|FQDN",
            "fatal: [win01.corp.local]: UNREACHABLE!|win01.corp.local|FQDN",
            "+ CategoryInfo : InvalidArgument: (DYNAMICS-CRM:String) [Enter-PSSession]|DYNAMICS-CRM|SHORT",
            "New-PSSession -ComputerName fe80::1:2:3|fe80::1:2:3|IPV6"})
    void parse_findsTargetAsNamed(String text, String name, TargetName.Kind kind) {
        TargetFact t = SymptomParser.parse(text).target().orElseThrow();
        assertEquals(name, t.name().asTyped());
        assertEquals(kind, t.kind());
    }

    @Test
    void parse_placeholdersAndVariables_areNotTargets() {
        assertTrue(SymptomParser.parse("Enter-PSSession -ComputerName $servername").target().isEmpty());
        assertTrue(SymptomParser.parse("Connecting to remote <sever name> failed").target().isEmpty());
        assertTrue(SymptomParser.parse("Enter-PSSession -Computername <FQDN>").target().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ENTER_PSSESSION|enter-pssession srv1",
            "NEW_PSSESSION|$s = New-PSSession -ComputerName a",
            "INVOKE_COMMAND|Invoke-Command -ComputerName a {1}",
            "CIM_SESSION|Get-CimInstance -ComputerName a Win32_BIOS",
            "WINRS|winrs -r:a cmd",
            "TEST_WSMAN|Test-WSMan a",
            "SERVER_MANAGER|Server Manager says Configuration refresh failed",
            "WINDOWS_ADMIN_CENTER|In Windows Admin Center the connection fails",
            "ANSIBLE|ansible -m win_ping all",
            "PYWINRM|import winrm; s = winrm.Session('a', auth=('u', 'p'))",
            "PYPSRP|from pypsrp.client import Client",
            "DBATOOLS|Copy-DbaLogin -Source a -Destination b",
            "EVENT_FORWARDING|Windows Event Forwarding subscription is not working",
            "EVIL_WINRM|evil-winrm -i 10.0.0.1 -u admin"})
    void parse_recognisesClients(Client expected, String text) {
        assertTrue(SymptomParser.parse(text).has(expected), expected + " in " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IIS_APP_POOL|the IIS app pool runs as CONTOSO\\svc_web",
            "REPORTING_SERVICES|SSRS is on the same box",
            "SERVICE_ACCOUNT|we created a gMSA for the site",
            "WORKS_BY_IP|it works fine by IP address",
            "WORKS_BY_IP|using the IP instead of the name works",
            "CONNECT_BY_IP|I connect using the IP address",
            "TRUSTED_HOSTS|I added it to TrustedHosts already",
            "WORKS_WITH_OTHER_NAME|works with the FQDN but not the short name",
            "WORKS_WITH_OTHER_NAME|the NetBIOS name works, FQDN fails",
            "SECOND_HOP|this is a classic double hop",
            "SECOND_HOP|from inside a remote session I call the file server",
            "SSH_LOGON|I connected over ssh with my key",
            "CLOCK|the clock on the host was 7 minutes ahead",
            "SECURE_CHANNEL|Test-ComputerSecureChannel returns False",
            "ALIAS|we use a DNS alias for the service",
            "DNS_MISMATCH|the PTR record is stale",
            "DIFFERENT_DOMAIN|the server is in another forest",
            "RENAMED_OR_REUSED|we renamed the server last week",
            "DUPLICATE_WORDS|setspn -X reports duplicate SPNs",
            "SPN_ON_SEVERAL_ACCOUNTS|both svc_a and svc_b have HTTP/web01 registered",
            "MISSING_SPN_WORDS|No such SPN found.",
            "WSMAN_SPN_CLIENT|spn_prefix is set to WSMAN",
            "RIGHTS|the user is not a member of the local Administrators group",
            "CONNECTIVITY|the firewall blocks it"})
    void parse_recognisesClues(Clue expected, String text) {
        assertTrue(SymptomParser.parse(text).has(expected), expected + " in " + text);
    }

    @Test
    void parse_setspnXWithNoDuplicates_isNotADuplicateClue() {
        Symptom none = SymptomParser.parse("Checking domain DC=contoso,DC=com\nfound 0 group of duplicate SPNs.");
        assertFalse(none.has(Clue.DUPLICATE_WORDS));
        assertFalse(none.has(Clue.SPN_ON_SEVERAL_ACCOUNTS));
    }

    @Test
    void parse_wsmanDriveLocalhost_isNotALoopbackClue() {
        assertFalse(SymptomParser.parse("Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value web01").has(Clue.LOOPBACK));
        assertTrue(SymptomParser.parse("Enter-PSSession to localhost fails").has(Clue.LOOPBACK));
    }

    @Test
    void parse_ldapDistinguishedNames_doNotSuggestADomainController() {
        assertFalse(SymptomParser.parse("CN=svc,OU=Service Accounts,DC=contoso,DC=com").has(Clue.DOMAIN_CONTROLLER));
    }

    @Test
    void parse_longText_readsHeadAndTailAndSaysSo() {
        String filler = "x".repeat(SymptomParser.HEAD + SymptomParser.TAIL);
        Symptom s = SymptomParser.parse("start 0x80090322 " + filler + " middle KRB_AP_ERR_SKEW " + filler + " end 0x8009030e");
        assertTrue(s.truncated());
        assertTrue(s.note().orElseThrow().contains("were read"));
        assertTrue(s.has(KnownError.SEC_E_WRONG_PRINCIPAL), "head is read");
        assertTrue(s.has(KnownError.SEC_E_NO_CREDENTIALS), "tail is read");
        assertFalse(s.has(KnownError.KRB_AP_ERR_SKEW), "the middle of a huge paste is not read");
    }

    @Test
    void parse_nullAndEmpty_giveEmptySymptom() {
        assertTrue(SymptomParser.parse(null).isEmpty());
        assertTrue(SymptomParser.parse("").isEmpty());
        assertFalse(SymptomParser.parse("").truncated());
    }

    @Test
    void parse_keepsTheMatchedText() {
        Symptom s = SymptomParser.parse("blah\nerrorcode   0x80090322\n blah");
        assertEquals("0x80090322", s.fact(KnownError.SEC_E_WRONG_PRINCIPAL).orElseThrow().matched());
    }

    @ParameterizedTest
    @EnumSource(CommonSymptom.class)
    void commonSymptom_textParsesToAtLeastOneError(CommonSymptom c) {
        assertFalse(c.symptom().errors().isEmpty(), c + " gives no error fact");
        assertFalse(c.label().isBlank());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ansible_password: Hunter2Secret! and kerberos: Server not found in Kerberos database",
            "$p = ConvertTo-SecureString 'Hunter2Secret!' -AsPlainText -Force; Enter-PSSession web01 -> 0x80090322",
            "net use \\\\\\\\fs01\\\\share Hunter2Secret! /user:corp\\\\bob -> Access is denied",
            "winrs -r:web01 -u:bob -p:x; New-PSSession -ComputerName web01 -Password Hunter2Secret! fails: Access is denied",
            "https://bob:Hunter2Secret!@web01.contoso.com:5986/wsman -> Access is denied",
            "0x80090322; it works with -Password Hunter2Secret! by IP address"})
    void parse_neverKeepsAPastedPassword(String text) {
        Symptom s = SymptomParser.parse(text);
        String all = s.toString();
        assertFalse(all.contains("Hunter2Secret"), all);
        assertFalse(s.errors().isEmpty() && s.clues().isEmpty() && s.target().isEmpty(), "still read: " + all);
    }
}
