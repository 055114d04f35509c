package io.github.spndoctor.app.multidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.app.cli.SpnDoctorCommand;
import io.github.spndoctor.core.apply.StatePaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 on two really replicating Samba DCs: a computer and a service account holding its HTTP/ SPN are created
 * on DC1; DC2 is held back (DISABLE_INBOUND_REPL); {@code fix} through SPN Doctor connected to DC1 leaves DC1
 * converged and DC2 stale ({@code converge --json}: converged false), and DC2's KDC still encrypts tickets for the
 * old holder (its keytab accepts them); once DC2 replicates, converged. The same for {@code undo}. A stopped DC is
 * unreachable, never converged. Names are random per run; the accounts are deleted afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConvergeMultiDcIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static String host;
    static String spn;
    static String computerDn;
    static String userDn;
    static String user;
    static Path dir;
    static Path journal;
    static Path undoJournal;
    static String oldHome;

    @BeforeAll
    static void accounts() throws Exception {
        MultiDcLab.require();
        dir = Files.createTempDirectory("spn-doctor-multidc");
        oldHome = System.getProperty(StatePaths.HOME_PROPERTY);
        System.setProperty(StatePaths.HOME_PROPERTY, dir.toString());
        int n = 1000 + new Random().nextInt(9000);
        String computer = "WEB" + n;
        host = computer.toLowerCase() + ".multi.test";
        spn = "HTTP/" + host;
        user = "svc-web" + n;
        MultiDcLab.script("inbound", "dc2", "on");
        List<String> dns = MultiDcLab.createAccounts(computer, user, "Svc-Web-Pa55-" + n,
                List.of("HOST/" + host, "HOST/" + computer), List.of(spn));
        computerDn = dns.get(0);
        userDn = dns.get(1);
        MultiDcLab.script("replicate", "dc2", "dc1");
        MultiDcLab.await("dc2", userDn, spn, true, 60);
        journal = dir.resolve("fix.journal");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (MultiDcLab.env("MDC_BASE") == null || userDn == null) {
            return;
        }
        try {
            MultiDcLab.script("start", "dc2");
            MultiDcLab.script("inbound", "dc2", "on");
        } finally {
            MultiDcLab.delete(computerDn, userDn);
            MultiDcLab.restoreHome(oldHome);
        }
    }

    @Test
    @Order(1)
    void fixReachesDc1FirstAndDc2OnlyAfterItReplicates() throws Exception {
        MultiDcLab.script("inbound", "dc2", "off");
        Run fix = cli("fix", "--target", host, "--remedy", "remove-spn", "--yes", "--no-kerberos", "--journal", journal.toString(),
                "--wait", "0");
        assertEquals(0, fix.status, fix.out + fix.err);
        assertTrue(fix.out.matches("(?s).*dc1\\.multi\\.test\\s+\\S+\\s+has the change.*"), fix.out);
        assertTrue(fix.out.matches("(?s).*dc2\\.multi\\.test\\s+\\S+\\s+not yet.*"), fix.out);
        assertTrue(fix.out.contains("1 of 2 domain controllers holds the change"), fix.out);
        assertFalse(MultiDcLab.has("dc1", userDn, spn));
        assertTrue(MultiDcLab.has("dc2", userDn, spn), "DC2 is held back and must still show the old value");

        JsonNode stale = converge(journal, 0);
        assertFalse(stale.path("converged").asBoolean(), stale.toString());
        assertEquals("converged", dc(stale, "dc1").path("state").asText());
        assertEquals("stale", dc(stale, "dc2").path("state").asText());
        assertEquals("Default-First-Site-Name", dc(stale, "dc2").path("site").asText());
        assertTrue(dc(stale, "dc2").path("detail").asText().contains("still finds " + spn + " on " + user), stale.toString());
        assertEquals("DC1", dc(stale, "dc1").path("origin").path("dc").asText(), "the value on DC1 was written on DC1");
        assertTrue(stale.path("compared").asText().contains("replPropertyMetaData"), stale.toString());

        staleKdcStillEncryptsForTheOldHolder();
        lookupThroughDc2sGlobalCatalogSaysReplicationIsInFlight();

        // one watch that sees DC1 at once and DC2 only after it replicates (released two seconds into the watch)
        java.util.concurrent.CompletableFuture<JsonNode> watching = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return converge(journal, 60);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2000);
        MultiDcLab.script("inbound", "dc2", "on");
        MultiDcLab.script("replicate", "dc2", "dc1");
        JsonNode done = watching.get(90, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(done.path("converged").asBoolean(), done.toString());
        assertEquals("converged", dc(done, "dc2").path("state").asText());
        assertTrue(dc(done, "dc2").path("seconds").asDouble() > dc(done, "dc1").path("seconds").asDouble() + 1.5, done.toString());
        assertEquals("DC1", dc(done, "dc2").path("origin").path("dc").asText(), "DC2's value came from DC1 by replication");
        assertTrue(done.path("verdict").asText().startsWith("All 2 domain controllers hold the change (DC2 after "), done.toString());
    }

    /** With DC2 held back, a ticket from DC2's KDC is still encrypted for the service account: its keytab accepts it. */
    void staleKdcStillEncryptsForTheOldHolder() throws Exception {
        String base = MultiDcLab.env("MDC_BASE");
        Path keytab = dir.resolve(user + ".keytab");
        MultiDcLab.run(true, List.of("samba-tool", "domain", "exportkeytab", keytab.toString(), "--principal=" + user,
                "-s", base + "/dc1/etc/smb.conf"));
        String dc2 = kvno(MultiDcLab.env("MDC_KRB5_DC2"), keytab, "dc2");
        String dc1 = kvno(MultiDcLab.env("MDC_KRB5_DC1"), keytab, "dc1");
        assertTrue(dc2.contains("keytab entry valid"), "DC2's KDC should still issue for " + user + ": " + dc2);
        assertFalse(dc1.contains("keytab entry valid"), "DC1's KDC must no longer issue for " + user + ": " + dc1);
    }

    /** Looked up through DC2's (stale) global catalog while DC1 holds the change: the lookup says they disagree. */
    void lookupThroughDc2sGlobalCatalogSaysReplicationIsInFlight() throws Exception {
        String gc2 = MultiDcLab.env("MDC_DC2_GC_URI");
        Run r = cli("lookup", "--target", host, "--json", "--gc-url", gc2);
        assertEquals(0, r.status, r.out + r.err);
        JsonNode notes = JSON.readTree(r.out).path("replicationNotes");
        assertEquals(1, notes.size(), r.out);
        assertTrue(notes.get(0).asText().contains("the global catalog still lists " + spn + ", the DC no longer"), r.out);
    }

    private String kvno(String krb5, Path keytab, String tag) throws Exception {
        Path cc = dir.resolve("cc-" + tag);
        Files.deleteIfExists(cc);
        MultiDcLab.runWithInput(MultiDcLab.env("MDC_BIND_PW") + "\n", List.of("kinit", "Administrator@MULTI.TEST"),
                "KRB5_CONFIG", krb5, "KRB5CCNAME", "FILE:" + cc);
        return MultiDcLab.run(false, List.of("kvno", "-k", keytab.toString(), spn), "KRB5_CONFIG", krb5, "KRB5CCNAME", "FILE:" + cc);
    }

    @Test
    @Order(2)
    void undoIsWatchedTheSameWay() throws Exception {
        MultiDcLab.script("inbound", "dc2", "off");
        Run undo = cli("undo", "--journal", journal.toString(), "--yes", "--wait", "0");
        assertEquals(0, undo.status, undo.out + undo.err);
        Matcher m = Pattern.compile("Journal of this undo: (\\S+)").matcher(undo.out);
        assertTrue(m.find(), undo.out);
        undoJournal = Path.of(m.group(1));
        assertTrue(undo.out.matches("(?s).*dc2\\.multi\\.test\\s+\\S+\\s+not yet.*"), undo.out);
        assertTrue(undo.out.contains("may keep the answer \"no such SPN\" for up to 15 minutes"), undo.out);

        JsonNode stale = converge(undoJournal, 0);
        assertFalse(stale.path("converged").asBoolean(), stale.toString());
        assertEquals("converged", dc(stale, "dc1").path("state").asText());
        assertEquals("stale", dc(stale, "dc2").path("state").asText());
        assertTrue(MultiDcLab.has("dc1", userDn, spn));

        MultiDcLab.script("inbound", "dc2", "on");
        MultiDcLab.script("replicate", "dc2", "dc1");
        JsonNode done = converge(undoJournal, 30);
        assertTrue(done.path("converged").asBoolean(), done.toString());
        assertTrue(MultiDcLab.has("dc2", userDn, spn));
    }

    @Test
    @Order(3)
    void aStoppedDcIsUnreachableNeverConverged() throws Exception {
        MultiDcLab.script("stop", "dc2");
        try {
            JsonNode r = converge(undoJournal != null ? undoJournal : journal, 0);
            assertFalse(r.path("converged").asBoolean(), r.toString());
            assertEquals("unreachable", dc(r, "dc2").path("state").asText(), r.toString());
            assertEquals("converged", dc(r, "dc1").path("state").asText(), r.toString());
            assertNotEquals("", dc(r, "dc2").path("detail").asText());
        } finally {
            MultiDcLab.script("start", "dc2");
        }
    }

    private JsonNode converge(Path j, int wait) throws Exception {
        Run r = cli("converge", "--journal", j.toString(), "--wait", String.valueOf(wait), "--json");
        JsonNode n = JSON.readTree(r.out);
        assertEquals(n.path("converged").asBoolean() ? 0 : 7, r.status, r.out + r.err);
        return n;
    }

    private static JsonNode dc(JsonNode report, String shortName) {
        for (JsonNode d : report.path("dcs")) {
            if (d.path("dc").asText().startsWith(shortName + ".")) {
                return d;
            }
        }
        throw new AssertionError("no " + shortName + " in " + report);
    }

    record Run(int status, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "ldaps://" + MultiDcLab.dc1Host(), "--dns-server", MultiDcLab.dc1Host(),
                "--bind-upn", MultiDcLab.env("MDC_BIND_UPN"), "--password-env", "MDC_BIND_PW", "--ca-file", MultiDcLab.ca(),
                "--timeout", "10", "--connect-timeout", "5"));
        if (!args[0].equals("converge") && !args[0].equals("lookup")) {
            all.add("--allow-changes");
        }
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
