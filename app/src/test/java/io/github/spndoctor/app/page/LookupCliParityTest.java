package io.github.spndoctor.app.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.app.cli.SpnDoctorCommand;
import io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel;
import io.github.spndoctor.app.page.diagnosis.DiagnosisService;
import io.github.spndoctor.app.page.lookup.LookupPageModel;
import io.github.spndoctor.app.page.lookup.LookupRow;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wizard's Look up page and {@code spn-doctor lookup} say the same thing for every demo host, text and client:
 * the same status words per SPN, the same verdict word and sentence (both from core's session); the Diagnosis page
 * repeats that verdict, and {@code remedies --json} reports the same verdict for the same client.
 */
class LookupCliParityTest extends DemoPages {
    static final List<String> HOSTS = List.of("srv003.rwwilden01.local", "DYNAMICS-CRM", "mem1.contoso.com",
            "wac01.contoso.com", "srv004.rwwilden01.local", "nosuchhost.contoso.com", "10.0.0.5");
    /** PowerShell remoting's own text (its client is PowerShell), for the host at hand. */
    static final String PS = "Connecting to remote server %s failed with the following error message : WinRM cannot "
            + "process the request. The following error with errorcode 0x80090322 occurred while using Kerberos "
            + "authentication: An unknown security error occurred.";

    /** "SPN|status words" per SPN, in table order (the wizard has a row per holder: one line per SPN here). */
    static List<String> wizardStates(LookupPageModel m) {
        return m.rows().stream().map(r -> r.spn() + "|" + r.statusText()).distinct().toList();
    }

    JsonNode cli(String host, String text, Optional<WinrmClient> client, String... command) throws Exception {
        Path in = home.resolve("text.txt");
        Files.writeString(in, text);
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--demo", "--target", host, "--text-file", in.toString()));
        client.ifPresent(c -> args.addAll(List.of("--client", c.id())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = SpnDoctorCommand.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, rc, err.toString());
        return args.contains("--json") ? LookupJson.MAPPER.readTree(out.toString())
                : LookupJson.MAPPER.createObjectNode().put("text", out.toString());
    }

    void compare(String host, String text, Optional<WinrmClient> client, LookupPageModel lookup) throws Exception {
        String where = host + " / " + client.map(WinrmClient::id).orElse("text's client") + " / " + text;
        HostVerdict v = lookup.hostVerdictProperty().get();
        assertNotNull(v, where);
        assertEquals(v.lead(), lookup.verdictProperty().get(), where);
        assertEquals(v.sentence(), (v.lead() + " " + v.caveatText()).strip(), where);

        JsonNode json = cli(host, text, client, "lookup", "--json").get("assessment");
        List<String> cliStates = new ArrayList<>();
        json.get("states").forEach(s -> cliStates.add(s.get("spn").asText() + "|" + s.get("words").asText()));
        assertEquals(wizardStates(lookup), cliStates, where);
        assertEquals(v.sentence(), json.get("sentence").asText(), where);
        assertEquals(v.word(), json.get("word").asText(), where);
        assertEquals(v.kind().id(), json.get("verdict").asText(), where);

        String table = cli(host, text, client, "lookup").get("text").asText();
        assertTrue(table.contains("Verdict:  " + v.word() + " — " + v.sentence()), where + "\n" + table);
        for (LookupRow r : lookup.rows()) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(r.spn() + " ") && l.contains(" " + r.statusText() + " ")),
                    where + ": " + r.spn() + " " + r.statusText() + "\n" + table);
        }

        if (!host.startsWith("10.")) {   // diagnose looks names up; an address is diagnosed from the text alone
            String diagnose = cli(host, text, client, "diagnose").get("text").asText();
            assertTrue(diagnose.contains("Verdict:  " + v.word() + " — " + v.sentence()), where + "\n" + diagnose);
        }
        // the Diagnosis page repeats the Look up page's verdict, and remedies --json reports it for the same client
        DiagnosisPageModel diagnosis = new DiagnosisPageModel(session, runner, new DiagnosisService());
        diagnosis.onEnter();
        assertEquals(v.lead(), diagnosis.headlineProperty().get(), where);
        assertEquals(v, diagnosis.hostVerdictProperty().get(), where);
        JsonNode remedies = cli(host, text, client, "remedies", "--json");
        assertEquals(v.kind().id(), remedies.get("verdict").asText(), where);
        assertEquals(v.sentence(), remedies.get("sentence").asText(), where);
        assertEquals(session.repair().clientChoice().client().id(), remedies.get("clientId").asText(), where);
    }

    @Test
    void theLookupPageAndTheCli_sayTheSame_forEveryDemoHostAndText() throws Exception {
        for (String host : HOSTS) {
            for (String text : List.of(String.format(PS, host), "", CommonSymptom.SERVER_MANAGER_REFRESH.text(),
                    CommonSymptom.CREDSSP_POLICY.text())) {
                compare(host, text, Optional.empty(), upToLookup(host, text));
            }
        }
    }

    @Test
    void aClientChosenOnTheLookupPage_isTheCliClient() throws Exception {
        for (String host : HOSTS) {
            String text = String.format(PS, host);
            for (WinrmClient c : List.of(WinrmClient.PYPSRP, WinrmClient.SERVER_MANAGER, WinrmClient.ANSIBLE_PSRP)) {
                LookupPageModel lookup = upToLookup(host, text);
                // as the client pane does it (Composition): the choice goes to the session, the page assesses again
                assertTrue(session.repair().useClient(c, ClientSettings.DEFAULT));
                lookup.reassess();
                compare(host, text, Optional.of(c), lookup);
            }
        }
    }

    @Test
    void wac01_withPowerShellText_isHealthyWithAWarning_onBothFaces() throws Exception {
        LookupPageModel lookup = upToLookup("wac01.contoso.com", String.format(PS, "wac01.contoso.com"));
        HostVerdict v = lookup.hostVerdictProperty().get();
        assertEquals(HostVerdict.Kind.HEALTHY, v.kind(), v.sentence());
        assertEquals(HostVerdict.Caveat.WARNING, v.caveat());
        assertTrue(wizardStates(lookup).contains("HTTP/wac01.contoso.com|answered by the computer's HOST/ SPN"), wizardStates(lookup).toString());
        assertTrue(wizardStates(lookup).contains("WSMAN/wac01.contoso.com|missing, not needed by this client"));
        assertTrue(wizardStates(lookup).contains("HTTP/wac01.contoso.com:5985|not registered (optional)"));
        String table = cli("wac01.contoso.com", String.format(PS, "wac01.contoso.com"), Optional.empty(), "lookup").get("text").asText();
        assertTrue(table.contains("answered by the computer's HOST/ SPN") && !table.contains("SPN problem for"), table);
    }
}
