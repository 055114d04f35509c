package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.model.DirectoryInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a forest scan found. {@code complete} is false when the scan was cancelled: the findings are then real but
 * the forest was not fully read, so the absence of a finding proves nothing. Immutable.
 */
public record ScanReport(List<ScanFinding> findings, long accounts, long spns, boolean complete, DirectoryInfo source,
                         Instant startedAt, Duration elapsed) {
    public ScanReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
