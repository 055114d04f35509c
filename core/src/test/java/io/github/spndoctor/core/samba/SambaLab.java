package io.github.spndoctor.core.samba;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.PEMFileTrustManager;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/**
 * Access to the Samba AD DC of ../shared/samba-lab for integration tests. Reads the variables printed by
 * {@code samba-lab.sh env}. Without them a test is skipped with a visible message; under CI=true it fails instead,
 * so CI can never pass by skipping.
 */
public final class SambaLab {
    private static final Path SCRIPT = Path.of("..", "..", "shared", "samba-lab", "samba-lab.sh");

    private SambaLab() {}

    /** Skips (or under CI fails) the calling test when the lab is not configured. */
    public static void require() {
        if (configured()) {
            return;
        }
        String msg = "Samba lab not configured (SAMBALAB_LDAP_URI unset): start it with "
                + "`bash ../shared/samba-lab/samba-lab.sh start && eval \"$(bash ../shared/samba-lab/samba-lab.sh env)\"`";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + msg);
        }
        System.out.println("SKIPPED Samba integration test: " + msg);
        Assumptions.abort(msg);
    }

    public static boolean configured() {
        return env("SAMBALAB_LDAP_URI") != null && env("SAMBALAB_BIND_PW") != null;
    }

    public static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    public static String ldapUri() { return env("SAMBALAB_LDAP_URI"); }

    public static String gcUri() { return env("SAMBALAB_GC_URI"); }

    public static String baseDn() { return env("SAMBALAB_BASE_DN"); }

    public static String bindDn() { return env("SAMBALAB_BIND_DN"); }

    public static String bindUpn() { return env("SAMBALAB_BIND_UPN"); }

    public static String password() { return env("SAMBALAB_BIND_PW"); }

    public static Path caFile() { return Path.of(env("LDAPTLS_CACERT")); }

    public static Path labDir() { return Path.of(env("SAMBALAB_DIR")); }

    /** An LDAPS connection to {@code uri} as Administrator, trusting only the lab's CA. */
    public static LDAPConnection connect(String uri) throws LDAPException, GeneralSecurityException {
        URI u = URI.create(uri);
        SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(caFile().toFile()));
        LDAPConnectionOptions opts = new LDAPConnectionOptions();
        opts.setConnectTimeoutMillis(5000);
        opts.setResponseTimeoutMillis(15000);
        LDAPConnection c = new LDAPConnection(ssl.createSSLSocketFactory(), opts, u.getHost(), u.getPort());
        c.bind(bindDn(), password());
        return c;
    }

    /** A read-write {@link LdapDirectory} on the lab: domain over LDAPS 636, forest lookups over the GC on 3269. */
    public static LdapDirectory directory() throws LDAPException, GeneralSecurityException {
        LDAPConnectionPool domain = new LDAPConnectionPool(connect(ldapUri()), 2);
        LDAPConnectionPool gc = new LDAPConnectionPool(connect(gcUri()), 2);
        return new LdapDirectory(gc, "", router(domain), new DirectoryInfo(false, ldapUri(), bindUpn(), false), 30, () -> {
            gc.close();
            domain.close();
        });
    }

    /** The lab's one domain served by {@code dc}, as the Connector routes it (the lab has no other domain to open). */
    public static io.github.spndoctor.core.directory.ldap.DomainRouter router(com.unboundid.ldap.sdk.LDAPInterface dc) {
        try {
            return io.github.spndoctor.core.directory.ldap.DomainRouter.forest(dc, baseDn(), "CN=Configuration," + baseDn(),
                    null, 30);
        } catch (io.github.spndoctor.core.directory.DirectoryException e) {
            throw new IllegalStateException("SAMBALAB_BASE_DN is not a DN: " + baseDn(), e);
        }
    }

    /** Host of the lab's domain controller as dialled (127.0.0.1). */
    public static String host() { return URI.create(ldapUri()).getHost(); }

    /**
     * A read-only LDAPS profile for the lab: simple bind as {@code Administrator@lab.test} (UPN), trusting only
     * the lab's CA; the global catalog is found through the rootDSE (the DC is a GC).
     */
    public static io.github.spndoctor.core.directory.connect.ConnectionProfile profile() {
        return io.github.spndoctor.core.directory.connect.ConnectionProfile
                .ldaps(host(), bindUpn(), io.github.spndoctor.core.directory.connect.Trust.caFile(caFile().toString()))
                .withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(15));
    }

    /** Makes sure the lab's ticket cache holds a valid TGT for Administrator (kinit with the lab password if not). */
    public static void ensureTicket() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("klist", "-s").inheritIO().start();
        if (check.waitFor() == 0) {
            return;
        }
        Process kinit = new ProcessBuilder("kinit", "Administrator@" + env("SAMBALAB_REALM")).redirectErrorStream(true).start();
        kinit.getOutputStream().write((password() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kinit.getOutputStream().close();
        String out = new String(kinit.getInputStream().readAllBytes());
        if (kinit.waitFor() != 0) {
            throw new AssertionError("kinit failed: " + out);
        }
    }

    /** Runs {@code samba-lab.sh ARGS...} (e.g. "seed") and fails the test when it fails. */
    public static String script(String... args) throws IOException, InterruptedException {
        Path script = SCRIPT.toAbsolutePath().normalize();
        if (!Files.exists(script)) {
            script = Path.of("..", "shared", "samba-lab", "samba-lab.sh").toAbsolutePath().normalize();
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("SAMBALAB_DIR", labDir().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError("samba-lab.sh " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }
}
