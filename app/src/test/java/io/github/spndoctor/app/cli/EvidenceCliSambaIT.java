package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CLI acceptance on the Samba lab: {@code diagnose --evidence events.xml --target srv003.lab.test … --json}. */
class EvidenceCliSambaIT {
    @BeforeEach
    void lab() {
        new CliSambaIT().lab();
    }

    @Test
    void evidenceNamesTheRequestedSpnAndTheLabGivesTheVerdict(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.xml");
        Files.writeString(f, EvidenceCliTest.event4("HTTP/srv003.lab.test", "srv003$"));
        JsonNode j = CliSambaIT.json(CliSambaIT.live("diagnose", "--evidence", f.toString(), "--target", "srv003.lab.test",
                "--no-dns", "--json"));
        assertEquals("HTTP/srv003.lab.test", j.get("requestedSpn").asText());
        assertEquals("events.xml", j.get("evidence").get(0).get("file").asText());
        assertEquals("event-xml", j.get("evidence").get(0).get("kind").asText());
        assertEquals("http-spn-on-service-account", j.get("causes").get(0).get("id").asText(), j.toString());
    }
}
