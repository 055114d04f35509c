package io.github.spndoctor.core.ci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: .ci/run stops at once, saying why, when the Samba lab cannot be started (never runs the build). */
class CiRunTest {
    @Test
    void aLabThatCannotStart_stopsTheRunAtOnceWithAClearMessage(@TempDir Path dir) throws Exception {
        Path run = Path.of("..", ".ci", "run").toAbsolutePath().normalize();
        String script = Files.readString(run);
        // only a script that takes the lab from SPNDOCTOR_CI_LAB may be run here: anything else would start the real lab
        assertTrue(script.contains("SPNDOCTOR_CI_LAB"), ".ci/run cannot be pointed at a stand-in lab");
        Path lab = dir.resolve("lab.sh");
        Files.writeString(lab, "#!/bin/bash\necho 'samba: provisioning failed' >&2\nexit 2\n");
        ProcessBuilder pb = new ProcessBuilder("bash", run.toString()).redirectErrorStream(true);
        pb.environment().put("SPNDOCTOR_CI_LAB", lab.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), ".ci/run did not stop at once");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("ci: FAILED: the Samba AD lab could not be started") && out.contains("status 2"), out);
        assertTrue(!out.contains("mvnw") && !out.contains("[INFO]"), "the build never ran: " + out);
    }
}
