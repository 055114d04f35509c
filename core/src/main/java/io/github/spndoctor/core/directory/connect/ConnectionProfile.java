package io.github.spndoctor.core.directory.connect;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to reach a directory again, except the password (which is never stored). Immutable value;
 * saved by {@link ProfileStore} and turned into a connection by {@link Connector}.
 *
 * <p>A live profile names either a {@code host} (a domain controller) or a {@code domain} whose domain controllers
 * and global catalogs are discovered from DNS SRV records. The global catalog is {@code gcHost}/{@code gcPort} when
 * given, else the same host on the GC port (a DC usually is a GC), else discovered.
 *
 * @param name         label shown on the Connect page
 * @param mode         demo (built-in directory) or live
 * @param host         domain controller host name or address; null to discover from {@code domain}
 * @param domain       DNS domain name for SRV discovery; null when {@code host} is given
 * @param port         LDAP port; 0 = the default for {@code security} (636 LDAPS, 389 otherwise)
 * @param security     transport protection
 * @param gcHost       global catalog host; null = same as the domain controller, or discovered
 * @param gcPort       global catalog port; 0 = default (3269 LDAPS, 3268 otherwise)
 * @param baseDn       domain base DN; null = the rootDSE's defaultNamingContext
 * @param bindKind     how to authenticate
 * @param bindIdentity DN or UPN for a simple bind; optional Kerberos principal for GSSAPI; null for anonymous
 * @param trust        how the server certificate is validated
 * @param allowPlain   allow a simple bind over an unencrypted connection (never the default)
 * @param readOnly     refuse every write (the default)
 * @param dnsServer    DNS server for SRV discovery, e.g. {@code 127.0.0.1}; null = the system's resolver
 * @param connectTimeout  TCP/TLS connect timeout
 * @param responseTimeout longest wait for any answer; also the server-side time limit of each search
 */
public record ConnectionProfile(String name, Mode mode, String host, String domain, int port, Security security,
                                String gcHost, int gcPort, String baseDn, BindKind bindKind, String bindIdentity,
                                Trust trust, boolean allowPlain, boolean readOnly, String dnsServer,
                                Duration connectTimeout, Duration responseTimeout) {

    /** Demo or a real directory. */
    public enum Mode { DEMO, LIVE }

    /** Transport protection. */
    public enum Security {
        LDAPS(636, 3269), STARTTLS(389, 3268), PLAIN(389, 3268);

        private final int defaultPort;
        private final int defaultGcPort;

        Security(int defaultPort, int defaultGcPort) {
            this.defaultPort = defaultPort;
            this.defaultGcPort = defaultGcPort;
        }

        public int defaultPort() { return defaultPort; }

        public int defaultGcPort() { return defaultGcPort; }

        public boolean encrypted() { return this != PLAIN; }
    }

    /** How the connection authenticates. */
    public enum BindKind { SIMPLE_DN, SIMPLE_UPN, GSSAPI, ANONYMOUS }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    public ConnectionProfile {
        Objects.requireNonNull(mode, "mode");
        name = blankToNull(name);
        host = blankToNull(host);
        domain = blankToNull(domain);
        gcHost = blankToNull(gcHost);
        baseDn = blankToNull(baseDn);
        bindIdentity = blankToNull(bindIdentity);
        dnsServer = blankToNull(dnsServer);
        security = security == null ? Security.LDAPS : security;
        bindKind = bindKind == null ? BindKind.ANONYMOUS : bindKind;
        trust = trust == null ? Trust.system() : trust;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        responseTimeout = responseTimeout == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeout;
        if (port < 0 || port > 65535 || gcPort < 0 || gcPort > 65535) {
            throw new IllegalArgumentException("A port must be between 1 and 65535.");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
        if (mode == Mode.LIVE && host == null && domain == null) {
            throw new IllegalArgumentException("Give a domain controller (host or URL) or a domain name to discover one.");
        }
        if ((bindKind == BindKind.SIMPLE_DN || bindKind == BindKind.SIMPLE_UPN) && bindIdentity == null) {
            throw new IllegalArgumentException("A simple bind needs a bind DN or user principal name.");
        }
        if (bindKind == BindKind.SIMPLE_UPN && bindIdentity.indexOf('@') < 1) {
            throw new IllegalArgumentException("'" + bindIdentity + "' is not a user principal name (expected user@domain).");
        }
    }

    /** The built-in demo directory. */
    public static ConnectionProfile demo(boolean readOnly) {
        return new ConnectionProfile("Demo directory", Mode.DEMO, null, null, 0, Security.LDAPS, null, 0, null,
                BindKind.ANONYMOUS, null, Trust.system(), false, readOnly, null, null, null);
    }

    /** A live profile for one DC over LDAPS with a simple bind; adjust with the {@code with*} methods. */
    public static ConnectionProfile ldaps(String host, String bindIdentity, Trust trust) {
        BindKind kind = bindIdentity != null && bindIdentity.contains("@") && !bindIdentity.contains("=")
                ? BindKind.SIMPLE_UPN : BindKind.SIMPLE_DN;
        return new ConnectionProfile(host, Mode.LIVE, host, null, 0, Security.LDAPS, null, 0, null, kind, bindIdentity,
                trust, false, true, null, null, null);
    }

    public int effectivePort() { return port == 0 ? security.defaultPort() : port; }

    public int effectiveGcPort() { return gcPort == 0 ? security.defaultGcPort() : gcPort; }

    /** True when this profile binds with a password (which then must come from the caller). */
    public boolean needsPassword() { return mode == Mode.LIVE && (bindKind == BindKind.SIMPLE_DN || bindKind == BindKind.SIMPLE_UPN); }

    /** The name to show: the given name, else host or domain. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return mode == Mode.DEMO ? "Demo directory" : (host != null ? host : domain).toLowerCase(Locale.ROOT);
    }

    public ConnectionProfile withName(String n) {
        return new ConnectionProfile(n, mode, host, domain, port, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withPort(int p) {
        return new ConnectionProfile(name, mode, host, domain, p, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withSecurity(Security s) {
        return new ConnectionProfile(name, mode, host, domain, port, s, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withGc(String h, int p) {
        return new ConnectionProfile(name, mode, host, domain, port, security, h, p, baseDn, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withBind(BindKind k, String identity) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, baseDn, k,
                identity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withTrust(Trust t) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, t, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withAllowPlain(boolean a) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, a, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withReadOnly(boolean r) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, allowPlain, r, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withBaseDn(String b) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, b, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connectTimeout, responseTimeout);
    }

    public ConnectionProfile withTimeouts(Duration connect, Duration response) {
        return new ConnectionProfile(name, mode, host, domain, port, security, gcHost, gcPort, baseDn, bindKind,
                bindIdentity, trust, allowPlain, readOnly, dnsServer, connect, response);
    }

    /** Discovery from DNS: {@code domain} names the AD domain, {@code dnsServer} (nullable) the resolver. */
    public static ConnectionProfile discover(String domain, String dnsServer, Security security, BindKind kind,
                                             String identity, Trust trust) {
        return new ConnectionProfile(domain, Mode.LIVE, null, domain, 0, security, null, 0, null, kind, identity,
                trust, false, true, dnsServer, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
