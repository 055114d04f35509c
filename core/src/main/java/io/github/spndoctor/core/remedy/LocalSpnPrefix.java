package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.verify.CommandRunner;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets or removes the WinRM client's spn_prefix value on the machine SPN Doctor runs on, with {@code reg.exe}. Only
 * on Windows, and only from an elevated process (HKLM). Each call runs one command and reports its result.
 * Immutable; thread-safe.
 */
public final class LocalSpnPrefix {
    private final CommandRunner runner;
    private final boolean windows;

    public LocalSpnPrefix(CommandRunner runner, boolean windows) {
        this.runner = runner;
        this.windows = windows;
    }

    /** For this machine. */
    public static LocalSpnPrefix here() {
        return new LocalSpnPrefix(CommandRunner.PROCESS,
                org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS);
    }

    public boolean supported() { return windows; }

    /** Sets spn_prefix = WSMAN. */
    public CommandRunner.Result set() throws IOException, InterruptedException {
        return run(ClientSteps.regAddArgs());
    }

    /** Removes spn_prefix again. */
    public CommandRunner.Result undo() throws IOException, InterruptedException {
        return run(ClientSteps.regDeleteArgs());
    }

    private CommandRunner.Result run(List<String> cmd) throws IOException, InterruptedException {
        if (!windows) {
            throw new UnsupportedOperationException("spn_prefix is a Windows registry value; on this system, give the "
                    + ".reg file or the reg add line to each Windows client instead.");
        }
        CommandRunner.Result r = runner.run(cmd, Map.of());
        if (r.exitCode() != 0 && r.output().toLowerCase(Locale.ROOT).contains("access is denied")) {
            return new CommandRunner.Result(r.exitCode(), r.output().strip()
                    + "\nSetting spn_prefix needs an elevated prompt (Run as administrator).");
        }
        return r;
    }
}
