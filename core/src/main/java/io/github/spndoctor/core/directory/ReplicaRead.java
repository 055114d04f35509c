package io.github.spndoctor.core.directory;

import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One account as one domain controller holds it right now: its SPN values, or that the DC does not have the entry,
 * or that the DC could not be read. Immutable.
 *
 * @param status     what the read found
 * @param spns       the servicePrincipalName values (empty unless FOUND)
 * @param usnChanged the entry's uSNChanged on that DC (local to it), or -1
 * @param origin     originating DC and time of the SPN values, when the DC offers replication metadata
 * @param detail     for UNREACHABLE: why, in plain words; else what was compared
 */
public record ReplicaRead(Status status, List<Spn> spns, long usnChanged, Optional<ValueOrigin> origin, String detail) {
    /** Outcome of a read on one DC. */
    public enum Status { FOUND, ABSENT, UNREACHABLE }

    public ReplicaRead {
        Objects.requireNonNull(status, "status");
        spns = List.copyOf(spns);
        origin = origin == null ? Optional.empty() : origin;
        detail = detail == null ? "" : detail;
    }

    public static ReplicaRead unreachable(String why) {
        return new ReplicaRead(Status.UNREACHABLE, List.of(), -1, Optional.empty(), why);
    }

    public static ReplicaRead absent() {
        return new ReplicaRead(Status.ABSENT, List.of(), -1, Optional.empty(), "");
    }

    /** True when the DC holds {@code spn} on the account (case-insensitive, as AD matches). */
    public boolean holds(Spn spn) {
        return spns.stream().anyMatch(s -> s.equals(spn) || s.toString().equalsIgnoreCase(spn.toString()));
    }
}
