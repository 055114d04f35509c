package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.connect.Trust;
import io.github.spndoctor.core.directory.connect.TrustManagers;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the probe's WS-Management requests to 5986 validate the host's certificate: the product's trust settings
 * (ADR 0300: the JVM's store, a CA file, or a pinned fingerprint; never trust-all) and the host name as the client
 * typed it (the name in the Host header, not the dialled address, as ADR 0302 does for the DC). Also computes the
 * TLS channel binding a Windows client puts into its Kerberos authenticator over HTTPS ({@code tls-server-end-point},
 * RFC 5929). Immutable.
 */
public record WinrmTls(Trust trust) {
    public WinrmTls {
        Objects.requireNonNull(trust, "trust");
    }

    /** The JVM's trust store (plus Windows-ROOT on Windows), with the host name checked. */
    public static WinrmTls system() { return new WinrmTls(Trust.system()); }

    /** Wraps a connected socket in TLS to {@code host} and completes the handshake (bounded by its read timeout). */
    SSLSocket handshake(Socket plain, String host, int port) throws IOException {
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{TrustManagers.of(trust)}, null);
        } catch (GeneralSecurityException | DirectoryException e) {
            throw new IOException("the TLS settings cannot be used: " + e.getMessage(), e);
        }
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        if (TrustManagers.checksName(trust)) {
            p.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            try {
                p.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notADnsName) {
                // no SNI for such a name; the name check above still runs
            }
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    /**
     * The GSS-API channel binding's application data for a server certificate: {@code "tls-server-end-point:"} and
     * the certificate's hash (RFC 5929 §4.1: the hash of its signature algorithm; SHA-256 for MD5 and SHA-1).
     */
    public static byte[] endPointBinding(Certificate cert) {
        try {
            byte[] hash = MessageDigest.getInstance(bindingHash(cert)).digest(cert.getEncoded());
            byte[] prefix = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[prefix.length + hash.length];
            System.arraycopy(prefix, 0, out, 0, prefix.length);
            System.arraycopy(hash, 0, out, prefix.length, hash.length);
            return out;
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The certificate cannot be hashed: " + e.getMessage(), e);
        }
    }

    /**
     * True when this JDK binds a TLS channel the way Windows checks it. The GSS-API hash of channel bindings without
     * addresses covers their address type: Windows (SSPI) and MIT clients write 0 (unspecified), while the JDK's
     * public {@code ChannelBinding} writes 255 (GSS_C_AF_NULLADDR), so a Windows host would find the binding wrong.
     * The JDK's own HTTPS client uses its internal {@code TlsChannelBindingImpl}, which writes 0; SPN Doctor uses it
     * too when the module exports it ({@code --add-exports java.security.jgss/sun.security.jgss.krb5.internal},
     * set in the jar's manifest and the test runs).
     */
    public static boolean windowsCompatibleBinding() {
        return TLS_BINDING != null;
    }

    private static final java.lang.reflect.Constructor<?> TLS_BINDING = tlsBindingConstructor();

    private static java.lang.reflect.Constructor<?> tlsBindingConstructor() {
        try {
            java.lang.reflect.Constructor<?> c = Class.forName("sun.security.jgss.krb5.internal.TlsChannelBindingImpl")
                    .getConstructor(byte[].class);
            c.newInstance((Object) new byte[0]);   // fails here when the package is not exported to us
            return c;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The channel binding to hand to GSS-API for {@code applicationData} (see {@link #windowsCompatibleBinding}). */
    static org.ietf.jgss.ChannelBinding gssBinding(byte[] applicationData) {
        if (TLS_BINDING != null) {
            try {
                return (org.ietf.jgss.ChannelBinding) TLS_BINDING.newInstance((Object) applicationData);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the public form
            }
        }
        return new org.ietf.jgss.ChannelBinding(applicationData);
    }

    static String bindingHash(Certificate cert) {
        String alg = cert instanceof X509Certificate x ? x.getSigAlgName().toUpperCase(Locale.ROOT) : "";
        if (alg.startsWith("SHA384")) {
            return "SHA-384";
        }
        if (alg.startsWith("SHA512")) {
            return "SHA-512";
        }
        return "SHA-256";   // SHA256with…, and MD5 / SHA-1 signatures are hashed with SHA-256 (RFC 5929)
    }
}
