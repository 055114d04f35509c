package io.github.spndoctor.core.report;

import java.util.Objects;

/**
 * A piece of evidence gathered during a session beyond the lookup (a Kerberos probe, an event log, a second domain
 * controller's view): where it came from, a title and the detail. Immutable; the report lists them in order.
 */
public record EvidenceItem(String source, String title, String detail) {
    public EvidenceItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }
}
