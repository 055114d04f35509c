package io.github.spndoctor.core.directory.connect;

import io.github.spndoctor.core.directory.DirectoryException;

import javax.net.ssl.X509TrustManager;

/**
 * The product's certificate trust (ADR 0300) for other TLS clients than the directory's, e.g. the live probe's
 * WinRM request over HTTPS: the JVM's store (plus Windows-ROOT on Windows), a PEM CA file, or one pinned
 * fingerprint. No trust-all exists. Stateless.
 */
public final class TrustManagers {
    private TrustManagers() {}

    /** The trust manager for {@code trust}; a CA file that cannot be read is a clear {@link DirectoryException}. */
    public static X509TrustManager of(Trust trust) throws DirectoryException {
        return Transport.trustManager(trust);
    }

    /** Whether the server's name must also match the certificate (not for a pinned fingerprint, ADR 0300). */
    public static boolean checksName(Trust trust) {
        return trust.kind() != Trust.Kind.FINGERPRINT;
    }
}
