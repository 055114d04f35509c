package io.github.spndoctor.core.evidence;

import java.util.Objects;

/**
 * One thing a piece of evidence proves, in clear words: "Requested SPN: HTTP/srv003.lab.test", "KDC: dc1.lab.test".
 * Values have passed through the core redaction. Immutable.
 */
public record EvidenceFact(Type type, String value) {
    /** What the value is. */
    public enum Type {
        REQUESTED_SPN("Requested SPN"),
        ERROR("Error"),
        SERVER_ACCOUNT("Server account"),
        TICKET_ACCOUNT("Ticket issued for account"),
        DUPLICATE_NAME("Duplicate name"),
        TICKET_HELD("Ticket held for"),
        CLIENT("Client"),
        CLIENT_ADDRESS("Client address"),
        KDC("KDC"),
        REALM("Realm"),
        ENCRYPTION("Encryption type"),
        KEY_VERSION("Ticket key version"),
        NTLM("NTLM"),
        KEY_OF("Ticket key of"),
        HOST_ANSWER("The host's answer"),
        VERDICT("Verdict"),
        DETAIL("Detail");

        private final String label;

        Type(String label) { this.label = label; }

        public String label() { return label; }
    }

    public EvidenceFact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** "Requested SPN: HTTP/srv003.lab.test". */
    @Override
    public String toString() { return type.label() + ": " + value; }
}
