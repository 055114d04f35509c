package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.directory.Replicas;
import io.github.spndoctor.core.directory.ValueOrigin;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnFormatException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Replicas} of a live forest. The DCs come from the configuration partition (nTDSDSA objects and their
 * server objects' dNSHostName, site and options); each DC is dialled through an {@link Opener} that the connector
 * gives, with the session's transport, trust and identity, and kept in a one-connection pool per DC and port. A
 * read that fails drops that pool, so the next round connects afresh (a DC that was stopped and started again is
 * read again). Thread-safe.
 */
public final class LdapReplicas implements Replicas {
    /** Opens a bound pool to one DC: its DC port, or its global-catalog port. */
    @FunctionalInterface
    public interface Opener {
        LDAPConnectionPool open(String dnsHostName, boolean globalCatalog) throws DirectoryException;
    }

    /** nTDSDSA options bit IS_GC. */
    static final int IS_GC = 1;
    static final String[] READ_ATTRIBUTES = {"servicePrincipalName", "uSNChanged", "msDS-ReplAttributeMetaData", "replPropertyMetaData"};
    /** A read without the replication metadata: whether the values are there, and whether the entry moved on. */
    static final String[] VALUE_ATTRIBUTES = {"servicePrincipalName", "uSNChanged"};

    private final LDAPInterface home;
    private final String configurationContext;
    private final Opener opener;
    private final int timeLimitSeconds;
    private final Map<String, LDAPConnectionPool> pools = new ConcurrentHashMap<>();
    private volatile List<DomainController> dcs;
    private volatile String source = "";

    public LdapReplicas(LDAPInterface home, String configurationContext, Opener opener, int timeLimitSeconds) {
        this.home = home;
        this.configurationContext = configurationContext;
        this.opener = opener;
        this.timeLimitSeconds = Math.max(1, timeLimitSeconds);
    }

    @Override
    public List<DomainController> domainControllers() throws DirectoryException {
        List<DomainController> d = dcs;
        if (d == null) {
            d = readTopology(home, configurationContext, timeLimitSeconds);
            dcs = d;
        }
        return d;
    }

    /** Reads the DCs of the forest from CN=Sites of {@code configurationContext}. */
    static List<DomainController> readTopology(LDAPInterface conn, String configurationContext, int timeLimit)
            throws DirectoryException {
        if (configurationContext == null || configurationContext.isBlank()) {
            throw new DirectoryException(DirectoryException.Kind.OTHER, "The domain controller did not name its "
                    + "configuration partition, so the list of domain controllers cannot be read.");
        }
        String sites = "CN=Sites," + configurationContext;
        Map<String, String> hostByServer = new HashMap<>();
        for (SearchResultEntry e : search(conn, sites, "server", timeLimit, "dNSHostName")) {
            String host = e.getAttributeValue("dNSHostName");
            if (host != null) {
                hostByServer.put(normalized(e.getDN()), host.toLowerCase(Locale.ROOT));
            }
        }
        List<DomainController> out = new ArrayList<>();
        for (SearchResultEntry e : search(conn, sites, "nTDSDSA", timeLimit,
                "options", "invocationId", "msDS-HasDomainNCs", "hasMasterNCs")) {
            try {
                DN server = new DN(e.getDN()).getParent();
                String host = server == null ? null : hostByServer.get(server.toNormalizedString());
                if (host == null) {
                    continue; // a server object without dNSHostName cannot be dialled
                }
                RDN[] rdns = server.getRDNs();
                String site = rdns.length > 2 ? rdns[2].getAttributeValues()[0] : "";
                Integer options = e.getAttributeValueAsInteger("options");
                byte[] inv = e.getAttributeValueBytes("invocationId");
                out.add(new DomainController(host, site, domainContext(e), options != null && (options & IS_GC) != 0,
                        inv != null && inv.length == 16 ? HexFormat.of().formatHex(inv) : ""));
            } catch (LDAPException ignored) {
                // an nTDSDSA whose DN does not parse names no server
            }
        }
        out.sort(Comparator.comparing(DomainController::site).thenComparing(DomainController::name));
        if (out.isEmpty()) {
            throw new DirectoryException(DirectoryException.Kind.OTHER, "No domain controller is listed under " + sites
                    + " (or this account may not read it).");
        }
        return List.copyOf(out);
    }

    private static String domainContext(SearchResultEntry e) {
        String[] has = e.getAttributeValues("msDS-HasDomainNCs");
        if (has != null && has.length > 0) {
            return has[0];
        }
        String[] masters = e.getAttributeValues("hasMasterNCs");
        if (masters != null) {
            for (String nc : masters) {
                String l = nc.toLowerCase(Locale.ROOT);
                if (l.startsWith("dc=") && !l.startsWith("dc=domaindnszones") && !l.startsWith("dc=forestdnszones")) {
                    return nc;
                }
            }
        }
        return "";
    }

    private static List<SearchResultEntry> search(LDAPInterface conn, String base, String objectClass, int timeLimit,
                                                  String... attributes) throws DirectoryException {
        SearchRequest r = new SearchRequest(base, SearchScope.SUB, Filter.createEqualityFilter("objectClass", objectClass), attributes);
        r.setTimeLimitSeconds(timeLimit);
        r.setResponseTimeoutMillis(timeLimit * 1000L + 2000L);
        r.setSizeLimit(10_000);
        try {
            return conn.search(r).getSearchEntries();
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "listing the domain controllers (" + objectClass + " objects under " + base + ")");
        }
    }

    @Override
    public ReplicaRead read(DomainController dc, String dn) { return read(dc, dn, true); }

    @Override
    public ReplicaRead read(DomainController dc, String dn, boolean withOrigin) {
        boolean gc = !dc.holdsDomainOf(dn);
        String key = dc.name() + (gc ? ":gc" : ":dc");
        LDAPConnectionPool pool = pools.get(key);
        try {
            if (pool == null) {
                pool = opener.open(dc.name(), gc);
                LDAPConnectionPool raced = pools.putIfAbsent(key, pool);
                if (raced != null) {
                    pool.close();
                    pool = raced;
                }
            }
        } catch (DirectoryException | RuntimeException e) {
            return ReplicaRead.unreachable(e.getMessage());
        }
        SearchRequest r = new SearchRequest(dn, SearchScope.BASE, Filter.createPresenceFilter("objectClass"),
                withOrigin ? READ_ATTRIBUTES : VALUE_ATTRIBUTES);
        r.setTimeLimitSeconds(timeLimitSeconds);
        r.setResponseTimeoutMillis(timeLimitSeconds * 1000L);
        try {
            List<SearchResultEntry> found = pool.search(r).getSearchEntries();
            if (found.isEmpty()) {
                return ReplicaRead.absent();
            }
            Optional<SearchResultEntry> whole = RangedValues.completeIfPresent(pool, found.get(0), "servicePrincipalName");
            return whole.isEmpty() ? ReplicaRead.absent() : toRead(whole.get());
        } catch (LDAPException e) {
            if (e.getResultCode().intValue() == 32) {
                return ReplicaRead.absent();
            }
            pools.remove(key, pool);
            pool.close();
            return ReplicaRead.unreachable(LdapErrors.map(e, "reading " + dn + " on " + dc.name()).getMessage());
        } catch (DirectoryException e) {
            return ReplicaRead.unreachable(e.getMessage());
        }
    }

    private ReplicaRead toRead(SearchResultEntry e) {
        List<Spn> spns = new ArrayList<>();
        String[] values = e.getAttributeValues("servicePrincipalName");
        if (values != null) {
            for (String v : values) {
                try {
                    spns.add(Spn.parse(v));
                } catch (SpnFormatException ignored) {
                    // not an SPN we compare
                }
            }
        }
        Long usn = e.getAttributeValueAsLong("uSNChanged");
        List<DomainController> known = dcs == null ? List.of() : dcs;
        Optional<ValueOrigin> origin = ReplMetadata.fromXml(e.getAttributeValues("msDS-ReplAttributeMetaData"), known);
        if (origin.isPresent()) {
            source = "msDS-ReplAttributeMetaData";
        } else {
            origin = ReplMetadata.fromBlob(e.getAttributeValueBytes("replPropertyMetaData"), known);
            if (origin.isPresent()) {
                source = "replPropertyMetaData";
            }
        }
        return new ReplicaRead(ReplicaRead.Status.FOUND, spns, usn == null ? -1 : usn, origin, "");
    }

    @Override
    public String compared() {
        String s = source;
        return s.isEmpty() ? "the servicePrincipalName values on each DC (this server offers no replication metadata for them)"
                : "the servicePrincipalName values on each DC; the originating DC and time come from " + s;
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public void close() {
        List<LDAPConnectionPool> all = new ArrayList<>(pools.values());
        pools.clear();
        all.forEach(LDAPConnectionPool::close);
    }
}
