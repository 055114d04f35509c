package io.github.spndoctor.core.diagnosis;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

/**
 * {@link NameResolver} over the JDK: {@link InetAddress} for forward and reverse lookups (so hosts files and the
 * system's DNS suffix search apply, as they do for WinRM), and JNDI DNS ({@code com.sun.jndi.dns}) for CNAME records.
 * Thread-safe; calls block up to a few seconds on an unresponsive DNS server.
 */
public final class JdkNameResolver implements NameResolver {
    @Override
    public List<String> addresses(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(name)) {
                out.add(a.getHostAddress());
            }
            return out;
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }

    @Override
    public Optional<String> cname(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "1500");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attrs = ctx.getAttributes(name, new String[]{"CNAME"});
            Attribute cname = attrs.get("CNAME");
            if (cname == null) {
                return Optional.empty();
            }
            NamingEnumeration<?> values = cname.getAll();
            if (values.hasMore()) {
                String target = values.next().toString();
                return Optional.of(target.endsWith(".") ? target.substring(0, target.length() - 1) : target);
            }
            return Optional.empty();
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing to release beyond this context
                }
            }
        }
    }

    @Override
    public Optional<String> reverse(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            String name = a.getCanonicalHostName();
            return name.equals(a.getHostAddress()) ? Optional.empty() : Optional.of(name);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
