package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.model.UnusualSpn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a forest scan found. {@code complete} is false when the scan was cancelled: the findings are then real but
 * the forest was not fully read, so the absence of a finding proves nothing. {@code unusual} lists SPNs with hidden or
 * look-alike characters (at most {@link #MAX_UNUSUAL}). Immutable.
 */
public record ScanReport(List<ScanFinding> findings, long accounts, long spns, boolean complete, DirectoryInfo source,
                         Instant startedAt, Duration elapsed, List<UnusualSpn> unusual) {
    /** Unusual SPNs kept at most (the count beyond is not reported one by one). */
    public static final int MAX_UNUSUAL = 1_000;

    public ScanReport(List<ScanFinding> findings, long accounts, long spns, boolean complete, DirectoryInfo source,
                      Instant startedAt, Duration elapsed) {
        this(findings, accounts, spns, complete, source, startedAt, elapsed, List.of());
    }

    public ScanReport {
        unusual = List.copyOf(unusual);
        findings = List.copyOf(findings);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
