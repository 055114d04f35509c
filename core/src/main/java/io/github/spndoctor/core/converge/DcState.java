package io.github.spndoctor.core.converge;

import java.util.Locale;

/** Where one domain controller stands after a write. */
public enum DcState {
    /** Every value the journal changed is there as it should be. */
    CONVERGED("has the change"),
    /** Answered, but still shows at least one old value: replication has not reached it yet. */
    STALE("not yet"),
    /** Could not be read: never counted as converged. */
    UNREACHABLE("unreachable");

    private final String words;

    DcState(String words) { this.words = words; }

    /** The JSON id: "converged", "stale", "unreachable". */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** Plain words for the table: "has the change", "not yet", "unreachable". */
    public String words() { return words; }
}
