package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.core.report.LookupJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code diagnose --evidence}: the requested SPN from an event file drives the lookup on the demo directory. */
public class EvidenceCliTest {
    /** A client System log event 4 in the event schema, as Get-WinEvent's ToXml() writes one (no wrapper). */
    public static String event4(String spn, String server) {
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
                + "Name='Microsoft-Windows-Security-Kerberos' EventSourceName='Kerberos'/><EventID Qualifiers='49152'>4"
                + "</EventID><Level>2</Level><TimeCreated SystemTime='2026-12-01T09:14:03.0000000Z'/><EventRecordID>4711"
                + "</EventRecordID><Channel>System</Channel><Computer>ws07.example.test</Computer></System><EventData>"
                + "<Data Name='Server'>" + server + "</Data><Data Name='TargetName'>" + spn + "</Data></EventData></Event>\n"
                + "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='EventLog'/>"
                + "<EventID>6005</EventID><Channel>System</Channel></System><EventData/></Event>\n";
    }

    @Test
    void eventFileAloneGivesTheVerdictAndNamesTheRequestedSpn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.xml");
        Files.write(f, ("\uFEFF" + event4("HTTP/srv003.rwwilden01.local", "srv003$")).getBytes(StandardCharsets.UTF_16LE));
        DiagnoseCommandTest.Run r = DiagnoseCommandTest.run("", "diagnose", "--demo", "--evidence", f.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = LookupJson.MAPPER.readTree(r.out());
        assertEquals("HTTP/srv003.rwwilden01.local", j.get("requestedSpn").asText());
        assertEquals("http-spn-on-service-account", j.get("causes").get(0).get("id").asText(), r.out());
        JsonNode e = j.get("evidence").get(0);
        assertEquals("events.xml", e.get("file").asText());
        assertEquals("event-xml", e.get("kind").asText());
        assertTrue(e.get("where").asText().startsWith("event 4 (System"), e.toString());
        assertEquals("requested-spn", e.get("facts").get(0).get("type").asText());
        assertEquals("events.xml: event 6005 (EventLog)", j.get("evidenceNotUsed").get(0).asText());
        assertTrue(j.get("disagreement").isNull());
    }

    @Test
    void typedShortNameDisagreesAndTheEvidenceNameIsLookedUp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.xml");
        Files.writeString(f, event4("HTTP/srv003.rwwilden01.local", "srv003$"));
        DiagnoseCommandTest.Run r = DiagnoseCommandTest.run("", "diagnose", "--demo", "--target", "srv003",
                "--evidence", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("From your evidence: events.xml, event 4 (System, Microsoft-Windows-Security-Kerberos)"), r.out());
        assertTrue(r.out().contains("Note: You typed srv003, but the client asked for HTTP/srv003.rwwilden01.local"), r.out());
        assertTrue(r.out().contains("directory lookup of srv003.rwwilden01.local"), r.out());
    }

    @Test
    void unreadableEvidenceIsOneLineAndTheRestStillWorks(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, event4("HTTP/srv003.rwwilden01.local", "srv003$"));
        Path evtx = dir.resolve("System.evtx");
        Files.write(evtx, "ElfFile\0rest-of-a-binary-log".getBytes(StandardCharsets.US_ASCII));
        DiagnoseCommandTest.Run r = DiagnoseCommandTest.run("", "diagnose", "--demo", "--evidence", evtx.toString(),
                dir.resolve("gone.xml").toString(), good.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = LookupJson.MAPPER.readTree(r.out());
        assertEquals(2, j.get("evidenceProblems").size(), r.out());
        assertTrue(j.get("evidenceProblems").get(0).asText().contains("Save Selected Events"));
        assertFalse(j.get("evidenceProblems").get(0).asText().contains("\n"));
        assertEquals("http-spn-on-service-account", j.get("causes").get(0).get("id").asText());
    }
}
