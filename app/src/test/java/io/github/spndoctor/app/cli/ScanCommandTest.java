package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.core.report.LookupJson;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void scanOfTheDemoForestPrintsFindingsByCause() {
        Run r = run("scan", "--demo", "--page-size", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("[http-spn-on-service-account]"), r.out());
        assertTrue(r.out().contains("[duplicate-spn]"), r.out());
        assertTrue(r.out().contains("[spn-on-other-computer]"), r.out());
        assertTrue(r.out().contains("svc-srv003-web$ (msa)"), r.out());
        assertTrue(r.err().contains("scanning:"), "progress on stderr: " + r.err());
        assertTrue(r.err().contains("SPNs/s"), r.err());
    }

    @Test
    void jsonIsParseableAndUsesCauseIds() throws Exception {
        Run r = run("scan", "--json", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        JsonNode root = LookupJson.MAPPER.readTree(r.out());
        assertTrue(root.get("complete").asBoolean());
        assertTrue(root.get("spns").asLong() > 10);
        boolean crm = false;
        for (JsonNode f : root.get("findings")) {
            if (f.get("cause").asText().equals("http-spn-on-service-account")
                    && f.get("spns").get(0).asText().equalsIgnoreCase("http/DYNAMICS-CRM")) {
                crm = f.get("accounts").get(0).get("kind").asText().equals("user");
            }
        }
        assertTrue(crm, r.out());
    }

    @Test
    void badPageSizeIsAnInputError() {
        Run r = run("scan", "--page-size", "0");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("--page-size"), r.err());
    }
}
