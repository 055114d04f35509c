package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ValueOrigin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One domain controller in one convergence round. Immutable.
 *
 * @param seconds for CONVERGED: seconds after the write when it was first seen holding the change; otherwise the
 *                seconds since the write at this round
 * @param origin  the originating DC and time of the account's SPN values on this DC, when it offers metadata
 * @param pending the values it does not hold yet (empty when converged or unreachable)
 * @param detail  plain words: why it is unreachable, or what its KDC still does while stale
 */
public record DcStatus(DomainController dc, DcState state, double seconds, Optional<ValueOrigin> origin,
                       List<Expectation> pending, String detail) {
    public DcStatus {
        Objects.requireNonNull(dc, "dc");
        Objects.requireNonNull(state, "state");
        origin = origin == null ? Optional.empty() : origin;
        pending = List.copyOf(pending);
        detail = detail == null ? "" : detail;
    }

    /** "4.8 s" with one decimal. */
    public String secondsText() {
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }
}
