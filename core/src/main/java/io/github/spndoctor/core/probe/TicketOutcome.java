package io.github.spndoctor.core.probe;

/** What the KDC said to the ticket request; the ids are the probe's JSON contract. */
public enum TicketOutcome {
    ISSUED("issued", "the KDC issued a ticket"),
    PRINCIPAL_UNKNOWN("principal-unknown", "the KDC knows no account for this SPN (principal unknown)"),
    NOT_UNIQUE("not-unique", "the KDC refused: more than one account holds this SPN"),
    CLOCK_SKEW("clock-skew", "the KDC refused: this machine's clock is too far from the domain controller's"),
    NO_CREDENTIALS("no-credentials", "no Kerberos identity to ask with (no ticket-granting ticket)"),
    UNAVAILABLE("unavailable", "no answer from a KDC, or Kerberos could not be used here");

    private final String id;
    private final String words;

    TicketOutcome(String id, String words) {
        this.id = id;
        this.words = words;
    }

    public String id() { return id; }

    public String words() { return words; }
}
