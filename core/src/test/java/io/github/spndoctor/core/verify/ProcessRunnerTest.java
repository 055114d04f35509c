package io.github.spndoctor.core.verify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: the time limit fires for a command that never exits, and no process of it outlives the limit. */
class ProcessRunnerTest {
    @Test
    void aCommandThatNeverEnds_isStoppedAtTheLimit_withItsChildren() throws Exception {
        CommandRunner runner = CommandRunner.process(Duration.ofSeconds(1));
        // prints its own pid and a child's, then waits forever on the child
        CommandRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> runner.run(List.of("sh", "-c", "echo shell $$; sleep 600 & echo child $!; wait"), Map.of()));
        assertTrue(r.timedOut(), r.toString());
        assertEquals(-1, r.exitCode());
        assertTrue(r.output().contains("did not finish within 1 s"), r.output());
        for (String line : r.output().split("\n")) {
            if (line.startsWith("shell ") || line.startsWith("child ")) {
                long pid = Long.parseLong(line.substring(6).strip());
                Optional<ProcessHandle> h = ProcessHandle.of(pid);
                for (int i = 0; i < 50 && h.isPresent() && h.get().isAlive(); i++) {
                    Thread.sleep(100);
                }
                assertFalse(h.isPresent() && h.get().isAlive(), line + " still runs");
            }
        }
        assertTrue(r.output().contains("child "), "the output before the limit is kept: " + r.output());
    }

    @Test
    void aCommandThatEnds_givesItsCodeAndBothStreams() throws Exception {
        CommandRunner.Result r = CommandRunner.process(Duration.ofSeconds(20))
                .run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Map.of());
        assertFalse(r.timedOut());
        assertEquals(3, r.exitCode());
        assertTrue(r.output().contains("out") && r.output().contains("err"), r.output());
    }

    @Test
    void hugeOutput_doesNotBlockTheCommand() throws Exception {
        CommandRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CommandRunner.process(Duration.ofSeconds(15))
                .run(List.of("sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' x; echo; exit 0"), Map.of()));
        assertEquals(0, r.exitCode());
        assertEquals(ProcessRunner.MAX_OUTPUT, r.output().length());
    }

    @Test
    void anEndedCommandWhoseChildHoldsTheOutput_returnsSoon() throws Exception {
        CommandRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> CommandRunner.process(Duration.ofSeconds(10))
                .run(List.of("sh", "-c", "sleep 20 & echo started"), Map.of()));
        assertEquals(0, r.exitCode());
        assertTrue(r.output().contains("started"));
    }
}
