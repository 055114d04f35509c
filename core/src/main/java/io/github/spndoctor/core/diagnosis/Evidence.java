package io.github.spndoctor.core.diagnosis;

import java.util.Objects;

/**
 * One fact behind a ranked cause: where it came from, what it says, and whether it speaks for the cause or against
 * it. Immutable.
 */
public record Evidence(Source source, String detail, boolean supports) {
    /** Where a fact came from. */
    public enum Source {
        /** The pasted symptom text. */
        TEXT,
        /** The directory lookup. */
        DIRECTORY,
        /** DNS or the shape of the name used. */
        NAME,
        /** Measured by the live probe: a real ticket and a real WinRM request. */
        PROBE;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    public static Evidence directory(String detail) { return new Evidence(Source.DIRECTORY, detail, true); }

    public static Evidence against(Source source, String detail) { return new Evidence(source, detail, false); }
}
