package io.github.spndoctor.core.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link CommandRunner} over a real child process with a real time limit: the output is read on its own thread while
 * this one waits, so a command that never ends (a hung {@code kvno}, {@code klist} or {@code reg}) is stopped at the
 * limit, together with every process it started, and reported as timed out. Output beyond {@link #MAX_OUTPUT} bytes
 * is dropped. An interrupt (the user stopped the wait) stops the process tree too.
 */
final class ProcessRunner implements CommandRunner {
    static final int MAX_OUTPUT = 1 << 20;
    /** How long the output may still flow after the process ended (a descendant may hold the pipe open). */
    private static final long DRAIN_MS = 2_000;

    private final Duration limit;

    ProcessRunner(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive");
        }
        this.limit = limit;
    }

    @Override
    public Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(p.getInputStream(), out), "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            throw e;
        }
        if (!finished) {
            killTree(p);
            reader.join(DRAIN_MS);
            return new Result(-1, text(out) + (out.size() > 0 ? "\n" : "") + "Stopped: " + command.get(0)
                    + " did not finish within " + limit.toSeconds() + " s.", true);
        }
        reader.join(DRAIN_MS);
        if (reader.isAlive()) {
            killTree(p);  // the command ended but something it started still holds the output open
            p.getInputStream().close();
        }
        return new Result(p.exitValue(), text(out));
    }

    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (out) {
                    if (out.size() < MAX_OUTPUT) {
                        out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed because the process was stopped: what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
