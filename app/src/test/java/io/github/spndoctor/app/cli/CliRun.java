package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.directory.DelegatingDirectory;
import io.github.spndoctor.core.directory.Directory;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

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

    /**
     * Runs with every writing command on {@code directory} (which the command does not close), no answers on
     * standard input, and its audit lines in {@code auditLog}.
     */
    static CliRun onDirectory(Directory directory, Path auditLog, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object o = CommandLine.defaultFactory().create(cls);
                if (o instanceof DirectoryWriteCommand c) {
                    c.opener = opts -> new DelegatingDirectory(directory) {
                        @Override
                        public void close() { }
                    };
                    c.input = new BufferedReader(new StringReader(""));
                    c.executor = new PlanExecutor(new AuditLog(auditLog));
                }
                return cls.cast(o);
            }
        };
        return of(factory, args);
    }
}
