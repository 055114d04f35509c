package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.ConvergenceJson;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.directory.Directory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code converge --journal FILE [--wait SECONDS] [--json]}: reads every value the journal changed on each domain
 * controller of the forest and says which hold the change, which are stale and which cannot be reached; polls until
 * all agree or the wait is over. Exit 0 when every DC holds the change, 7 when not (stale or unreachable).
 */
@Command(name = "converge", mixinStandardHelpOptions = true,
        description = "After fix or undo: show, domain controller by domain controller, which already hold the change.")
public final class ConvergeCommand extends DirectoryWriteCommand {
    static final int EXIT_NOT_CONVERGED = 7;

    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "The journal written by fix or undo (or by the wizard).")
    Path journalFile;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "Keep checking, once a second, until every DC holds the change or this many seconds have passed (default: ${DEFAULT-VALUE}; 0 checks once).")
    long waitSeconds = ConvergenceWatch.DEFAULT_LIMIT.toSeconds();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    DirectoryOptions directory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration wait = ConvergenceOutput.waitTime(waitSeconds);
        Journal journal = Journal.read(journalFile);
        try (Directory dir = opener.open(directory)) {
            PrintWriter text = json ? new PrintWriter(java.io.Writer.nullWriter()) : out;
            text.println("Directory: " + dir.info().banner());
            text.println("Journal:   " + journal.remedyId() + " on " + journal.target() + ", written " + journal.lastWriteAt());
            WatchOutcome o = ConvergenceOutput.watch(dir, journal, wait, err);
            Optional<ConvergenceReport> r = o.report();
            if (r.isEmpty()) {
                text.println(o.verdict());
                if (json) {
                    out.println("{\"converged\": false, \"dcs\": [], \"verdict\": \"not checked\"}");
                }
                return EXIT_NOT_CONVERGED;
            }
            if (json) {
                out.println(ConvergenceJson.render(r.get()));
            } else {
                ConvergenceOutput.print(r.get(), out);
            }
            out.flush();
            return r.get().converged() ? 0 : EXIT_NOT_CONVERGED;
        }
    }
}
