package io.github.spndoctor.core.evidence;

/** The form a piece of evidence came in. */
public enum EvidenceKind {
    EVENT_XML("event-xml", "Windows event (XML)"),
    EVENT_TEXT("event-text", "Windows event (text)"),
    KLIST_WINDOWS("klist-windows", "klist (Windows)"),
    KLIST_MIT("klist-mit", "klist (MIT Kerberos)"),
    NEGOTIATE_TOKEN("negotiate-token", "Negotiate token"),
    /** SPN Doctor's own live probe ("Test the connection"): measured, not read from a file. */
    LIVE_PROBE("live-probe", "Live probe");

    private final String id;
    private final String label;

    EvidenceKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable id for JSON ("event-xml"). */
    public String id() { return id; }

    /** Plain words. */
    public String label() { return label; }
}
