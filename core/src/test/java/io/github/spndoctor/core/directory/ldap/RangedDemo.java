package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.spndoctor.core.directory.demo.DemoDirectory;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: the demo directory behind a {@link MaxValRangeInterceptor}, plus accounts with many values. Every
 * read through {@link #demo} or {@link #connect()} goes over the loopback listener, so it is cut like AD cuts it.
 */
final class RangedDemo implements AutoCloseable {
    static final String USERS = "CN=Users,DC=contoso,DC=com";

    final MaxValRangeInterceptor range;
    final DemoDirectory demo;

    RangedDemo(int maxValRange) {
        range = new MaxValRangeInterceptor(maxValRange);
        demo = DemoDirectory.start(DemoDirectory.Options.DEFAULT.withInterceptor(range));
    }

    /** A plain LDAP connection to the demo server through its listener (so the interceptor applies). */
    LDAPConnection connect() throws LDAPException {
        return new LDAPConnection(InetAddress.getLoopbackAddress().getHostAddress(), demo.port());
    }

    /** Adds a user {@code cn} under CN=Users of contoso.com with these SPNs and delegation targets; returns its DN. */
    String addUser(String cn, List<String> spns, List<String> delegateTo) throws LDAPException {
        return add(cn, USERS, List.of("top", "user"), null, spns, delegateTo);
    }

    String add(String cn, String parent, List<String> objectClasses, String dnsHostName, List<String> spns,
               List<String> delegateTo) throws LDAPException {
        String dn = "CN=" + cn + "," + parent;
        Entry e = new Entry(dn);
        e.addAttribute("objectClass", objectClasses);
        e.addAttribute("cn", cn);
        e.addAttribute("sAMAccountName", objectClasses.contains("computer") ? cn.toUpperCase() + "$" : cn);
        if (dnsHostName != null) {
            e.addAttribute("dNSHostName", dnsHostName);
        }
        if (!spns.isEmpty()) {
            e.addAttribute("servicePrincipalName", spns);
        }
        if (!delegateTo.isEmpty()) {
            e.addAttribute("msDS-AllowedToDelegateTo", delegateTo);
        }
        demo.server().add(e);
        return dn;
    }

    /** {@code count} distinct values {@code prefix + k + suffix}. */
    static List<String> values(String prefix, int count, String suffix) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(prefix + k + suffix);
        }
        return out;
    }

    /** The values the server stores, read around the interceptor (in-process, not over the listener). */
    List<String> stored(String dn, String attribute) throws LDAPException {
        SearchResultEntry e = demo.server().getEntry(dn, attribute);
        String[] v = e == null ? null : e.getAttributeValues(attribute);
        return v == null ? List.of() : List.of(v);
    }

    @Override
    public void close() {
        demo.close();
    }
}
