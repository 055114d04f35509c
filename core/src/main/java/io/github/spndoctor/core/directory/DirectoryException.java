package io.github.spndoctor.core.directory;

import java.util.Objects;

/**
 * A directory operation failed. Carries a kind, a sentence for the user, and the technical detail (LDAP result code
 * and server message) for the "Details" view. Never carries a password.
 */
public class DirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Broad reasons a directory call fails, each with its own advice. */
    public enum Kind {
        UNREACHABLE, TIMEOUT, NOT_AUTHENTICATED, ACCESS_DENIED, ENCRYPTION_REQUIRED, UNTRUSTED_CERTIFICATE,
        NO_SUCH_ACCOUNT, VALUE_EXISTS, VALUE_MISSING, REFUSED_BY_DC, READ_ONLY, BAD_INPUT, OTHER
    }

    private final Kind kind;
    private final String detail;

    public DirectoryException(Kind kind, String message, String detail, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
        this.detail = detail == null ? "" : detail;
    }

    public DirectoryException(Kind kind, String message) {
        this(kind, message, "", null);
    }

    public Kind kind() { return kind; }

    /** Technical detail: result code, server diagnostic. May be empty. */
    public String detail() { return detail; }
}
