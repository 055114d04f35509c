package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.connect.Trust;
import io.github.spndoctor.core.demo.TrainerDemo;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Directory options shared by every subcommand (a picocli mixin). Without any, the built-in demo directory is used.
 * Live connections are read-only unless {@code --allow-changes} is given.
 */
public final class DirectoryOptions {
    /** Longest password file we read; anything bigger is not a password file. */
    static final long MAX_PASSWORD_FILE = 4096;

    @Option(names = "--demo", description = "Use the built-in demo directory (the default when no directory is named).")
    boolean demo;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use a connection profile saved by the wizard (see its Connect page).")
    String profileName;

    @Option(names = "--save-profile", paramLabel = "NAME", description = "After a successful connection, save these options (never the password) as a profile for --profile and the wizard's Connect page.")
    String saveProfile;

    @Option(names = "--url", paramLabel = "URL", description = "Domain controller: ldaps://HOST[:PORT] (default port 636) or ldap://HOST[:PORT] with --starttls.")
    String url;

    @Option(names = "--starttls", description = "Upgrade an ldap:// connection with StartTLS (ports 389 / 3268).")
    boolean startTls;

    @Option(names = "--domain", paramLabel = "NAME", description = "Find domain controllers and global catalogs from DNS SRV records of this AD domain.")
    String domain;

    @Option(names = "--dns-server", paramLabel = "ADDRESS", description = "DNS server for --domain discovery (default: the system's).")
    String dnsServer;

    @Option(names = "--gc-url", paramLabel = "URL", description = "Global catalog (default: the domain controller on 3269/3268, or discovered).")
    String gcUrl;

    @Option(names = "--bind-dn", paramLabel = "DN", description = "Simple bind as this DN.")
    String bindDn;

    @Option(names = "--bind-upn", paramLabel = "UPN", description = "Simple bind as this user principal name (user@domain); with --gssapi, the Kerberos principal to expect.")
    String bindUpn;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the bind password from this environment variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the bind password from the first line of this file.")
    Path passwordFile;

    @Option(names = "--gssapi", description = "Kerberos bind with the ticket cache (kinit / Windows logon) and krb5.conf ($KRB5_CONFIG). With ldap:// the session is sealed by Kerberos (no TLS needed; Samba requires this form).")
    boolean gssapi;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust only the certificate authorities in this PEM file.")
    Path caFile;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256", description = "Trust exactly the server certificate with this SHA-256 fingerprint (shown when a certificate is refused).")
    String trustFingerprint;

    @Option(names = "--base-dn", paramLabel = "DN", description = "Domain base DN (default: the rootDSE's defaultNamingContext).")
    String baseDn;

    @Option(names = "--allow-plain-ldap", description = "Allow a simple bind over an unencrypted connection (sends the password in clear text).")
    boolean allowPlainLdap;

    @Option(names = "--allow-changes", description = "Open the live directory with changes allowed (default: read-only).")
    boolean allowChanges;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Connect timeout (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int connectTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest wait for any answer (default: ${DEFAULT-VALUE}).", defaultValue = "30")
    int timeout;

    /** Environment and console, replaceable by tests. */
    Function<String, String> env = System::getenv;
    PasswordPrompt prompt = DirectoryOptions::consolePrompt;
    /** The saved profiles; opened when first needed (it loads the JSON library, which a demo run never needs). */
    ProfileStore store;

    private ProfileStore store() {
        if (store == null) {
            store = ProfileStore.defaultStore();
        }
        return store;
    }

    /** Reads a password without echo; returns null when no terminal is available. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] read(String label);
    }

    /** True when any directory option, including --demo, was given. */
    public boolean anyGiven() {
        return demo || profileName != null || saveProfile != null || url != null || startTls || domain != null || dnsServer != null
                || gcUrl != null || bindDn != null || bindUpn != null || passwordEnv != null || passwordFile != null
                || gssapi || caFile != null || trustFingerprint != null || baseDn != null || allowPlainLdap
                || allowChanges;
    }

    /** True when these options describe the demo directory (explicitly or by default). */
    public boolean isDemo() {
        return demo || (profileName == null && url == null && domain == null);
    }

    /** Opens the directory these options describe. */
    public Directory open() throws DirectoryException {
        if (demo && (url != null || domain != null || profileName != null)) {
            throw new IllegalArgumentException("--demo cannot be combined with --url, --domain or --profile.");
        }
        if (isDemo()) {
            // the trainer's demo, with the state a break or fix in an earlier run left behind
            return io.github.spndoctor.core.directory.demo.ReplicatedDemo.around(TrainerDemo.open(TrainerDemo.defaultStateDir()).directory());
        }
        ConnectionProfile profile = profile();
        char[] password = profile.needsPassword() ? password(profile) : null;
        try {
            Directory dir = Connector.open(profile, password);
            if (saveProfile != null) {
                try {
                    store().save(profile.withName(saveProfile));
                } catch (RuntimeException e) {
                    dir.close();
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
            return dir;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The live connection profile these options describe (no password). */
    public ConnectionProfile profile() {
        if (profileName != null) {
            return store().load(profileName).orElseThrow(() -> new IllegalArgumentException(
                    "No saved connection profile named '" + profileName + "' in " + store().file() + "."))
                    .withReadOnly(!allowChanges);
        }
        if (url != null && domain != null) {
            throw new IllegalArgumentException("Give either --url or --domain, not both.");
        }
        if (bindDn != null && bindUpn != null) {
            throw new IllegalArgumentException("Give either --bind-dn or --bind-upn, not both.");
        }
        if (gssapi && bindDn != null) {
            throw new IllegalArgumentException("--gssapi uses your Kerberos ticket; it cannot be combined with --bind-dn.");
        }
        if (caFile != null && trustFingerprint != null) {
            throw new IllegalArgumentException("Give either --ca-file or --trust-fingerprint, not both.");
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("Give either --password-env or --password-file, not both.");
        }
        if (connectTimeout < 1 || timeout < 1) {
            throw new IllegalArgumentException("Timeouts are whole seconds, at least 1.");
        }
        String host = null;
        int port = 0;
        Security security = Security.LDAPS;
        if (url != null) {
            Endpoint e = parseUrl(url, "--url");
            host = e.host();
            port = e.port();
            security = e.secure() ? Security.LDAPS : (startTls ? Security.STARTTLS : Security.PLAIN);
            if (e.secure() && startTls) {
                throw new IllegalArgumentException("--starttls applies to ldap:// URLs; ldaps:// is already encrypted.");
            }
        } else if (startTls) {
            security = Security.STARTTLS;
        }
        String gcHost = null;
        int gcPort = 0;
        if (gcUrl != null) {
            Endpoint g = parseUrl(gcUrl, "--gc-url");
            if (g.secure() != (security == Security.LDAPS)) {
                throw new IllegalArgumentException("--gc-url must use the same protection as the domain controller ("
                        + (security == Security.LDAPS ? "ldaps://" : "ldap://") + ").");
            }
            gcHost = g.host();
            gcPort = g.port();
        }
        BindKind kind;
        String identity;
        if (gssapi) {
            kind = BindKind.GSSAPI;
            identity = bindUpn;
        } else if (bindDn != null) {
            kind = BindKind.SIMPLE_DN;
            identity = bindDn;
        } else if (bindUpn != null) {
            kind = BindKind.SIMPLE_UPN;
            identity = bindUpn;
        } else {
            throw new IllegalArgumentException("Say how to authenticate: --bind-dn DN or --bind-upn UPN (with a password), or --gssapi.");
        }
        Trust trust = caFile != null ? Trust.caFile(caFile.toString())
                : trustFingerprint != null ? Trust.fingerprint(trustFingerprint) : Trust.system();
        return new ConnectionProfile(null, ConnectionProfile.Mode.LIVE, host, domain, port, security, gcHost, gcPort,
                baseDn, kind, identity, trust, allowPlainLdap, !allowChanges, dnsServer,
                Duration.ofSeconds(connectTimeout), Duration.ofSeconds(timeout));
    }

    private char[] password(ConnectionProfile profile) {
        if (passwordEnv != null) {
            String v = env.apply(passwordEnv);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("The environment variable " + passwordEnv + " is not set or empty.");
            }
            return v.toCharArray();
        }
        if (passwordFile != null) {
            try {
                if (!Files.isRegularFile(passwordFile)) {
                    throw new IllegalArgumentException("The password file " + passwordFile + " does not exist.");
                }
                if (Files.size(passwordFile) > MAX_PASSWORD_FILE) {
                    throw new IllegalArgumentException("The password file " + passwordFile + " is larger than "
                            + MAX_PASSWORD_FILE + " bytes; it does not look like a password file.");
                }
                String content = new String(Files.readAllBytes(passwordFile), StandardCharsets.UTF_8);
                int nl = content.indexOf('\n');
                String line = nl >= 0 ? content.substring(0, nl) : content;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    throw new IllegalArgumentException("The password file " + passwordFile + " is empty.");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("The password file " + passwordFile + " cannot be read: " + e.getMessage());
            }
        }
        char[] typed = prompt.read("Password for " + profile.bindIdentity() + ": ");
        if (typed == null) {
            throw new IllegalArgumentException("No terminal to ask for the password: use --password-env VAR or --password-file FILE.");
        }
        return typed;
    }

    private static char[] consolePrompt(String label) {
        Console c = System.console();
        return c == null ? null : c.readPassword("%s", label);
    }

    record Endpoint(String host, int port, boolean secure) {}

    static Endpoint parseUrl(String text, String option) {
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a URL (expected ldaps://host[:port]).");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap")) {
            throw new IllegalArgumentException(option + " must start with ldaps:// or ldap:// (got '" + text + "').");
        }
        String host = u.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(option + " '" + text + "' names no host.");
        }
        if (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) {
            throw new IllegalArgumentException(option + " takes no path or base DN; use --base-dn.");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Endpoint(host, Math.max(0, u.getPort()), scheme.equals("ldaps"));
    }

    /** For tests: options with a given environment. */
    DirectoryOptions withEnv(Map<String, String> vars) {
        this.env = vars::get;
        return this;
    }
}
