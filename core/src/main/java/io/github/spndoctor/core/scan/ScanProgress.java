package io.github.spndoctor.core.scan;

import java.time.Duration;

/**
 * A progress snapshot of a running scan. Immutable.
 *
 * @param phase    "scanning" while pages stream in, "verifying" while candidate conflicts are re-read, "done"
 * @param accounts accounts with at least one SPN seen so far
 * @param spns     SPN values seen so far
 */
public record ScanProgress(String phase, long accounts, long spns, Duration elapsed) {
    /** SPN values per second so far. */
    public double spnsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : spns / s;
    }
}
