package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookupCommandTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void jsonNamesTheManagedServiceAccountAndTheTopCause() throws Exception {
        Run r = run("lookup", "--demo", "--target", "srv003.rwwilden01.local", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("srv003.rwwilden01.local", root.get("target").asText());
        assertEquals("SRV003$", root.get("computer").get("sAMAccountName").asText());
        JsonNode http = null;
        for (JsonNode reg : root.get("registrations")) {
            if (reg.get("spn").asText().equalsIgnoreCase("HTTP/srv003.rwwilden01.local")) {
                http = reg;
            }
        }
        assertTrue(http != null, "HTTP/srv003.rwwilden01.local must be listed");
        assertEquals(1, http.get("holders").size());
        assertEquals("msa", http.get("holders").get(0).get("kind").asText());
        assertEquals("svc-srv003-web$", http.get("holders").get(0).get("sAMAccountName").asText());
        assertEquals("http-spn-on-service-account", root.get("causes").get(0).get("id").asText());
    }

    @Test
    void healthyHostReportsNoCauseAndTheComputer() throws Exception {
        Run r = run("lookup", "--target", "srv004.rwwilden01.local", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(0, root.get("causes").size());
        assertEquals("computer", root.get("computer").get("kind").asText());
    }

    @Test
    void tableIsReadable() {
        Run r = run("lookup", "--target", "DYNAMICS-CRM");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("crmIisPoolServiceAccount (user)"), r.out());
        assertTrue(r.out().contains("http-spn-on-service-account"), r.out());
    }

    @Test
    void badTargetGivesAClearMessageAndExitStatus() {
        Run r = run("lookup", "--target", "srv*)(objectClass=*");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not a valid host name"), r.err());
    }

    @Test
    void helpListsSubcommandsAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("lookup"), r.out());
    }

    /** Issue 9: DOMAIN\\host and a pasted SPN look up the host; a port outside 1-65535 is refused. */
    @Test
    void netbiosAndSpnForms_lookUpTheHost_andABadPortIsRefused() throws Exception {
        for (String t : new String[] {"RWWILDEN01\\srv003", "HTTP/srv003.rwwilden01.local:5985"}) {
            Run r = run("lookup", "--demo", "--target", t, "--json");
            assertEquals(0, r.status(), t + ": " + r.err());
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertEquals("SRV003$", root.get("computer").get("sAMAccountName").asText(), t);
            assertTrue(root.get("target").asText().toLowerCase().startsWith("srv003"), t + " -> " + root.get("target"));
        }
        Run bad = run("lookup", "--demo", "--target", "srv003:99999");
        assertTrue(bad.status() != 0, "refused: " + bad.out());
        assertTrue(bad.err().contains("99999") && bad.err().contains("1-65535"), bad.err());
        Run hidden = run("lookup", "--demo", "--target", "srv\u200B003");
        assertTrue(hidden.status() != 0);
        assertTrue(hidden.err().contains("U+200B") && hidden.err().contains("position 4"), hidden.err());
    }
}
