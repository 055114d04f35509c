package io.github.spndoctor.core.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a repair session as the report's timeline shows it: what kind of step, when, a one-line title with the
 * real names ("Applied 1 change to the directory"), and the detail (findings, outcomes) for the report. Immutable.
 * Other parts of SPN Doctor (probes, evidence collectors, the trainer) append their own with
 * {@code RepairSession.record}.
 */
public record TimelineEntry(Kind kind, Instant at, String title, String detail) {
    /** The kinds of step, in the order a session usually takes them. */
    public enum Kind {
        SYMPTOM, LOOKUP, DIAGNOSIS, PLAN, CONFIRM, RECHECK, APPLY, CHECK, UNDO, EVIDENCE, PROBE, NOTE,
        /** What every domain controller held after an apply or an undo (issue 15). */
        REPLICATION;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        /** "Look up", "Apply", ... */
        public String label() {
            return switch (this) {
                case SYMPTOM -> "Symptom";
                case LOOKUP -> "Look up";
                case DIAGNOSIS -> "Diagnosis";
                case PLAN -> "Plan";
                case CONFIRM -> "Confirmed";
                case RECHECK -> "Re-check at commit";
                case APPLY -> "Apply";
                case CHECK -> "Check";
                case UNDO -> "Undo";
                case EVIDENCE -> "Evidence";
                case PROBE -> "Probe";
                case NOTE -> "Note";
                case REPLICATION -> "Replication to every DC";
            };
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }

    /** An entry stamped now. */
    public static TimelineEntry now(Kind kind, String title, String detail) {
        return new TimelineEntry(kind, Instant.now(), title, detail);
    }
}
