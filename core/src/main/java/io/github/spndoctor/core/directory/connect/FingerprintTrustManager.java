package io.github.spndoctor.core.directory.connect;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts exactly one server certificate, identified by the SHA-256 fingerprint the user accepted after seeing it.
 * Any other certificate, including a renewed one, is refused. The certificate must also be within its validity
 * period. Immutable and thread-safe.
 */
final class FingerprintTrustManager implements X509TrustManager {
    private final String pinned;

    FingerprintTrustManager(String normalisedFingerprint) {
        this.pinned = Trust.normaliseFingerprint(normalisedFingerprint);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate.");
        }
        String actual = CapturingTrustManager.sha256(chain[0]);
        if (!actual.equals(pinned)) {
            throw new CertificateException("The server certificate's SHA-256 fingerprint " + actual
                    + " is not the trusted fingerprint " + pinned + ".");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("SPN Doctor never accepts client connections.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
