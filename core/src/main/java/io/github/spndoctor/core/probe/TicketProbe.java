package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.model.Spn;

/**
 * The live probe's ticket step on its own: one service ticket for an SPN from the KDC the environment names (fresh,
 * in its own Subject; the user's cache is only read), for callers that ask several KDCs in turn — the check of every
 * domain controller's KDC after a write. Blocks; never on the UI thread. Stateless.
 */
public final class TicketProbe {
    private TicketProbe() {}

    /** Asks {@code env}'s KDC for a ticket to {@code spn}; never throws. */
    public static TicketResult request(Spn spn, ProbeEnvironment env) {
        try {
            return KerberosTicketRequest.request(spn, env);
        } catch (RuntimeException e) {
            return TicketResult.failed(TicketOutcome.UNAVAILABLE, "Kerberos failed: " + e);
        }
    }

    /** "issued: HTTP/x@REALM, aes256-cts-hmac-sha1-96, key version 2", or the refusal in words. */
    public static String describe(TicketResult t) { return LiveProbe.ticketLine(t); }
}
