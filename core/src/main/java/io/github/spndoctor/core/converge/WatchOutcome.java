package io.github.spndoctor.core.converge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a watch over every domain controller ended, and its last round: all hold the change, the user stopped, the
 * limit passed (a limit of zero is one look), or nothing could be watched (the connection cannot read its DCs one by
 * one, or no value reached the directory). The words both faces show and the session's report records. Immutable.
 */
public record WatchOutcome(Ending ending, Optional<ConvergenceReport> report, Duration limit) {
    /** Why the watch ended. */
    public enum Ending { CONVERGED, STOPPED, LIMIT, NOT_CHECKED, NOTHING_WRITTEN }

    public WatchOutcome {
        Objects.requireNonNull(ending, "ending");
        report = report == null ? Optional.empty() : report;
        Objects.requireNonNull(limit, "limit");
        if ((ending == Ending.NOT_CHECKED || ending == Ending.NOTHING_WRITTEN) != report.isEmpty()) {
            throw new IllegalArgumentException(ending + " with" + (report.isEmpty() ? "out" : "") + " a round");
        }
    }

    /** The outcome of a watch that ran rounds, ending with {@code last}. */
    public static WatchOutcome of(ConvergenceReport last, boolean stopped, Duration limit) {
        Ending e = last.converged() ? Ending.CONVERGED : stopped ? Ending.STOPPED : Ending.LIMIT;
        return new WatchOutcome(e, Optional.of(last), limit);
    }

    public boolean converged() { return ending == Ending.CONVERGED; }

    /**
     * One sentence: the last round's verdict and how the watch ended ("All 2 domain controllers hold the change (DC2
     * after 4.8 s)." / "1 of 2 … not yet: DC2 (3.0 s since the write). Stopped watching after 5 min.").
     */
    public String verdict() {
        return switch (ending) {
            case NOT_CHECKED -> "Replication to the other domain controllers was not checked: this connection cannot read them one by one.";
            case NOTHING_WRITTEN -> "No SPN value was written, so there is no SPN change to follow to the other domain controllers.";
            case CONVERGED -> report.orElseThrow().verdict();
            case STOPPED -> report.orElseThrow().verdict() + " The watch was stopped before every domain controller had it.";
            case LIMIT -> report.orElseThrow().verdict() + (limit.isZero() ? " (One look; not watched longer.)"
                    : " Stopped watching after " + clock(limit) + ".");
        };
    }

    /** The per-DC table and the steps that remain on the clients; empty when nothing was watched. */
    public String detail() {
        if (report.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(report.get().table());
        sb.append("Then on the clients:\n");
        ClientAdvice.steps(report.get()).forEach(s -> sb.append("- ").append(s).append('\n'));
        return sb.toString();
    }

    /** "5 min", "1 min 30 s", "45 s". */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }
}
