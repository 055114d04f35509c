package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import picocli.CommandLine.Option;

/** Directory options shared by every subcommand. Without any, the built-in demo directory is used. */
public final class DirectoryOptions {
    @Option(names = "--demo", description = "Use the built-in demo directory (the default).")
    boolean demo;

    /** Opens the directory these options describe. */
    public Directory open() {
        return DemoDirectory.start();
    }
}
