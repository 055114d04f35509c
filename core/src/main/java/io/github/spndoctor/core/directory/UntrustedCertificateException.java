package io.github.spndoctor.core.directory;

import java.util.Objects;

/**
 * The domain controller presented a certificate that no configured trust anchor vouches for. Carries the server
 * certificate's SHA-256 fingerprint and subject so a user interface can show them and offer to trust exactly that
 * certificate (a pinned fingerprint) after the user has compared it out of band. Immutable.
 */
public final class UntrustedCertificateException extends DirectoryException {
    private static final long serialVersionUID = 1L;

    private final String sha256Fingerprint;
    private final String subject;
    private final String issuer;

    public UntrustedCertificateException(String message, String detail, String sha256Fingerprint, String subject,
                                         String issuer, Throwable cause) {
        super(Kind.UNTRUSTED_CERTIFICATE, message, detail, cause);
        this.sha256Fingerprint = Objects.requireNonNull(sha256Fingerprint);
        this.subject = subject == null ? "" : subject;
        this.issuer = issuer == null ? "" : issuer;
    }

    /** Upper-case hex pairs separated by colons, e.g. {@code 3A:7F:...}: the form --trust-fingerprint accepts. */
    public String sha256Fingerprint() { return sha256Fingerprint; }

    /** Subject DN of the server certificate. */
    public String subject() { return subject; }

    /** Issuer DN of the server certificate. */
    public String issuer() { return issuer; }
}
