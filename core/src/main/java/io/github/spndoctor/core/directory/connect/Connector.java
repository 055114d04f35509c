package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.ServerSet;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.ReadOnlyDirectory;
import io.github.spndoctor.core.directory.UntrustedCertificateException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.ldap.DomainRouter;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.directory.ldap.LdapReplicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens a {@link Directory} for a {@link ConnectionProfile}: discovers domain controllers and global catalogs when
 * only a domain is named, reads the base DNs from the rootDSE, and builds two connection pools: the domain controller
 * (reads, writes) and the global catalog (forest-wide lookups, scans), plus the pools to other domains' DCs and to
 * each DC on its own. How the transport is protected (LDAPS or StartTLS, which certificates are trusted) is
 * {@link Transport}'s; who it binds as (simple with the given password, or Kerberos from the ticket cache) is
 * {@link Binds}'.
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

    /** One connection attempt: discovery, rootDSE, pools; its {@link Transport} can report a refused certificate. */
    private static final class Session {
        private final ConnectionProfile profile;
        private final char[] password;
        private final Transport transport;
        private final SrvDiscovery dns;

        Session(ConnectionProfile profile, char[] password) throws DirectoryException {
            this.profile = profile;
            this.password = password;
            this.transport = new Transport(profile);
            this.dns = new SrvDiscovery(profile.dnsServer(), (int) Math.min(5000, profile.connectTimeout().toMillis()));
        }

        Directory open() throws DirectoryException {
            List<Endpoint> dcs = domainControllers();
            ServerSet dcSet = transport.serverSet(dcs);
            RootDSE root = rootDse(dcSet, dcs);
            String domainBase = profile.baseDn() != null ? profile.baseDn() : attr(root, "defaultNamingContext");
            if (domainBase == null) {
                throw new DirectoryException(Kind.OTHER, "The server did not name its domain (no defaultNamingContext in "
                        + "the rootDSE). Is it an Active Directory domain controller? Name the base DN in the connection settings to continue.");
            }
            String saslHost = attr(root, "dnsHostName");
            BindRequest bind = Binds.request(profile, password, saslHost != null ? saslHost : dcs.get(0).name());
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
                gc = pool(transport.serverSet(gcs), sameHost ? bind : Binds.request(profile, password, gcs.get(0).name()), gcs, 1);
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
            DirectoryInfo info = new DirectoryInfo(false, server, Binds.identity(profile), profile.readOnly());
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
            BindRequest bind = profile.bindKind() == ConnectionProfile.BindKind.GSSAPI ? Binds.gssapi(profile, dcs.get(0).name()) : homeBind;
            return pool(transport.serverSet(dcs), bind, dcs, 1);
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
            BindRequest bind = profile.bindKind() == ConnectionProfile.BindKind.GSSAPI ? Binds.gssapi(profile, host) : homeBind;
            // synchronous: a convergence round's read is answered on the thread that asked, not handed over by a reader thread
            LDAPConnectionPool p = pool(transport.serverSet(at, true), bind, at, 1);
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

        private RootDSE rootDse(ServerSet set, List<Endpoint> where) throws DirectoryException {
            try (LDAPConnection c = set.getConnection()) {
                RootDSE root = c.getRootDSE();
                if (root == null) {
                    throw new DirectoryException(Kind.OTHER, "The server at " + where.get(0).label()
                            + " returned no rootDSE; it does not look like a domain controller.");
                }
                return root;
            } catch (LDAPException e) {
                throw transport.mapConnect(e, where);
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
                throw transport.mapConnect(e, where);
            }
        }
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

    /** Where to connect: the name the user knows, the address to dial, the port. */
    record Endpoint(String name, String address, int port) {
        String label() { return name + ":" + port; }
    }
}
