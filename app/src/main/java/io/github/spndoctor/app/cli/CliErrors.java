package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.DirectoryException;
import picocli.CommandLine;

/** Turns failures into one clear line on standard error and a non-zero exit status; details with --verbose. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_DIRECTORY = 3;
    static final int EXIT_INPUT = 2;
    static final int EXIT_OTHER = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof DirectoryException de) {
            err.println("error: " + de.getMessage());
            if (!de.detail().isEmpty()) {
                err.println("  detail: " + de.detail());
            }
            return EXIT_DIRECTORY;
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("error: " + ex.getMessage());
            return EXIT_INPUT;
        }
        err.println("error: " + ex);
        return EXIT_OTHER;
    }
}
