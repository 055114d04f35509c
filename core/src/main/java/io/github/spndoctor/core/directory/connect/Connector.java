package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.ReadOnlyDirectory;
import io.github.spndoctor.core.directory.UntrustedCertificateException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.ldap.DomainRouter;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.directory.ldap.LdapErrors;
import io.github.spndoctor.core.directory.ldap.LdapReplicas;

import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Opens a {@link Directory} for a {@link ConnectionProfile}: discovers domain controllers and global catalogs when
 * only a domain is named, protects the transport (LDAPS or StartTLS with certificate validation), binds (simple with
 * the given password, or Kerberos from the user's ticket cache), reads the base DNs from the rootDSE, and builds
 * two connection pools: the domain controller (reads, writes) and the global catalog (forest-wide lookups, scans).
 *
 * <p>Refuses a simple bind over an unencrypted connection unless the profile allows it. Never trusts a certificate
 * silently: an unknown one fails with {@link UntrustedCertificateException} carrying its fingerprint. Stateless;
 * thread-safe. Blocks on the network: never call it on a UI thread.
 */
public final class Connector {
    /** Most connections one pool opens. */
    static final int MAX_POOL = 4;

    private Connector() {}

    /**
     * Opens the directory the profile describes.
     *
     * @param password for a simple bind; ignored otherwise. Not retained beyond the pool's rebind request, and
     *                 the caller may wipe its array after this returns.
     * @throws DirectoryException with a plain-language message (and the technical detail) when anything fails
     */
    public static Directory open(ConnectionProfile profile, char[] password) throws DirectoryException {
        if (profile.mode() == ConnectionProfile.Mode.DEMO) {
            Directory demo = io.github.spndoctor.core.directory.demo.ReplicatedDemo.around(DemoDirectory.start());
            return profile.readOnly() ? new ReadOnlyDirectory(demo) : demo;
        }
        if (profile.needsPassword() && !profile.security().encrypted() && !profile.allowPlain()) {
            throw new DirectoryException(Kind.ENCRYPTION_REQUIRED,
                    "Refused: a simple bind over an unencrypted connection would send the password in clear text. "
                            + "Use LDAPS or StartTLS, Kerberos (GSSAPI), or allow plain LDAP explicitly.",
                    "security=PLAIN, bind=" + profile.bindKind(), null);
        }
        if (profile.needsPassword() && (password == null || password.length == 0)) {
            throw new DirectoryException(Kind.NOT_AUTHENTICATED, "A password is needed for a simple bind as "
                    + profile.bindIdentity() + ".");
        }
        return new Session(profile, password).open();
    }

    /** One connection attempt; holds the trust managers so a refused certificate can be reported. */
    private static final class Session {
        private final ConnectionProfile profile;
        private final char[] password;
        private final CapturingTrustManager trust;
        private final SrvDiscovery dns;

        Session(ConnectionProfile profile, char[] password) throws DirectoryException {
            this.profile = profile;
            this.password = password;
            this.trust = profile.security().encrypted() ? new CapturingTrustManager(trustManager(profile.trust())) : null;
            this.dns = new SrvDiscovery(profile.dnsServer(), (int) Math.min(5000, profile.connectTimeout().toMillis()));
        }

        Directory open() throws DirectoryException {
            List<Endpoint> dcs = domainControllers();
            ServerSet dcSet = serverSet(dcs);
            RootDSE root = rootDse(dcSet, dcs);
            String domainBase = profile.baseDn() != null ? profile.baseDn() : attr(root, "defaultNamingContext");
            if (domainBase == null) {
                throw new DirectoryException(Kind.OTHER, "The server did not name its domain (no defaultNamingContext in "
                        + "the rootDSE). Is it an Active Directory domain controller? Name the base DN in the connection settings to continue.");
            }
            String saslHost = attr(root, "dnsHostName");
            BindRequest bind = bindRequest(saslHost != null ? saslHost : dcs.get(0).name());
            // the DC pool is not required to open: the GC's bind below proves the credentials, and a DC that fails
            // later gets the same mapped error on its first read or write. Its first connection (TLS handshake and
            // bind) is made in the background, overlapping the GC's, because a lookup re-reads its accounts there.
            LDAPConnectionPool domain = pool(dcSet, bind, dcs, 0);
            warmUp(domain);
            LDAPConnectionPool gc;
            List<Endpoint> gcs;
            try {
                gcs = globalCatalogs(dcs, root);
                boolean sameHost = gcs.get(0).name().equalsIgnoreCase(dcs.get(0).name());
                gc = pool(serverSet(gcs), sameHost ? bind : bindRequest(gcs.get(0).name()), gcs, 1);
            } catch (DirectoryException e) {
                domain.close();
                if (e.kind() == Kind.NOT_AUTHENTICATED || e.kind() == Kind.ACCESS_DENIED || e.kind() == Kind.UNTRUSTED_CERTIFICATE) {
                    throw e; // a rejected password (or certificate) says so; it is not a missing global catalog
                }
                throw new DirectoryException(e.kind(), "The domain controller answered, but no global catalog did: "
                        + e.getMessage() + " A lookup needs the global catalog to see every domain of the forest; "
                        + "name a global catalog server in the connection settings.", e.detail(), e);
            }
            int limit = (int) Math.max(1, profile.responseTimeout().toSeconds());
            String server = dcs.get(0).label() + " · GC " + gcs.get(0).label();
            DirectoryInfo info = new DirectoryInfo(false, server, identity(), profile.readOnly());
            LDAPConnectionPool gcPool = gc;
            String homeContext = attr(root, "defaultNamingContext") != null ? attr(root, "defaultNamingContext") : domainBase;
            DomainRouter router;
            try {
                router = DomainRouter.forest(domain, homeContext, attr(root, "configurationNamingContext"),
                        dnsDomain -> otherDomain(dnsDomain, bind), limit);
            } catch (DirectoryException e) {
                gc.close();
                domain.close();
                throw e;
            }
            LdapReplicas replicas = new LdapReplicas(domain, attr(root, "configurationNamingContext"),
                    (host, globalCatalog) -> oneDc(host, globalCatalog, bind, saslHost, dcs.get(0).name()), limit);
            return new LdapDirectory(gc, "", router, info, limit, () -> {
                gcPool.close();
                domain.close();
            }, replicas);
        }

        /**
         * A pool to a DC of another domain of the forest, found by SRV discovery, with the same transport, trust and
         * identity. Runs after {@link #open()} has returned, so it never reads the password array again: a simple
         * bind reuses the request built then; a Kerberos bind needs only the DC's name.
         */
        private LDAPConnectionPool otherDomain(String dnsDomain, BindRequest homeBind) throws DirectoryException {
            List<Endpoint> dcs = new ArrayList<>();
            try {
                for (SrvDiscovery.Endpoint e : dns.domainControllers(dnsDomain)) {
                    dcs.add(endpoint(e.host(), profile.security().defaultPort()));
                }
            } catch (DirectoryException e) {
                throw new DirectoryException(e.kind(), "No domain controller of " + dnsDomain + " could be found in DNS: "
                        + e.getMessage() + " Accounts in that domain are read and changed on its own DCs.", e.detail(), e);
            }
            if (dcs.isEmpty()) {
                throw new DirectoryException(Kind.UNREACHABLE, "DNS lists no domain controller for " + dnsDomain + ".",
                        "SRV _ldap._tcp.dc._msdcs." + dnsDomain, null);
            }
            BindRequest bind = profile.bindKind() == ConnectionProfile.BindKind.GSSAPI ? gssapi(dcs.get(0).name()) : homeBind;
            return pool(serverSet(dcs), bind, dcs, 1);
        }

        /**
         * A one-connection pool to the DC {@code host} itself (its DC or GC port), for reading an account on every DC
         * after a write: same transport, trust and identity as the session, and like {@link #otherDomain} it never
         * reads the password array again.
         */
        private LDAPConnectionPool oneDc(String host, boolean globalCatalog, BindRequest homeBind, String homeDnsName,
                                         String homeAsGiven) throws DirectoryException {
            int port = globalCatalog ? profile.effectiveGcPort()
                    : profile.port() != 0 ? profile.port() : profile.security().defaultPort();
            // the session's own DC is dialled as the user named it (an address, or a name only their resolver knows)
            String dial = host.equalsIgnoreCase(homeDnsName) ? homeAsGiven : host;
            List<Endpoint> at = List.of(endpoint(dial, port));
            BindRequest bind = profile.bindKind() == ConnectionProfile.BindKind.GSSAPI ? gssapi(host) : homeBind;
            LDAPConnectionPool p = pool(serverSet(at), bind, at, 1);
            p.setMaxWaitTimeMillis(0);
            return p;
        }

        /** Opens one connection of {@code pool} on a daemon thread; a failure is left for the first real use. */
        private static void warmUp(LDAPConnectionPool pool) {
            Thread t = new Thread(() -> {
                try {
                    pool.releaseConnection(pool.getConnection());
                } catch (LDAPException | RuntimeException ignored) {
                    // reported, mapped, by the first operation that needs the DC
                }
            }, "spn-doctor DC warm-up");
            t.setDaemon(true);
            t.start();
        }

        private String identity() {
            return switch (profile.bindKind()) {
                case SIMPLE_DN, SIMPLE_UPN -> profile.bindIdentity();
                case GSSAPI -> profile.bindIdentity() != null ? profile.bindIdentity() + " (Kerberos)" : "Kerberos ticket cache";
                case ANONYMOUS -> "anonymous";
            };
        }

        private List<Endpoint> domainControllers() throws DirectoryException {
            if (profile.host() != null) {
                return List.of(endpoint(profile.host(), profile.effectivePort()));
            }
            List<Endpoint> out = new ArrayList<>();
            for (SrvDiscovery.Endpoint e : dns.domainControllers(profile.domain())) {
                int port = profile.port() != 0 ? profile.port() : profile.security().defaultPort();
                out.add(endpoint(e.host(), port));
            }
            return out;
        }

        private List<Endpoint> globalCatalogs(List<Endpoint> dcs, RootDSE root) throws DirectoryException {
            int port = profile.effectiveGcPort();
            if (profile.gcHost() != null) {
                return List.of(endpoint(profile.gcHost(), port));
            }
            if ("TRUE".equalsIgnoreCase(attr(root, "isGlobalCatalogReady"))) {
                return dcs.stream().map(d -> new Endpoint(d.name(), d.address(), port)).toList();
            }
            String forest = dnsName(attr(root, "rootDomainNamingContext"));
            if (forest == null) {
                forest = profile.domain();
            }
            if (forest == null) {
                throw new DirectoryException(Kind.UNREACHABLE, "This domain controller is not a global catalog and the "
                        + "forest name is unknown.");
            }
            List<Endpoint> out = new ArrayList<>();
            for (SrvDiscovery.Endpoint e : dns.globalCatalogs(forest)) {
                out.add(endpoint(e.host(), port));
            }
            return out;
        }

        /** A host as the user knows it, and the address to dial (resolved via the profile's DNS server if any). */
        private Endpoint endpoint(String host, int port) throws DirectoryException {
            String address = host;
            if (profile.dnsServer() != null && !isAddress(host)) {
                List<String> addrs = dns.addresses(host);
                if (addrs.isEmpty()) {
                    throw new DirectoryException(Kind.UNREACHABLE, "DNS has no address for " + host + ".",
                            "A/AAAA " + host + " via " + profile.dnsServer(), null);
                }
                address = addrs.get(0);
            }
            return new Endpoint(host, address, port);
        }

        private ServerSet serverSet(List<Endpoint> endpoints) throws DirectoryException {
            LDAPConnectionOptions opts = new LDAPConnectionOptions();
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
            for (Endpoint e : endpoints) {
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

        private RootDSE rootDse(ServerSet set, List<Endpoint> where) throws DirectoryException {
            try (LDAPConnection c = set.getConnection()) {
                RootDSE root = c.getRootDSE();
                if (root == null) {
                    throw new DirectoryException(Kind.OTHER, "The server at " + where.get(0).label()
                            + " returned no rootDSE; it does not look like a domain controller.");
                }
                return root;
            } catch (LDAPException e) {
                throw mapConnect(e, where);
            }
        }

        private LDAPConnectionPool pool(ServerSet set, BindRequest bind, List<Endpoint> where, int initial)
                throws DirectoryException {
            try {
                LDAPConnectionPool pool = new LDAPConnectionPool(set, bind, initial, MAX_POOL);
                pool.setRetryFailedOperationsDueToInvalidConnections(false);
                pool.setConnectionPoolName("spn-doctor " + where.get(0).label());
                return pool;
            } catch (LDAPException e) {
                throw mapConnect(e, where);
            }
        }

        private BindRequest bindRequest(String saslHost) throws DirectoryException {
            return switch (profile.bindKind()) {
                case ANONYMOUS -> null;
                case SIMPLE_DN, SIMPLE_UPN -> new SimpleBindRequest(profile.bindIdentity(), utf8(password));
                case GSSAPI -> gssapi(saslHost);
            };
        }

        private BindRequest gssapi(String saslHost) throws DirectoryException {
            String krb5 = System.getenv("KRB5_CONFIG");
            if (System.getProperty("java.security.krb5.conf") == null && krb5 != null && !krb5.isBlank()
                    && new File(krb5.split(":")[0]).isFile()) {
                System.setProperty("java.security.krb5.conf", krb5.split(":")[0]);
            }
            GSSAPIBindRequestProperties p = new GSSAPIBindRequestProperties(profile.bindIdentity(), (String) null);
            p.setUseTicketCache(true);
            p.setRequireCachedCredentials(true);
            p.setRenewTGT(false);
            p.setRefreshKrb5Config(true);
            String ccache = System.getenv("KRB5CCNAME");
            if (ccache != null && !ccache.isBlank() && (ccache.startsWith("FILE:") || ccache.startsWith("/"))) {
                p.setTicketCachePath(ccache.startsWith("FILE:") ? ccache.substring(5) : ccache);
            }
            p.setServicePrincipalProtocol("ldap");
            p.setSASLClientServerName(saslHost.toLowerCase(Locale.ROOT));
            // Over plain LDAP, Kerberos sealing (auth-conf) protects the session, as Windows' own tools do on 389.
            // Inside TLS, AD and Samba forbid a second SASL layer (Samba: "Sign or Seal are not allowed if TLS is used").
            if (profile.security().encrypted()) {
                p.setAllowedQoP(SASLQualityOfProtection.AUTH);
            } else {
                p.setAllowedQoP(SASLQualityOfProtection.AUTH_CONF, SASLQualityOfProtection.AUTH_INT);
            }
            try {
                return new GSSAPIBindRequest(p);
            } catch (LDAPException e) {
                throw LdapErrors.map(e, "preparing the Kerberos bind");
            }
        }

        private DirectoryException mapConnect(LDAPException e, List<Endpoint> where) {
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
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new DirectoryException(Kind.BAD_INPUT, "The trust settings cannot be used: " + e.getMessage(), e.toString(), e);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException, java.io.IOException {
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

    static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    static String dnsName(String dn) {
        if (dn == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String rdn : dn.split(",")) {
            String r = rdn.strip();
            if (r.regionMatches(true, 0, "DC=", 0, 3)) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.substring(3).toLowerCase(Locale.ROOT));
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String attr(RootDSE root, String name) {
        return root.getAttributeValue(name);
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** Where to connect: the name the user knows, the address to dial, the port. */
    record Endpoint(String name, String address, int port) {
        String label() { return name + ":" + port; }
    }
}
