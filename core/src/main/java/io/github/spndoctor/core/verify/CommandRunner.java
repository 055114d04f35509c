package io.github.spndoctor.core.verify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs an external command and returns its exit status and combined output. The seam that tests replace. */
@FunctionalInterface
public interface CommandRunner {
    /** The time limit of {@link #PROCESS}. */
    Duration LIMIT = Duration.ofSeconds(30);

    /**
     * Result of a command: its exit code and output (standard output and error, interleaved); with {@code timedOut}
     * the command was stopped at its time limit, the exit code is -1 and the output is what it printed until then.
     */
    record Result(int exitCode, String output, boolean timedOut) {
        public Result(int exitCode, String output) {
            this(exitCode, output, false);
        }
    }

    Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException;

    /** Runs the command as a child process, stopped with all its descendants after {@link #LIMIT}. */
    CommandRunner PROCESS = new ProcessRunner(LIMIT);

    /** Runs the command as a child process, stopped with all its descendants after {@code limit}. */
    static CommandRunner process(Duration limit) {
        return new ProcessRunner(limit);
    }
}
