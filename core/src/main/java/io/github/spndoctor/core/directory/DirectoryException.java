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
    private final int resultCode;

    public DirectoryException(Kind kind, String message, String detail, Throwable cause) {
        this(kind, message, detail, cause, -1);
    }

    /** With the LDAP result code the server answered ({@code -1}: none, e.g. the connection broke first). */
    public DirectoryException(Kind kind, String message, String detail, Throwable cause, int resultCode) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
        this.detail = detail == null ? "" : detail;
        this.resultCode = resultCode;
    }

    public DirectoryException(Kind kind, String message) {
        this(kind, message, "", null);
    }

    public Kind kind() { return kind; }

    /** Technical detail: result code, server diagnostic. May be empty. */
    public String detail() { return detail; }

    /** The LDAP result code of the failed operation, or empty when there was none. */
    public java.util.OptionalInt resultCode() {
        return resultCode < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(resultCode);
    }
}
