package io.github.spndoctor.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process as the real entry point does (its error handler too), with commands made by {@code factory}. */
record CliRun(int status, String out, String err) {
    static CliRun of(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SpnDoctorCommand(), factory);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new CliErrors());
        int status = cl.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
