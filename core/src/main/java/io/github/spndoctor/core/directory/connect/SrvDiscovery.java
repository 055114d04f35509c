package io.github.spndoctor.core.directory.connect;

import io.github.spndoctor.core.directory.DirectoryException;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;

/**
 * Finds domain controllers and global catalogs from DNS SRV records ({@code _ldap._tcp.dc._msdcs.<domain>},
 * {@code _gc._tcp.<forest>}) through the JDK's JNDI DNS provider, against the system resolver or a given server.
 * Stateless and thread-safe.
 */
public final class SrvDiscovery {
    /** One SRV answer: a host, the port it advertises, and its priority / weight. */
    public record Endpoint(String host, int port, int priority, int weight) {}

    private final String dnsServer;
    private final int timeoutMillis;

    /**
     * @param dnsServer DNS server address (e.g. {@code 127.0.0.1} or {@code 10.0.0.1:53}); null for the system's
     * @param timeoutMillis initial per-query timeout
     */
    public SrvDiscovery(String dnsServer, int timeoutMillis) {
        this.dnsServer = dnsServer;
        this.timeoutMillis = timeoutMillis;
    }

    /** Domain controllers of {@code domain}, best first (lowest priority, then highest weight). */
    public List<Endpoint> domainControllers(String domain) throws DirectoryException {
        return srv("_ldap._tcp.dc._msdcs." + clean(domain), "domain controllers of " + domain);
    }

    /** Global catalogs of the forest whose root domain is {@code forest}, best first. */
    public List<Endpoint> globalCatalogs(String forest) throws DirectoryException {
        return srv("_gc._tcp." + clean(forest), "global catalogs of " + forest);
    }

    /** IPv4/IPv6 addresses of {@code host} from the configured DNS server (A, then AAAA). */
    public List<String> addresses(String host) throws DirectoryException {
        List<String> out = new ArrayList<>();
        try {
            DirContext ctx = context();
            try {
                Attributes attrs = ctx.getAttributes(clean(host), new String[]{"A", "AAAA"});
                for (String type : new String[]{"A", "AAAA"}) {
                    Attribute a = attrs.get(type);
                    if (a != null) {
                        NamingEnumeration<?> values = a.getAll();
                        while (values.hasMore()) {
                            out.add(values.next().toString());
                        }
                    }
                }
            } finally {
                ctx.close();
            }
        } catch (NameNotFoundException e) {
            return out;
        } catch (NamingException e) {
            throw unreachable("resolving " + host, e);
        }
        return out;
    }

    private List<Endpoint> srv(String name, String what) throws DirectoryException {
        List<Endpoint> out = new ArrayList<>();
        try {
            DirContext ctx = context();
            try {
                Attribute a = ctx.getAttributes(name, new String[]{"SRV"}).get("SRV");
                if (a != null) {
                    NamingEnumeration<?> values = a.getAll();
                    while (values.hasMore()) {
                        parse(values.next().toString()).ifPresent(out::add);
                    }
                }
            } finally {
                ctx.close();
            }
        } catch (NameNotFoundException e) {
            // no such record: reported below as "none found"
        } catch (NamingException e) {
            throw unreachable("looking up " + what + " (" + name + ")", e);
        }
        if (out.isEmpty()) {
            throw new DirectoryException(DirectoryException.Kind.UNREACHABLE,
                    "DNS has no " + what + " (no SRV record " + name + "). Check the domain name and the DNS server, "
                            + "or name a domain controller directly.", "SRV " + name + " via "
                            + (dnsServer == null ? "system resolver" : dnsServer), null);
        }
        out.sort(Comparator.comparingInt(Endpoint::priority).thenComparing(Comparator.comparingInt(Endpoint::weight).reversed()));
        return out;
    }

    /** Parses "priority weight port target." — public for tests. */
    public static java.util.Optional<Endpoint> parse(String record) {
        String[] f = record.trim().split("\\s+");
        if (f.length != 4) {
            return java.util.Optional.empty();
        }
        try {
            String host = f[3].endsWith(".") ? f[3].substring(0, f[3].length() - 1) : f[3];
            if (host.isEmpty()) {
                return java.util.Optional.empty(); // "." means: service decidedly not available
            }
            return java.util.Optional.of(new Endpoint(host.toLowerCase(Locale.ROOT), Integer.parseInt(f[2]),
                    Integer.parseInt(f[0]), Integer.parseInt(f[1])));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private DirContext context() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, dnsServer == null ? "dns:" : "dns://" + dnsServer);
        env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(timeoutMillis));
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        return new InitialDirContext(env);
    }

    private static String clean(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || !n.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS domain name.");
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private DirectoryException unreachable(String action, NamingException e) {
        return new DirectoryException(DirectoryException.Kind.UNREACHABLE,
                "DNS did not answer while " + action + ".", e.toString(), e);
    }
}
