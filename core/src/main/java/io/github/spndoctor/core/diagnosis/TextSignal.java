package io.github.spndoctor.core.diagnosis;

/** Facts derived from the shape of what the text names (not from a single phrase). Used as rule conditions. Immutable. */
public enum TextSignal {
    /** The target named in the text is an IPv4 or IPv6 address. */
    TARGET_IS_IP("the target named in the text is an IP address"),
    /** The target named in the text is localhost. */
    TARGET_IS_LOCALHOST("the target named in the text is the local machine"),
    /** An event or trace says the client asked for an HTTP/ SPN. */
    REQUESTED_HTTP_SPN("the client asked for an HTTP/ SPN"),
    /** An event or trace says the client asked for a WSMAN/ SPN. */
    REQUESTED_WSMAN_SPN("the client asked for a WSMAN/ SPN"),
    /** An event or trace says the client asked for a HOST/ or other SPN. */
    REQUESTED_OTHER_SPN("the client asked for a HOST/ or other non-HTTP SPN");

    private final String description;

    TextSignal(String description) { this.description = description; }

    public String description() { return description; }
}
