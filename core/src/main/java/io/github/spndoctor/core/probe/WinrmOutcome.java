package io.github.spndoctor.core.probe;

/** How the host answered the authenticated request; the ids are the probe's JSON contract. */
public enum WinrmOutcome {
    /** HTTP 2xx, or an answer carrying the host's mutual-authentication token: WinRM read the ticket. */
    ACCEPTED("accepted"),
    /** HTTP 401 to a Kerberos token: the host could not read the ticket (the condition behind 0x80090322). */
    REJECTED("rejected"),
    /** No connection, no answer in time, or an answer that is not HTTP. */
    UNREACHABLE("unreachable"),
    /** Not sent: no ticket, stopped, or nothing listens. */
    NOT_TRIED("not-tried");

    private final String id;

    WinrmOutcome(String id) { this.id = id; }

    public String id() { return id; }
}
