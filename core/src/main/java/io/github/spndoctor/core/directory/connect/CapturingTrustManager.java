package io.github.spndoctor.core.directory.connect;

import javax.net.ssl.X509TrustManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decorates a trust manager: remembers the last server certificate it was shown (so a refusal can name the
 * certificate's fingerprint and subject), then lets the delegate decide. Thread-safe.
 */
final class CapturingTrustManager implements X509TrustManager {
    private final X509TrustManager delegate;
    private final AtomicReference<X509Certificate> lastServerCertificate = new AtomicReference<>();

    CapturingTrustManager(X509TrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain != null && chain.length > 0) {
            lastServerCertificate.set(chain[0]);
        }
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("SPN Doctor never accepts client connections.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** The server certificate seen last, or null. */
    X509Certificate lastServerCertificate() {
        return lastServerCertificate.get();
    }

    /** SHA-256 over the DER encoding, as upper-case colon-separated hex. */
    static String sha256(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }
}
