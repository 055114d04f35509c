package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.ClientAdvice;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code fix}, {@code undo} and {@code converge} watch a journal's values reach every domain controller and
 * print the per-DC table: the one core watch, rounds at most once a second for up to {@code --wait} seconds, a
 * progress line per round on standard error.
 */
final class ConvergenceOutput {
    private ConvergenceOutput() {}

    /** The {@code --wait} option of fix, undo and converge: 0 to 86,400 seconds. */
    static Duration waitTime(long seconds) {
        if (seconds < 0 || seconds > 24 * 3600) {
            throw new IllegalArgumentException("--wait takes 0 to 86400 seconds.");
        }
        return Duration.ofSeconds(seconds);
    }

    /** Watches and returns the last round; empty (with a note) when the directory cannot read its DCs one by one. */
    static Optional<ConvergenceReport> watch(Directory dir, Journal journal, Duration wait, PrintWriter out, PrintWriter err)
            throws DirectoryException {
        Optional<ConvergenceWatch> w = ConvergenceWatch.forJournal(dir, journal);
        if (w.isEmpty()) {
            out.println("Replication to the other domain controllers was not checked: this connection cannot read them one by one.");
            return Optional.empty();
        }
        try (ConvergenceWatch watch = w.get()) {
            if (watch.expected().isEmpty()) {
                out.println("The journal records no value that reached the directory: nothing to watch.");
                return Optional.empty();
            }
            ConvergenceReport r = watch.watch(wait, (report, left) -> {
                if (!wait.isZero() && !report.converged() && !left.isZero()) {
                    err.println("  " + report.count(DcState.CONVERGED) + " of " + report.dcs().size()
                            + " domain controllers hold the change; checking again (" + left.toSeconds() + " s left, Ctrl+C stops)");
                    err.flush();
                }
            }, () -> false);
            return Optional.of(r);
        }
    }

    /** The table, the verdict, and what remains on the clients. */
    static void print(ConvergenceReport r, PrintWriter out) {
        out.println();
        out.println("Domain controllers (" + r.dcs().size() + "):");
        out.print(r.table());
        out.println(r.verdict());
        if (!r.converged()) {
            out.println("Watch on with: spn-doctor converge --journal FILE --wait SECONDS");
        }
        out.println("Then on the clients:");
        for (String s : ClientAdvice.steps(r)) {
            out.println("- " + s);
        }
    }
}
