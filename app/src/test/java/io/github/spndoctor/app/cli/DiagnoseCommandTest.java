package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.core.diagnosis.NameResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnoseCommandTest {
    static final String SERVER_MANAGER = "Configuration refresh failed with the following error: The metadata failed to "
            + "be retrieved from the server, due to the following error: WinRM cannot process the request. The following "
            + "error with errorcode 0x80090322 occurred while using Kerberos authentication: An unknown security error occurred.";

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    /** DNS that knows one host and nothing else, so no test touches real DNS. */
    static final NameResolver DNS = new NameResolver() {
        @Override
        public List<String> addresses(String name) {
            return name.equalsIgnoreCase("srv004.rwwilden01.local") ? List.of("10.0.0.4") : List.of();
        }

        @Override
        public Optional<String> cname(String name) { return Optional.empty(); }

        @Override
        public Optional<String> reverse(String address) {
            return address.equals("10.0.0.4") ? Optional.of("srv004.rwwilden01.local") : Optional.empty();
        }
    };

    static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SpnDoctorCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new CliErrors());
        DiagnoseCommand cmd = cl.getSubcommands().get("diagnose").getCommand();
        cmd.stdin = new ByteArrayInputStream(stdin);
        cmd.resolver = DNS;
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Issue 9: diagnose --report writes the wizard's report; no secret form of the text survives, the timeline does. */
    @Test
    void report_fromATextWithEverySecretForm_holdsNoneOfThem(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, io.github.spndoctor.app.fixture.SecretForms.TEXT);
        for (String name : List.of("R.md", "R.html")) {
            Path report = dir.resolve(name);
            Run r = run("", "diagnose", "--demo", "--report", report.toString(), "--text-file", text.toString());
            assertEquals(0, r.status(), r.err());
            String page = Files.readString(report);
            for (String f : io.github.spndoctor.app.fixture.SecretForms.fragments()) {
                assertFalse(page.contains(f), f + " in " + name + ": " + page);
                assertFalse(r.out().contains(f) || r.err().contains(f), "printed: " + r.out());
            }
            assertTrue(page.contains("0x80090322") && page.contains("HTTP/srv003.rwwilden01.local:5985"), page);
            assertTrue(page.contains("Timeline") && page.contains("Looked up srv003.rwwilden01.local"), page);
            assertTrue(page.contains("http-spn-on-service-account"), page);
        }
    }

    @Test
    void json_fromStdin_hasExactlyCausesAndSymptom_bestFirst() throws Exception {
        Run r = run(SERVER_MANAGER, "diagnose", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = r.json();
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("causes", "symptom"), keys);
        JsonNode top = root.get("causes").get(0);
        assertEquals("http-spn-on-service-account", top.get("id").asText());
        List<String> causeKeys = new ArrayList<>();
        top.fieldNames().forEachRemaining(causeKeys::add);
        assertEquals(List.of("id", "confidence", "evidence", "explanation", "checks", "remedies"), causeKeys);
        assertTrue(top.get("remedies").toString().contains("remove-spn"));
        assertFalse(top.get("checks").isEmpty());
        double previous = 1.0;
        for (JsonNode c : root.get("causes")) {
            assertTrue(c.get("confidence").asDouble() <= previous, "best first");
            previous = c.get("confidence").asDouble();
        }
        assertEquals("0x80090322", root.get("symptom").get("errors").get(0).get("code").asText());
        assertEquals("Server Manager", root.get("symptom").get("clients").get(0).get("name").asText());
    }

    @Test
    void withoutDirectoryOptions_diagnosesFromTextAlone() throws Exception {
        Run r = run("Enter-PSSession srv003.rwwilden01.local -> errorcode 0x80090322", "diagnose", "--json");
        for (JsonNode c : r.json().get("causes")) {
            for (JsonNode e : c.get("evidence")) {
                assertFalse(e.get("source").asText().equals("directory"), "no lookup without directory options: " + e);
            }
        }
        Run text = run("Enter-PSSession srv003.rwwilden01.local -> errorcode 0x80090322", "diagnose");
        assertTrue(text.out().contains("hypothesis from text alone"), text.out());
    }

    @Test
    void withDemoAndTargetFromText_addsDirectoryEvidence() throws Exception {
        Run r = run("enter-pssession DYNAMICS-CRM: errorcode 0x80090322 An unknown security error occurred", "diagnose", "--demo", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode top = r.json().get("causes").get(0);
        assertEquals("http-spn-on-service-account", top.get("id").asText());
        assertTrue(top.get("evidence").toString().contains("crmIisPoolServiceAccount"), top.toString());
        assertTrue(top.get("confidence").asDouble() > 0.9);
    }

    @Test
    void withDemoAndCleanHost_wrongPrincipalPointsAtTheSecureChannel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("error.txt");
        Files.writeString(f, SERVER_MANAGER);
        Run r = run("", "diagnose", "--text-file", f.toString(), "--target", "srv004.rwwilden01.local", "--demo", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode causes = r.json().get("causes");
        assertEquals("broken-secure-channel", causes.get(0).get("id").asText());
        String all = causes.toString();
        assertTrue(all.contains("\"source\":\"name\""), "DNS facts are used: " + all);
    }

    @Test
    void readableOutput_showsRankingEvidenceAndWhy() {
        Run r = run(SERVER_MANAGER, "diagnose", "--demo", "--target", "srv003.rwwilden01.local", "--no-dns");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("verdict"), r.out());
        assertTrue(r.out().contains(" 1. http-spn-on-service-account"), r.out());
        assertTrue(r.out().contains("Why: "), r.out());
        assertTrue(r.out().contains("+ directory: HTTP/srv003.rwwilden01.local is held by the service account"), r.out());
        assertTrue(r.out().contains("Recognised: 0x80090322 (SEC_E_WRONG_PRINCIPAL)"), r.out());
    }

    @Test
    void deadDirectory_givesUnknownWithTheFailure_notHealthy(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "not-a-real-password\n");
        Run r = run(SERVER_MANAGER, "diagnose", "--url", "ldaps://127.0.0.1:9", "--connect-timeout", "2",
                "--bind-upn", "a@b.c", "--password-file", pw.toString(),
                "--target", "web01.contoso.com", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: the directory lookup failed"), r.err());
        JsonNode causes = r.json().get("causes");
        JsonNode unknown = null;
        for (JsonNode c : causes) {
            if (c.get("id").asText().equals("unknown")) {
                unknown = c;
            }
        }
        assertTrue(unknown != null, "unknown is ranked: " + causes);
        assertTrue(unknown.get("evidence").toString().contains("lookup failed"), unknown.toString());
        assertFalse(r.out().contains("not-a-real-password") || r.err().contains("not-a-real-password"), "no password in output");
    }

    @Test
    void ipTarget_isIpAddressNtlm_withoutDirectory() throws Exception {
        Run r = run("it fails", "diagnose", "--target", "192.168.10.5", "--json");
        assertEquals("ip-address-ntlm", r.json().get("causes").get(0).get("id").asText());
    }

    @Test
    void utf16WithByteOrderMark_isDecoded() throws Exception {
        byte[] body = "errorcode 0x8009030e: A specified logon session does not exist".getBytes(StandardCharsets.UTF_16LE);
        byte[] in = new byte[body.length + 2];
        in[0] = (byte) 0xFF;
        in[1] = (byte) 0xFE;
        System.arraycopy(body, 0, in, 2, body.length);
        Run r = run(in, "diagnose", "--json");
        assertEquals("second-hop-delegation", r.json().get("causes").get(0).get("id").asText());
    }

    @Test
    void missingTextFile_isAClearInputError() {
        Run r = run("", "diagnose", "--text-file", "/no/such/file.txt");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void badTarget_isAClearInputError() {
        Run r = run("", "diagnose", "--target", "*)(servicePrincipalName=*");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void emptyInput_isUnknown() throws Exception {
        Run r = run("", "diagnose", "--json");
        assertEquals(0, r.status());
        assertEquals("unknown", r.json().get("causes").get(0).get("id").asText());
    }
}
