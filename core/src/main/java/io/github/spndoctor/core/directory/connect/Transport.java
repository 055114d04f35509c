package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;
import io.github.spndoctor.core.directory.UntrustedCertificateException;
import io.github.spndoctor.core.directory.ldap.LdapErrors;

import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one connection attempt reaches its servers: timeouts, LDAPS or StartTLS, which certificates are trusted (the
 * system store, a CA file, a pinned fingerprint), which name a certificate must carry, and how a failed connect is
 * told to the user — a refused certificate with its fingerprint, a Kerberos bind without a ticket. Holds the trust
 * manager of the attempt, so the certificate a server showed can be reported. Thread-safe.
 */
final class Transport {
    private final ConnectionProfile profile;
    private final CapturingTrustManager trust;

    Transport(ConnectionProfile profile) throws DirectoryException {
        this.profile = profile;
        this.trust = profile.security().encrypted() ? new CapturingTrustManager(trustManager(profile.trust())) : null;
    }

    /** One server set over {@code endpoints} (fail-over in order), with the profile's timeouts and protection. */
    ServerSet serverSet(List<Connector.Endpoint> endpoints) throws DirectoryException {
        return serverSet(endpoints, false);
    }

    /**
     * @param synchronous true: the calling thread reads each response itself, with no reader thread per connection
     *                    to hand it over (one operation at a time: the one-connection pools that read one DC)
     */
    ServerSet serverSet(List<Connector.Endpoint> endpoints, boolean synchronous) throws DirectoryException {
        LDAPConnectionOptions opts = new LDAPConnectionOptions();
        opts.setUseSynchronousMode(synchronous);
        opts.setConnectTimeoutMillis((int) profile.connectTimeout().toMillis());
        opts.setResponseTimeoutMillis(profile.responseTimeout().toMillis());
        opts.setUseKeepAlive(true);
        opts.setAbandonOnTimeout(true);
        opts.setFollowReferrals(false);
        if (trust != null && profile.trust().kind() != Trust.Kind.FINGERPRINT) {
            // a pinned certificate is identified by its fingerprint, not by the name in it
            opts.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SocketFactory socketFactory = null;
        PostConnectProcessor startTls = null;
        try {
            SSLUtil ssl = trust == null ? null : new SSLUtil(trust);
            int handshake = (int) Math.min(Integer.MAX_VALUE, Math.max(profile.connectTimeout().toMillis(),
                    profile.responseTimeout().toMillis()));
            if (profile.security() == ConnectionProfile.Security.LDAPS) {
                socketFactory = new HandshakeTimeoutSocketFactory(ssl.createSSLSocketFactory(), handshake);
            } else if (profile.security() == ConnectionProfile.Security.STARTTLS) {
                startTls = new StartTLSPostConnectProcessor(
                        new HandshakeTimeoutSocketFactory(ssl.createSSLSocketFactory(), handshake));
            }
        } catch (GeneralSecurityException e) {
            throw new DirectoryException(Kind.OTHER, "TLS could not be set up: " + e.getMessage(), e.toString(), e);
        }
        List<ServerSet> sets = new ArrayList<>();
        for (Connector.Endpoint e : endpoints) {
            // with --dns-server the address is dialled, but the certificate must name the DC's host name (from the
            // SRV record or the URL), as a real AD certificate does - not the IP address that was dialled
            String dial = profile.dnsServer() != null ? e.address() : e.name();
            LDAPConnectionOptions o = opts;
            if (!dial.equalsIgnoreCase(e.name()) && trust != null && profile.trust().kind() != Trust.Kind.FINGERPRINT) {
                o = opts.duplicate();
                o.setSSLSocketVerifier(new NamedHostVerifier(e.name()));
            }
            sets.add(new SingleServerSet(dial, e.port(), socketFactory, o, null, startTls));
        }
        return sets.size() == 1 ? sets.get(0) : new FailoverServerSet(sets);
    }

    /** A failed connect or bind in plain words: an untrusted certificate first, then the LDAP result. */
    DirectoryException mapConnect(LDAPException e, List<Connector.Endpoint> where) {
        X509Certificate cert = trust == null ? null : trust.lastServerCertificate();
        if (cert != null && isCertificateFailure(e)) {
            String fp = CapturingTrustManager.sha256(cert);
            return new UntrustedCertificateException("The certificate of " + where.get(0).label()
                    + " is not trusted: " + trustAdvice() + " Its SHA-256 fingerprint is " + fp
                    + " (subject " + cert.getSubjectX500Principal().getName() + "). Compare it with the one your "
                    + "domain controller shows before you trust it.",
                    "LDAP result " + e.getResultCode().intValue() + ": " + e.getMessage(), fp,
                    cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(), e);
        }
        if (profile.bindKind() == ConnectionProfile.BindKind.GSSAPI && e.getResultCode().intValue() == 82) {
            return new DirectoryException(Kind.NOT_AUTHENTICATED, "The Kerberos bind failed: no usable ticket in "
                    + "your ticket cache for this domain controller (run kinit, check krb5.conf and the DC's name).",
                    "LDAP result 82: " + e.getMessage(), e);
        }
        return LdapErrors.map(e, "connecting to " + where.get(0).label());
    }

    private String trustAdvice() {
        return switch (profile.trust().kind()) {
            case SYSTEM -> "no certificate authority in the system trust store vouches for it, or it does not name this host.";
            case CA_FILE -> "it is not issued by a certificate authority in " + profile.trust().value()
                    + ", or it does not name this host.";
            case FINGERPRINT -> "it is not the certificate you trusted.";
        };
    }

    private static boolean isCertificateFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("certificate") || m.contains("hostname") || m.contains("host name")) {
                return true;
            }
        }
        return false;
    }

    /** The JVM's trust store (plus the Windows root store on Windows), a CA file, or a pinned fingerprint. */
    static X509TrustManager trustManager(Trust trust) throws DirectoryException {
        try {
            return switch (trust.kind()) {
                case FINGERPRINT -> new FingerprintTrustManager(trust.value());
                case CA_FILE -> {
                    File f = new File(trust.value());
                    if (!f.isFile()) {
                        throw new DirectoryException(Kind.BAD_INPUT, "The CA file " + trust.value() + " does not exist.");
                    }
                    yield new PEMFileTrustManager(f);
                }
                case SYSTEM -> systemTrust();
            };
        } catch (GeneralSecurityException | IOException e) {
            throw new DirectoryException(Kind.BAD_INPUT, "The trust settings cannot be used: " + e.getMessage(), e.toString(), e);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException, IOException {
        KeyStore store = null;
        if (org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS) {
            store = KeyStore.getInstance("Windows-ROOT");
            store.load(null, null);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
