package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.evidence.KerberosNames;
import io.github.spndoctor.core.evidence.NegotiateToken;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one service-ticket request. The token is the SPNEGO token to send as {@code Authorization:
 * Negotiate}; it authenticates as the user for a few minutes, so it is never logged or written. Immutable (the
 * token array is copied out).
 *
 * @param detail the KDC's or the library's own words, for the details view
 */
public record TicketResult(TicketOutcome outcome, Optional<NegotiateToken> facts, String detail, Optional<byte[]> tokenBytes) {
    public TicketResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(facts, "facts");
        detail = detail == null ? "" : detail;
        tokenBytes = tokenBytes.map(byte[]::clone);
    }

    static TicketResult failed(TicketOutcome outcome, String detail) {
        return new TicketResult(outcome, Optional.empty(), detail, Optional.empty());
    }

    /** The key version number the ticket carries (from the decoded AP-REQ). */
    public java.util.OptionalInt kvno() {
        return facts.filter(f -> f.ticketKvno().isPresent())
                .map(f -> java.util.OptionalInt.of((int) f.ticketKvno().getAsLong())).orElse(java.util.OptionalInt.empty());
    }

    /** The ticket's encryption type by name, e.g. "aes256-cts-hmac-sha1-96". */
    public Optional<String> etype() {
        return facts.filter(f -> f.ticketEtype().isPresent()).map(f -> KerberosNames.etype(f.ticketEtype().getAsInt()));
    }

    /** A copy of the token. */
    public Optional<byte[]> token() { return tokenBytes.map(byte[]::clone); }

    @Override
    public String toString() { return "TicketResult[" + outcome.id() + ", " + facts + ", " + detail + "]"; }
}
