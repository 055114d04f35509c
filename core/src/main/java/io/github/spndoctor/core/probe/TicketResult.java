package io.github.spndoctor.core.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one service-ticket request. The token is the SPNEGO token to send as {@code Authorization:
 * Negotiate}; it authenticates as the user for a few minutes, so it is never logged or written. Immutable (the
 * token array is copied out).
 *
 * @param detail the KDC's or the library's own words, for the details view
 */
public record TicketResult(TicketOutcome outcome, Optional<ApReqFacts> facts, String detail, Optional<byte[]> tokenBytes) {
    public TicketResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(facts, "facts");
        detail = detail == null ? "" : detail;
        tokenBytes = tokenBytes.map(byte[]::clone);
    }

    static TicketResult failed(TicketOutcome outcome, String detail) {
        return new TicketResult(outcome, Optional.empty(), detail, Optional.empty());
    }

    /** A copy of the token. */
    public Optional<byte[]> token() { return tokenBytes.map(byte[]::clone); }

    @Override
    public String toString() { return "TicketResult[" + outcome.id() + ", " + facts + ", " + detail + "]"; }
}
