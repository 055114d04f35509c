package io.github.spndoctor.core.diagnosis;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

/**
 * {@link NameResolver} that asks one DNS server directly (JNDI DNS), bypassing hosts files and the system's search
 * list: for a domain's own DNS server when the machine's resolver does not point at it, and for tests against the
 * lab DNS. A, AAAA, CNAME and PTR only. Thread-safe; each question is bounded (1.5 s, one retry).
 */
public final class DnsServerResolver implements NameResolver {
    private final String url;

    /** @param server host or host:port of the DNS server, e.g. {@code 127.0.0.1} or {@code 10.0.0.1:53} */
    public DnsServerResolver(String server) {
        String s = server.strip();
        if (s.isEmpty() || !s.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            throw new IllegalArgumentException("'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "' is not a DNS server address.");
        }
        this.url = "dns://" + s;
    }

    @Override
    public List<String> addresses(String name) {
        return addresses(name, 8);
    }

    private List<String> addresses(String name, int depth) {
        List<String> out = new ArrayList<>(values(name, "A"));
        out.addAll(values(name, "AAAA"));
        if (out.isEmpty() && depth > 0) {
            for (String target : values(name, "CNAME")) {
                return addresses(noDot(target), depth - 1);
            }
        }
        return out;
    }

    @Override
    public Optional<String> cname(String name) {
        return values(name, "CNAME").stream().map(DnsServerResolver::noDot).findFirst();
    }

    @Override
    public Optional<String> reverse(String address) {
        String[] p = address.split("\\.");
        if (p.length != 4) {
            return Optional.empty();
        }
        String arpa = p[3] + "." + p[2] + "." + p[1] + "." + p[0] + ".in-addr.arpa";
        return values(arpa, "PTR").stream().map(DnsServerResolver::noDot).findFirst();
    }

    private List<String> values(String name, String type) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", url);
        env.put("com.sun.jndi.dns.timeout.initial", "1500");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attrs = ctx.getAttributes(name.endsWith(".") ? name : name + ".", new String[]{type});
            Attribute a = attrs.get(type);
            List<String> out = new ArrayList<>();
            if (a != null) {
                NamingEnumeration<?> all = a.getAll();
                while (all.hasMore()) {
                    out.add(all.next().toString());
                }
            }
            return out;
        } catch (NamingException | RuntimeException e) {
            return List.of();
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing more to release
                }
            }
        }
    }

    private static String noDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
