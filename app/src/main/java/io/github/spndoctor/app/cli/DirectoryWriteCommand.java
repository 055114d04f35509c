package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.remedy.LocalSpnPrefix;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * What the subcommands that write to a directory ({@code fix}, {@code undo}) share: how the directory is opened,
 * where confirmation answers come from, which executor writes the audit log, and the local spn_prefix setter. The
 * fields are test seams; by default they use the real console, executor and machine.
 */
abstract class DirectoryWriteCommand implements Callable<Integer> {
    /** Opens the directory from the options. */
    @FunctionalInterface
    interface DirectoryOpener {
        Directory open(DirectoryOptions options) throws DirectoryException;
    }

    LocalSpnPrefix localPrefix = LocalSpnPrefix.here();
    DirectoryOpener opener = DirectoryOptions::open;
    BufferedReader input;
    PlanExecutor executor;

    /** Standard input, read lazily (a --yes run never touches it). */
    BufferedReader in() {
        if (input == null) {
            input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return input;
    }

    /** The executor, with the standard audit log unless a test set one. */
    PlanExecutor executor() {
        if (executor == null) {
            executor = new PlanExecutor();
        }
        return executor;
    }
}
