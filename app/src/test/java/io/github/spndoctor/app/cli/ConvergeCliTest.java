package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.app.session.DelegatingDirectory;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fix, converge and undo on the demo directory with its simulated second DC, whose lag is driven by a test clock:
 * the same per-DC table after writing, converge --json stale then converged, and the same for undo.
 */
class ConvergeCliTest {
    static final Duration LAG = Duration.ofSeconds(6);
    @TempDir
    Path tmp;
    DemoDirectory demo;
    ReplicatedDemo replicated;
    final MovingClock clock = new MovingClock();

    static final class MovingClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    @BeforeEach
    void start() {
        demo = DemoDirectory.start();
        replicated = new ReplicatedDemo(new DelegatingDirectory(demo) {
            @Override
            public void close() { }
        }, LAG, clock);
    }

    @AfterEach
    void stop() { demo.close(); }

    record Run(int status, String out, String err) { }

    Run run(String... args) {
        CliRun r = CliRun.onDirectory(replicated, tmp.resolve("audit.log"), args);
        return new Run(r.status(), r.out(), r.err());
    }

    JsonNode converge(Path journal) throws Exception {
        Run r = run("converge", "--journal", journal.toString(), "--wait", "0", "--json");
        JsonNode n = new ObjectMapper().readTree(r.out);
        assertEquals(n.path("converged").asBoolean() ? 0 : ConvergeCommand.EXIT_NOT_CONVERGED, r.status, r.out + r.err);
        return n;
    }

    static JsonNode dc(JsonNode report, String prefix) {
        for (JsonNode d : report.path("dcs")) {
            if (d.path("dc").asText().startsWith(prefix)) {
                return d;
            }
        }
        throw new AssertionError(prefix + " not in " + report);
    }

    @Test
    void fixPrintsTheTableAndConvergeWatchesTheSecondDcCatchUp() throws Exception {
        Path journal = tmp.resolve("fix.ldif");
        Run fix = run("fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--no-kerberos",
                "--journal", journal.toString(), "--wait", "0");
        assertEquals(0, fix.status, fix.out + fix.err);
        assertTrue(fix.out.matches("(?s).*dc1\\.rwwilden01\\.local\\s+Default-First-Site-Name\\s+has the change.*"), fix.out);
        assertTrue(fix.out.matches("(?s).*dc2\\.rwwilden01\\.local\\s+Branch-Office\\s+not yet.*"), fix.out);
        assertTrue(fix.out.contains("klist -li 0x3e7 purge"), fix.out);

        JsonNode stale = converge(journal);
        assertFalse(stale.path("converged").asBoolean());
        assertEquals(2, stale.path("dcs").size(), "the account's domain has two DCs: " + stale);
        assertEquals("converged", dc(stale, "dc1.").path("state").asText());
        assertEquals("stale", dc(stale, "dc2.").path("state").asText());
        assertEquals("Branch-Office", dc(stale, "dc2.").path("site").asText());

        clock.now = clock.now.plus(LAG).plusSeconds(1);
        JsonNode done = converge(journal);
        assertTrue(done.path("converged").asBoolean(), done.toString());
        // seconds since the write are measured on the real clock (the watch's), not on the test's lagging-DC clock:
        // a number, never negative; that one look saw both is what the verdict says
        assertTrue(dc(done, "dc2.").path("seconds").isNumber() && dc(done, "dc2.").path("seconds").asDouble() >= 0, done.toString());
        assertTrue(done.path("verdict").asText().startsWith("All 2 domain controllers hold the change (seen "),
                "one look saw both: which came last is not claimed: " + done);

        Run undo = run("undo", "--journal", journal.toString(), "--yes", "--wait", "0");
        assertEquals(0, undo.status, undo.out + undo.err);
        assertTrue(undo.out.matches("(?s).*dc2\\.rwwilden01\\.local\\s+Branch-Office\\s+not yet.*"), undo.out);
        assertTrue(undo.out.contains("15 minutes"), "an undo that adds an SPN back mentions the negative cache: " + undo.out);
    }

    /** fix and undo with --report: the replication verdict the table printed is in the saved report, both formats. */
    @Test
    void fixAndUndoRecordTheReplicationVerdictInTheirReports() throws Exception {
        Path journal = tmp.resolve("fix.ldif");
        Path fixReport = tmp.resolve("fix.md");
        Run fix = run("fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--no-kerberos",
                "--journal", journal.toString(), "--wait", "0", "--report", fixReport.toString());
        assertEquals(0, fix.status, fix.out + fix.err);
        String verdict = fix.out.lines().filter(l -> l.startsWith("1 of 2 domain controllers")).findFirst().orElseThrow(() -> new AssertionError(fix.out));
        String md = java.nio.file.Files.readString(fixReport);
        assertTrue(md.contains("Replication to every DC - After the fix: " + verdict), "printed: " + verdict + "\n" + md);
        assertTrue(md.matches("(?s).*dc2\\.rwwilden01\\.local\\s+Branch-Office\\s+not yet.*"), md);

        clock.now = clock.now.plus(LAG).plusSeconds(1);
        Path undoReport = tmp.resolve("undo.html");
        Run undo = run("undo", "--journal", journal.toString(), "--yes", "--wait", "0", "--report", undoReport.toString());
        assertEquals(0, undo.status, undo.out + undo.err);
        String html = java.nio.file.Files.readString(undoReport);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("Replication to every DC - After the undo: 1 of 2 domain controllers holds the change; not yet: DC2"), html);
        assertTrue(html.contains("Check after undo"), "the undo's own check is in the same report: " + html);
    }

    @Test
    void aNegativeWaitIsRefusedBeforeAnythingIsWritten() {
        Run r = run("fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--wait", "-1");
        assertTrue(r.status != 0 && r.err.contains("--wait takes 0 to 86400 seconds"), r.out + r.err);
        assertTrue(r.out.isEmpty() || !r.out.contains("Journal"), r.out);
    }
}
