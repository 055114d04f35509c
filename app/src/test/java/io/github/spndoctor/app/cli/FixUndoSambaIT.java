package io.github.spndoctor.app.cli;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.github.spndoctor.core.apply.StatePaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance path on the Samba AD lab, through the real command line and real connection options: {@code fix}
 * with each remedy, then {@code undo} from its journal, leaves every SPN in the domain exactly as before. The bind
 * password appears in no journal, audit log or report. Skipped with a message without the lab; fails under CI=true.
 */
class FixUndoSambaIT {
    @TempDir
    Path home;
    String oldHome;

    static String env(String n) {
        String v = System.getenv(n);
        return v == null || v.isBlank() ? null : v;
    }

    @BeforeEach
    void lab() throws Exception {
        if (env("SAMBALAB_LDAP_URI") == null || env("SAMBALAB_BIND_PW") == null) {
            String msg = "Samba lab not configured (SAMBALAB_LDAP_URI unset): eval \"$(bash ../shared/samba-lab/samba-lab.sh env)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but " + msg);
            }
            System.out.println("SKIPPED Samba integration test: " + msg);
            Assumptions.abort(msg);
        }
        oldHome = System.getProperty(StatePaths.HOME_PROPERTY);
        System.setProperty(StatePaths.HOME_PROPERTY, home.toString());
        seed();
    }

    @AfterEach
    void restoreHome() {
        if (oldHome == null) {
            System.clearProperty(StatePaths.HOME_PROPERTY);
        } else {
            System.setProperty(StatePaths.HOME_PROPERTY, oldHome);
        }
    }

    @AfterAll
    static void reseed() throws Exception {
        if (env("SAMBALAB_LDAP_URI") != null) {
            seed();
        }
    }

    static void seed() throws Exception {
        Path script = Path.of("..", "..", "shared", "samba-lab", "samba-lab.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", script.toString(), "seed").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    /** Every servicePrincipalName value in the lab domain, by DN, exactly as stored. */
    static Map<String, String> domainSpns() throws Exception {
        URI u = URI.create(env("SAMBALAB_LDAP_URI"));
        SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(Path.of(env("LDAPTLS_CACERT")).toFile()));
        try (LDAPConnection c = new LDAPConnection(ssl.createSSLSocketFactory(), u.getHost(), u.getPort())) {
            c.bind(env("SAMBALAB_BIND_DN"), env("SAMBALAB_BIND_PW"));
            Map<String, String> out = new TreeMap<>();
            SearchRequest req = new SearchRequest(env("SAMBALAB_BASE_DN"), SearchScope.SUB, "(servicePrincipalName=*)", "servicePrincipalName");
            for (SearchResultEntry e : c.search(req).getSearchEntries()) {
                String[] v = e.getAttributeValues("servicePrincipalName");
                Arrays.sort(v, String.CASE_INSENSITIVE_ORDER);
                out.put(e.getDN().toLowerCase(), String.join("|", v));
            }
            return out;
        }
    }

    record Run(int status, String out, String err) { }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", env("SAMBALAB_LDAP_URI"), "--gc-url", env("SAMBALAB_GC_URI"), "--bind-upn", env("SAMBALAB_BIND_UPN"),
                "--password-env", "SAMBALAB_BIND_PW", "--ca-file", env("LDAPTLS_CACERT"), "--allow-changes"));
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    /** kinit (a TGT only) into a private cache, so the check after the fix asks the KDC afresh. */
    private Path privateTicketCache() throws Exception {
        Path cc = home.resolve("krb5cc");
        ProcessBuilder pb = new ProcessBuilder("kinit", "Administrator@" + env("SAMBALAB_REALM")).redirectErrorStream(true);
        pb.environment().put("KRB5CCNAME", "FILE:" + cc);
        Process p = pb.start();
        p.getOutputStream().write((env("SAMBALAB_BIND_PW") + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return cc;
    }

    @org.junit.jupiter.api.Test
    void fixRemoveSpn_provesItWithSrv003sKeytab() throws Exception {
        Path cc = privateTicketCache();
        Path keytab = Path.of(env("SAMBALAB_DIR"), "keytabs", "SRV003.keytab");
        Run fix = cli("fix", "--target", "srv003.lab.test", "--remedy", "remove-spn", "--yes", "--journal", home.resolve("k.ldif").toString(),
                "--verify-keytab", keytab.toString(), "--krb5-ccache", "FILE:" + cc);
        assertEquals(0, fix.status(), fix.out() + fix.err());
        assertTrue(fix.out().contains("Check: fixed"), fix.out());
        assertTrue(fix.out().contains("keytab entry valid"), fix.out());
        assertTrue(fix.out().contains("the host's own key decrypts it"), fix.out());
        Run undo = cli("undo", "--journal", home.resolve("k.ldif").toString(), "--yes");
        assertEquals(0, undo.status(), undo.out() + undo.err());
    }

    @ParameterizedTest(name = "fix --remedy {0} --target {1}, then undo")
    @CsvSource({
        "remove-spn, srv003.lab.test, HTTP/srv003.lab.test",
        "port-spn, srv003.lab.test, HTTP/srv003.lab.test:5985",
        "wsman-prefix, dynamics-crm.lab.test, WSMAN/dynamics-crm.lab.test",
    })
    void fixThenUndo_leavesTheDomainExactlyAsBefore(String remedy, String target, String changedSpn) throws Exception {
        Map<String, String> before = domainSpns();
        Path journal = home.resolve("journal-" + remedy + ".ldif");
        Path report = home.resolve("report-" + remedy + ".html");
        Run fix = cli("fix", "--target", target, "--remedy", remedy, "--yes", "--journal", journal.toString(),
                "--report", report.toString(), "--no-kerberos");
        assertEquals(0, fix.status(), fix.out() + fix.err());
        // remove-spn is proven in the directory alone; port-spn and wsman-prefix still need their client step
        assertTrue(fix.out().contains(remedy.equals("remove-spn") ? "Check: fixed" : "Check: done in the directory; steps remain"), fix.out());
        Map<String, String> after = domainSpns();
        assertNotEquals(before, after);
        assertTrue(after.values().stream().anyMatch(v -> v.toLowerCase().contains(changedSpn.toLowerCase())) != remedy.equals("remove-spn"),
                changedSpn + " should be " + (remedy.equals("remove-spn") ? "gone" : "present") + ": " + after);
        if (remedy.equals("port-spn")) {
            String srv003 = after.entrySet().stream().filter(e -> e.getKey().startsWith("cn=srv003,")).findFirst().orElseThrow().getValue();
            assertTrue(srv003.contains("HTTP/srv003:5985") && srv003.contains("HTTP/srv003.lab.test:5985"), srv003);
        }
        if (remedy.equals("wsman-prefix")) {
            assertTrue(fix.out().contains("spn_prefix"), "prints the client registry step");
            String crm = after.entrySet().stream().filter(e -> e.getKey().startsWith("cn=dynamics-crm,")).findFirst().orElseThrow().getValue();
            assertTrue(crm.contains("WSMAN/dynamics-crm|") && crm.contains("WSMAN/dynamics-crm.lab.test"), crm);
        }

        Run undo = cli("undo", "--journal", journal.toString(), "--yes");
        assertEquals(0, undo.status(), undo.out() + undo.err());
        assertEquals(before, domainSpns(), "undo leaves every SPN exactly as before");

        // the bind password is in none of the files this run wrote
        String pw = env("SAMBALAB_BIND_PW");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains(pw), "password found in " + f);
            }
        }
        assertTrue(Files.readString(home.resolve("audit.log")).contains(env("SAMBALAB_BIND_UPN")));
        assertFalse(fix.out().contains(pw) || fix.err().contains(pw) || undo.out().contains(pw) || undo.err().contains(pw));
    }
}
