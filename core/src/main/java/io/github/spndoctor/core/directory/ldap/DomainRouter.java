package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the domain controller connection that holds an account: the account's own domain, named by the naming
 * context its DN falls under. A global catalog answers forest-wide searches but holds only part of each account
 * (msDS-AllowedToDelegateTo, for one, is not in it) and writes must go to a DC of the account's own domain, so
 * reads by DN, writes and delegation searches go through here.
 *
 * <p>Two shapes: {@link #single} (one connection serves every DN: the demo directory and test servers, whose
 * forest-wide connection already holds whole entries) and {@link #forest} (a live forest: the bound DC serves its own
 * domain; the forest's other domains are read from the crossRef objects under CN=Partitions on first need, and a
 * DC of each is opened on first use through an {@link Opener}). Thread-safe; connections opened here are closed by
 * {@link #close()}.
 */
public final class DomainRouter implements AutoCloseable {
    /** Opens a pooled, bound connection to a domain controller of another domain of the forest. */
    @FunctionalInterface
    public interface Opener {
        LDAPConnectionPool open(String dnsDomainName) throws DirectoryException;
    }

    /** One domain of the forest: its naming context and DNS name. */
    public record Domain(String namingContext, String dnsName) {}

    /** crossRef systemFlags bit for a domain naming context (FLAG_CR_NTDS_DOMAIN). */
    static final int FLAG_CR_NTDS_DOMAIN = 2;

    private final LDAPInterface home;
    private final DN homeContext;
    private final Domain homeDomain;
    private final String configurationContext;
    private final Opener opener;
    private final int timeLimitSeconds;
    private final Map<String, LDAPConnectionPool> opened = new ConcurrentHashMap<>();
    private volatile List<Domain> domains;

    private DomainRouter(LDAPInterface home, DN homeContext, String configurationContext, Opener opener,
                         int timeLimitSeconds) {
        this.home = home;
        this.homeContext = homeContext;
        this.homeDomain = homeContext == null ? null : new Domain(homeContext.toString(), dnsNameOf(homeContext));
        this.configurationContext = configurationContext;
        this.opener = opener;
        this.timeLimitSeconds = timeLimitSeconds;
    }

    /** One connection for every DN; no domain structure is known or needed. */
    public static DomainRouter single(LDAPInterface connection) {
        return new DomainRouter(connection, null, null, null, 30);
    }

    /**
     * A live forest.
     *
     * @param home                 connection to a DC of the bound domain
     * @param homeNamingContext    that domain's naming context (defaultNamingContext)
     * @param configurationContext the forest's configuration naming context (rootDSE configurationNamingContext);
     *                             null when unknown: then only the home domain is served
     * @param opener               opens DCs of other domains; null when that is not possible
     */
    public static DomainRouter forest(LDAPInterface home, String homeNamingContext, String configurationContext,
                                      Opener opener, int timeLimitSeconds) throws DirectoryException {
        return new DomainRouter(home, parse(homeNamingContext), configurationContext, opener, timeLimitSeconds);
    }

    /** True when the domain structure is known: lookups re-read accounts in their own domains. */
    public boolean knowsDomains() {
        return homeContext != null;
    }

    /** The connection to the bound domain's DC (rootDSE and configuration reads). */
    public LDAPInterface homeConnection() {
        return home;
    }

    /** The connection to use for the entry {@code dn}. */
    public LDAPInterface connectionFor(String dn) throws DirectoryException {
        if (homeContext == null) {
            return home;
        }
        DN target = parse(dn);
        if (inHomeDomain(target)) {
            return home;
        }
        Domain d = domainOf(target).orElseThrow(() -> new DirectoryException(Kind.NO_SUCH_ACCOUNT,
                "No domain of this forest holds " + dn + ".", "no crossRef naming context contains " + dn, null));
        return connectionFor(d);
    }

    /** The connection to a DC of {@code d}, opened on first use. */
    public LDAPInterface connectionFor(Domain d) throws DirectoryException {
        if (homeContext == null || parse(d.namingContext()).equals(homeContext)) {
            return home;
        }
        if (opener == null) {
            throw new DirectoryException(Kind.UNREACHABLE, "The account is in domain " + d.dnsName()
                    + ", and this connection reaches only " + dnsNameOf(homeContext) + ". Connect to that domain to read "
                    + "or change it.", "no opener for " + d.namingContext(), null);
        }
        LDAPConnectionPool pool = opened.get(d.dnsName());
        if (pool == null) {
            synchronized (opened) {
                pool = opened.get(d.dnsName());
                if (pool == null) {
                    pool = opener.open(d.dnsName());
                    opened.put(d.dnsName(), pool);
                }
            }
        }
        return pool;
    }

    /**
     * The forest's domains, home first, the others by DNS name; read once from the crossRefs. For {@link #single} routers: empty (the one
     * connection is searched as a whole instead).
     */
    public List<Domain> domains() throws DirectoryException {
        if (homeContext == null) {
            return List.of();
        }
        List<Domain> d = domains;
        if (d == null) {
            d = readDomains();
            domains = d;
        }
        return d;
    }

    private List<Domain> readDomains() throws DirectoryException {
        if (configurationContext == null) {
            return List.of(homeDomain);
        }
        List<Domain> out = new ArrayList<>();
        out.add(homeDomain);
        SearchRequest request = new SearchRequest("CN=Partitions," + configurationContext, SearchScope.ONE,
                Filter.createEqualityFilter("objectClass", "crossRef"), "nCName", "dnsRoot", "systemFlags");
        request.setTimeLimitSeconds(timeLimitSeconds);
        request.setSizeLimit(10_000);
        try {
            SearchResult result = home.search(request);
            for (SearchResultEntry e : result.getSearchEntries()) {
                Integer flags = e.getAttributeValueAsInteger("systemFlags");
                String nc = e.getAttributeValue("nCName");
                String dns = e.getAttributeValue("dnsRoot");
                if (flags == null || (flags & FLAG_CR_NTDS_DOMAIN) == 0 || nc == null || dns == null) {
                    continue;
                }
                if (!parse(nc).equals(homeContext)) {
                    out.add(new Domain(nc, dns.toLowerCase(Locale.ROOT)));
                }
            }
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "listing the domains of the forest (CN=Partitions)");
        }
        out.subList(1, out.size()).sort(java.util.Comparator.comparing(Domain::dnsName));
        return List.copyOf(out);
    }

    /** Fast path without the crossRefs: under the home context and not under a child domain's DC= component. */
    private boolean inHomeDomain(DN target) {
        if (!target.isDescendantOf(homeContext, true)) {
            return false;
        }
        RDN[] rdns = target.getRDNs();
        int below = rdns.length - homeContext.getRDNs().length - 1;
        return below < 0 || !rdns[below].hasAttribute("dc");
    }

    private Optional<Domain> domainOf(DN target) throws DirectoryException {
        Domain best = null;
        int bestDepth = -1;
        for (Domain d : domains()) {
            DN nc = parse(d.namingContext());
            if (target.isDescendantOf(nc, true) && nc.getRDNs().length > bestDepth) {
                best = d;
                bestDepth = nc.getRDNs().length;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Groups DNs by the domain that holds them; DNs of no known domain are dropped. Only for routers that
     * {@link #knowsDomains() know the domains}; the crossRefs are read only when a DN lies outside the home domain.
     */
    public Map<Domain, List<String>> byDomain(List<String> dns) throws DirectoryException {
        if (homeContext == null) {
            throw new IllegalStateException("a single-connection router knows no domains");
        }
        Map<Domain, List<String>> out = new java.util.LinkedHashMap<>();
        for (String dn : dns) {
            DN target = parse(dn);
            Optional<Domain> d = inHomeDomain(target) ? Optional.of(homeDomain) : domainOf(target);
            d.ifPresent(domain -> out.computeIfAbsent(domain, k -> new ArrayList<>()).add(dn));
        }
        return out;
    }

    static String dnsNameOf(DN dn) {
        List<String> labels = new ArrayList<>();
        for (RDN r : dn.getRDNs()) {
            if (r.hasAttribute("dc")) {
                labels.add(r.getAttributeValues()[0].toLowerCase(Locale.ROOT));
            }
        }
        return String.join(".", labels);
    }

    private static DN parse(String dn) throws DirectoryException {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new DirectoryException(Kind.BAD_INPUT, "Not a valid distinguished name: " + dn, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        List<LDAPConnectionPool> pools = new ArrayList<>(opened.values());
        opened.clear();
        pools.forEach(LDAPConnectionPool::close);
    }
}
