package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fix --probe} on the trainer demo with its lagging DC2 (issue 15): after the table, each DC's own KDC is asked
 * through the same session step as the wizard's Result page — DC1's issues with the computer's key, DC2's (an hour
 * behind) still with the service account's — and the report says the same.
 */
class FixProbeKdcsCliTest {
    @TempDir
    Path tmp;
    TrainerDemo trainer;
    ReplicatedDemo replicated;

    @BeforeEach
    void start() {
        trainer = TrainerDemo.unsaved(tmp.resolve("demo"), DemoDirectory.start());
        replicated = new ReplicatedDemo(trainer.directory(), Duration.ofHours(1), Clock.systemUTC());
    }

    @AfterEach
    void stop() { trainer.close(); }

    CliRun run(String... args) {
        return CliRun.onDirectory(replicated, tmp.resolve("audit.log"), args);
    }

    @Test
    void fixWithProbe_asksEachDcsOwnKdc_andDc2StillIssuesForTheOldHolder() throws Exception {
        Path report = tmp.resolve("fix.md");
        CliRun r = run("fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--wait", "0",
                "--journal", tmp.resolve("fix.ldif").toString(), "--probe", "--report", report.toString());
        String out = r.out();
        assertTrue(out.contains("Asked the KDC of 2 domain controllers: DC2 still issues tickets with the key of the account "
                + "the SPN was removed from; clients that ask it still fail."), out + r.err());
        String dc1 = out.lines().filter(l -> l.startsWith("- DC1's KDC ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String dc2 = out.lines().filter(l -> l.startsWith("- DC2's KDC ")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(dc1.contains("SRV003$'s key") && dc1.endsWith("The change is in effect on this DC's KDC."), dc1);
        assertTrue(dc2.contains("svc-srv003-web$'s key, the account the SPN was removed from"), dc2);
        assertTrue(Files.readString(report).contains(dc2.substring(2)), "the report has the same words");
        assertEquals(0, r.status(), out + r.err());
    }
}
