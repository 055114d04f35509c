package io.github.spndoctor.core.verify;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs an external command and returns its exit status and combined output. The seam that tests replace. */
@FunctionalInterface
public interface CommandRunner {
    /** Result of a finished command. */
    record Result(int exitCode, String output) { }

    Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException;

    /** Runs the command as a child process with a time limit of 30 seconds. */
    CommandRunner PROCESS = (command, extraEnv) -> {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after 30 s");
        }
        return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
    };
}
