package io.github.spndoctor.app.multidc;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two replicating Samba DCs of ../shared/samba-lab/samba-multidc.sh (realm MULTI.TEST, DC1 127.0.0.11, DC2
 * 127.0.0.12) for integration tests: its {@code env} variables, admin LDAP connections to either DC, and the
 * script's commands (inbound on/off, replicate, stop/start). Without the variables a test is skipped with a message;
 * under CI=true it fails instead.
 */
public final class MultiDcLab {
    private MultiDcLab() {}

    public static void require() {
        if (env("MDC_DC1_LDAP_URI") != null && env("MDC_BIND_PW") != null && env("MDC_BASE") != null) {
            return;
        }
        String msg = "two-DC lab not configured (MDC_DC1_LDAP_URI unset): bash ../shared/samba-lab/samba-multidc.sh up && "
                + "eval \"$(bash ../shared/samba-lab/samba-multidc.sh env)\"";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + msg);
        }
        System.out.println("SKIPPED two-DC integration test: " + msg);
        Assumptions.abort(msg);
    }

    public static String env(String n) {
        String v = System.getenv(n);
        return v == null || v.isBlank() ? null : v;
    }

    public static String baseDn() { return env("MDC_BASE_DN"); }

    public static String ca() { return Path.of(env("MDC_BASE"), "tls", "ca.pem").toString(); }

    public static String dc1Host() { return URI.create(env("MDC_DC1_LDAP_URI")).getHost(); }

    /** An admin LDAPS connection to DC1 or DC2 ("dc1"/"dc2"). */
    public static LDAPConnection admin(String dc) throws Exception {
        URI u = URI.create(env("dc1".equals(dc) ? "MDC_DC1_LDAP_URI" : "MDC_DC2_LDAP_URI"));
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setConnectTimeoutMillis(5000);
        o.setResponseTimeoutMillis(15000);
        LDAPConnection c = new LDAPConnection(new SSLUtil(new PEMFileTrustManager(new File(ca()))).createSSLSocketFactory(), o,
                u.getHost(), u.getPort());
        c.bind(env("MDC_BIND_UPN"), env("MDC_BIND_PW"));
        return c;
    }

    /** True when {@code dc} shows {@code spn} on {@code dn}. */
    public static boolean has(String dc, String dn, String spn) throws Exception {
        try (LDAPConnection c = admin(dc)) {
            SearchResultEntry e = c.getEntry(dn, "servicePrincipalName");
            return e != null && e.getAttributeValues("servicePrincipalName") != null
                    && Arrays.stream(e.getAttributeValues("servicePrincipalName")).anyMatch(spn::equalsIgnoreCase);
        } catch (LDAPException e) {
            return false;
        }
    }

    /** Polls {@code dc} until {@code spn} is present (or absent) on {@code dn}; fails after {@code seconds}. */
    public static void await(String dc, String dn, String spn, boolean present, int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (has(dc, dn, spn) != present) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(dc + " did not " + (present ? "get " : "drop ") + spn + " on " + dn + " within " + seconds + " s");
            }
            Thread.sleep(300);
        }
    }

    /** Creates (or resets) a computer and a user holding {@code userSpns}; returns their DNs. */
    public static List<String> createAccounts(String computer, String user, String userPassword, List<String> computerSpns,
                                              List<String> userSpns) throws Exception {
        String cdn = "CN=" + computer + ",CN=Computers," + baseDn();
        String udn = "CN=" + user + ",CN=Users," + baseDn();
        try (LDAPConnection c = admin("dc1")) {
            for (String dn : List.of(cdn, udn)) {
                if (c.getEntry(dn) != null) {
                    c.delete(dn);
                }
            }
            List<Attribute> comp = new ArrayList<>(List.of(new Attribute("objectClass", "top", "person", "organizationalPerson", "user", "computer"),
                    new Attribute("sAMAccountName", computer + "$"), new Attribute("userAccountControl", "4096"),
                    new Attribute("dNSHostName", computer.toLowerCase() + ".multi.test")));
            comp.add(new Attribute("servicePrincipalName", computerSpns));
            c.add(cdn, comp);
            byte[] pw = ("\"" + userPassword + "\"").getBytes(StandardCharsets.UTF_16LE);
            c.add(udn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("sAMAccountName", user), new Attribute("unicodePwd", pw),
                    new Attribute("userAccountControl", "66048"), new Attribute("servicePrincipalName", userSpns));
        }
        return List.of(cdn, udn);
    }

    /** Puts SPN Doctor's state directory back as it was before a test moved it ({@code old} null: unset). */
    public static void restoreHome(String old) {
        if (old == null) {
            System.clearProperty(io.github.spndoctor.core.apply.StatePaths.HOME_PROPERTY);
        } else {
            System.setProperty(io.github.spndoctor.core.apply.StatePaths.HOME_PROPERTY, old);
        }
    }

    /** Sets {@code dn}'s password on DC1 (each set raises its key version by one). */
    public static void setPassword(String dn, String password) throws Exception {
        try (LDAPConnection c = admin("dc1")) {
            c.modify(dn, new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE, "unicodePwd",
                    ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)));
        }
    }

    /** {@code dn}'s msDS-KeyVersionNumber as {@code dc} shows it, or -1. */
    public static int keyVersion(String dc, String dn) throws Exception {
        try (LDAPConnection c = admin(dc)) {
            SearchResultEntry e = c.getEntry(dn, "msDS-KeyVersionNumber");
            return e == null || e.getAttributeValue("msDS-KeyVersionNumber") == null ? -1
                    : Integer.parseInt(e.getAttributeValue("msDS-KeyVersionNumber"));
        }
    }

    public static void delete(String... dns) {
        try (LDAPConnection c = admin("dc1")) {
            for (String dn : dns) {
                if (c.getEntry(dn) != null) {
                    c.delete(dn);
                }
            }
        } catch (Exception ignored) {
            // best effort cleanup
        }
    }

    /** Runs {@code samba-multidc.sh ARGS} and fails when it fails. */
    public static String script(String... args) throws Exception {
        return run(true, prepend(List.of("bash", scriptPath("samba-multidc.sh").toString()), args));
    }

    /** Runs a command with the environment given; returns its output (fails on a non-zero exit when {@code check}). */
    public static String run(boolean check, List<String> cmd, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (check && rc != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + rc + "):\n" + out);
        }
        return out;
    }

    /** Runs a command feeding {@code input} on stdin. */
    public static String runWithInput(String input, List<String> cmd, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static Path scriptPath(String name) {
        for (Path p : List.of(Path.of("..", "..", "shared", "samba-lab", name), Path.of("..", "shared", "samba-lab", name),
                Path.of("..", "..", "..", "shared", "samba-lab", name))) {
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("../shared/samba-lab/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    private static List<String> prepend(List<String> head, String... rest) {
        List<String> out = new ArrayList<>(head);
        out.addAll(Arrays.asList(rest));
        return out;
    }
}
