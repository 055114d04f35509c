package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.ClientAdvice;
import io.github.spndoctor.core.converge.ConvergenceReport;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.session.RepairSession;

import java.io.PrintWriter;
import java.time.Duration;

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

    /**
     * After fix or undo: the session watches the values its last commit wrote (the one core path, which records the
     * outcome in the session's timeline and report); a progress line per round on {@code err}.
     */
    static WatchOutcome watch(RepairSession session, Duration wait, PrintWriter err) throws DirectoryException {
        return session.watchReplication(wait, progress(wait, err), () -> false);
    }

    /** For converge: the same watch over a journal read from a file, outside any repair session. */
    static WatchOutcome watch(Directory dir, Journal journal, Duration wait, PrintWriter err) throws DirectoryException {
        return ConvergenceWatch.follow(dir, journal, wait, progress(wait, err), () -> false);
    }

    private static ConvergenceWatch.Listener progress(Duration wait, PrintWriter err) {
        return (report, left) -> {
            if (!wait.isZero() && !report.converged() && !left.isZero()) {
                err.println("  " + report.count(DcState.CONVERGED) + " of " + report.dcs().size()
                        + " domain controllers hold the change; checking again (" + left.toSeconds() + " s left, Ctrl+C stops)");
                err.flush();
            }
        };
    }

    /** The outcome: the table, the verdict and the client steps after a round; else why nothing was watched. */
    static void print(WatchOutcome o, PrintWriter out) {
        if (o.report().isPresent()) {
            print(o.report().get(), out);
        } else {
            out.println(o.verdict());
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
