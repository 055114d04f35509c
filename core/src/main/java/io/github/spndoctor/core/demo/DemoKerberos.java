package io.github.spndoctor.core.demo;

import com.unboundid.ldap.sdk.LDAPInterface;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.SpnAnswer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Real Kerberos inside the demo: the demo's KDCs (one Kerby KDC per demo domain) and the WinRM acceptor of every demo
 * computer, in this process, on free loopback ports, derived from the demo directory at each request. No fixed
 * ports, no admin rights, no files. The trainer's client is {@code trainer@REALM} in each realm with a password made
 * for this process (a secret: never printed). Start it off the UI thread; {@link #close()} stops everything.
 *
 * <pre>{@code
 * try (DemoDirectory dir = DemoDirectory.start(); DemoKerberos k = DemoKerberos.start(dir)) {
 *     TicketCheck c = k.probe().requestTicket(Spn.parse("HTTP/srv003.rwwilden01.local"));  // wrong-account
 * }
 * }</pre>
 */
public final class DemoKerberos implements AutoCloseable {
    private final DemoAccounts accounts;
    private final DemoKeys keys = new DemoKeys();
    private final char[] password;
    private final DemoKdc kdc;
    private final DemoWinrm winrm;
    private final UnaryOperator<String> canonicalName;
    private final LDAPInterface raw;
    /** The KDCs of the simulated DCs that lag (started on first use), by DC host name. */
    private final java.util.Map<String, DemoKdc> dcKdcs = new java.util.LinkedHashMap<>();

    private DemoKerberos(Directory directory, LDAPInterface raw, List<String> realms, UnaryOperator<String> canonicalName) {
        this.accounts = new DemoAccounts(directory, raw);
        this.raw = raw;
        this.canonicalName = canonicalName;
        this.password = newPassword();
        this.kdc = DemoKdc.start(realms, accounts, keys, password);
        try {
            this.winrm = DemoWinrm.start(accounts, keys, canonicalName);
        } catch (IOException e) {
            kdc.close();
            throw new UncheckedIOException("The demo WinRM hosts could not be started: " + e.getMessage(), e);
        }
    }

    /** Starts the KDCs and WinRM hosts for the demo directory (every demo domain a realm; names resolve as typed). */
    public static DemoKerberos start(DemoDirectory demo) {
        return start(demo, UnaryOperator.identity());
    }

    /**
     * @param canonicalName the demo's DNS: which host a typed name reaches (an alias resolves to its target)
     */
    public static DemoKerberos start(DemoDirectory demo, UnaryOperator<String> canonicalName) {
        return new DemoKerberos(demo, demo.server(), realmsOf(DemoDirectory.BASE_DNS), canonicalName);
    }

    /** For tests and other directories: any directory, its raw LDAP view and the realms to serve. */
    public static DemoKerberos start(Directory directory, LDAPInterface raw, List<String> realms, UnaryOperator<String> canonicalName) {
        return new DemoKerberos(directory, raw, realms, canonicalName);
    }

    /** "DC=rwwilden01,DC=local" → "RWWILDEN01.LOCAL". */
    public static List<String> realmsOf(List<String> baseDns) {
        List<String> out = new ArrayList<>();
        for (String dn : baseDns) {
            out.add(realmOfDn(dn));
        }
        return out;
    }

    static String realmOfDn(String dn) {
        StringBuilder sb = new StringBuilder();
        for (String rdn : dn.split(",")) {
            String r = rdn.strip();
            if (r.regionMatches(true, 0, "DC=", 0, 3)) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.substring(3));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static char[] newPassword() {
        SecureRandom r = new SecureRandom();
        char[] c = new char[24];
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return c;
    }

    /** The realms, one per demo domain. */
    public List<String> realms() { return kdc.realms(); }

    /** The realm a host name belongs to: by its DNS suffix, else by the demo computer of that short name, else the first. */
    public String realmOf(String host) {
        String h = canonicalName.apply(host.toLowerCase(Locale.ROOT));
        for (String realm : realms()) {
            if (h.endsWith("." + realm.toLowerCase(Locale.ROOT))) {
                return realm;
            }
        }
        Optional<AccountRef> c = accounts.computer(h);
        return c.map(a -> realmOfDn(a.dn())).filter(realms()::contains).orElse(realms().get(0));
    }

    /** The TCP address of a realm's KDC. */
    public InetSocketAddress kdcAddress(String realm) { return kdc.address(realm); }

    /**
     * The KDC of one simulated domain controller that sees the directory as {@code view} does (the demo's DC2, which
     * receives writes late): started on first use (a few tenths of a second; not on the UI thread), with the same
     * keys and client as the realm's own KDC, so its tickets are as real; it chooses the account from {@code view}.
     */
    public synchronized InetSocketAddress kdcAddress(String dcHostName, String realm, Directory view) {
        DemoKdc k = dcKdcs.get(dcHostName);
        if (k == null) {
            k = DemoKdc.start(List.of(realm), new DemoAccounts(view, raw), keys, password);
            dcKdcs.put(dcHostName, k);
        }
        return k.address(realm);
    }

    /** The address every demo computer's WinRM listens on; send the computer's name in the Host header. */
    public InetSocketAddress winrmAddress() { return winrm.address(); }

    /** The trainer's client principal in a realm, e.g. trainer@RWWILDEN01.LOCAL. */
    public String clientPrincipal(String realm) { return DemoKdc.CLIENT + "@" + realm.toUpperCase(Locale.ROOT); }

    /** Starts deriving the trainer's keys in {@code realm} in the background (returns at once): before a logon there. */
    public void prepareClient(String realm) { kdc.prepareClient(realm); }

    /** The client's password (a copy; wipe it after use). Never log or show it. */
    public char[] clientPassword() { return password.clone(); }

    /** Who the demo KDC would encrypt a ticket for {@code spn} for, right now. */
    public SpnAnswer choose(Spn spn) throws DirectoryException { return accounts.choose(spn); }

    /** The key version number an account's key has. */
    public int kvno(AccountRef account) { return accounts.kvno(account); }

    /** The computer account whose WinRM answers a typed host name (after the demo's DNS), if any. */
    public Optional<AccountRef> computerFor(String host) {
        return accounts.computer(canonicalName.apply(host.toLowerCase(Locale.ROOT)));
    }

    /** A krb5.conf for clients of the demo's KDCs (the JDK's, MIT's): TCP only, no DNS, no canonicalisation. */
    public String krb5Conf() {
        StringBuilder sb = new StringBuilder("# SPN Doctor demo KDCs (this process only; ports change every start)\n")
                .append("[libdefaults]\n")
                .append("  default_realm = ").append(realms().get(0)).append('\n')
                .append("  udp_preference_limit = 1\n")
                .append("  dns_lookup_kdc = false\n  dns_lookup_realm = false\n")
                .append("  dns_canonicalize_hostname = false\n  rdns = false\n")
                .append("  default_tkt_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96\n")
                .append("  default_tgs_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96\n")
                .append("  permitted_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96\n")
                .append("[realms]\n");
        for (String realm : realms()) {
            InetSocketAddress a = kdcAddress(realm);
            sb.append("  ").append(realm).append(" = {\n    kdc = ").append(a.getAddress().getHostAddress()).append(':')
                    .append(a.getPort()).append("\n  }\n");
        }
        sb.append("[domain_realm]\n");
        for (String realm : realms()) {
            String d = realm.toLowerCase(Locale.ROOT);
            sb.append("  .").append(d).append(" = ").append(realm).append('\n');
            sb.append("  ").append(d).append(" = ").append(realm).append('\n');
        }
        return sb.toString();
    }

    /** Listens to the KDC's service-ticket decisions. */
    public void onTicket(Consumer<SpnAnswer> listener) { kdc.onTicket(e -> listener.accept(e.answer())); }

    /** Listens to the WinRM hosts' decisions: host, outcome (accepted, rejected, challenge, …), reason. */
    public void onWinrmDecision(Consumer<String[]> listener) {
        winrm.onDecision(d -> listener.accept(new String[] {d.host(), d.outcome(), d.reason()}));
    }

    private DemoClient client;

    /** The trainer's client, shared so its logons (TGTs) are reused across checks. */
    public synchronized DemoClient client() {
        if (client == null) {
            client = new DemoClient(this);
        }
        return client;
    }

    DemoKeys keys() { return keys; }

    DemoAccounts accounts() { return accounts; }

    @Override
    public void close() {
        winrm.close();
        kdc.close();
        synchronized (this) {
            dcKdcs.values().forEach(DemoKdc::close);
            dcKdcs.clear();
        }
        java.util.Arrays.fill(password, '\0');
    }
}
