package io.github.spndoctor.app.multidc;

import io.github.spndoctor.app.cli.SpnDoctorCommand;
import io.github.spndoctor.core.apply.StatePaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, the probe per DC on two really replicating Samba DCs: with DC2 held back, {@code fix --probe} asks
 * each DC's own KDC for the SPN it removed; DC2's KDC still issues a ticket with the service account's key version
 * (the old holder), DC1's no longer does, and the product says so in its output and its report. The service
 * account's key version is raised on purpose so that the two accounts' keys can be told apart; the values compared
 * are read from the directory. Names are random per run; the accounts are deleted afterwards.
 */
class KdcPerDcMultiDcIT {
    static String host;
    static String spn;
    static String computerDn;
    static String userDn;
    static String user;
    static String computer;
    static Path dir;
    static String oldHome;

    @BeforeAll
    static void accounts() throws Exception {
        MultiDcLab.require();
        dir = Files.createTempDirectory("spn-doctor-kdc-per-dc");
        oldHome = System.getProperty(StatePaths.HOME_PROPERTY);
        System.setProperty(StatePaths.HOME_PROPERTY, dir.toString());
        int n = 1000 + new Random().nextInt(9000);
        computer = "KDC" + n;
        host = computer.toLowerCase() + ".multi.test";
        spn = "HTTP/" + host;
        user = "svc-kdc" + n;
        MultiDcLab.script("inbound", "dc2", "on");
        List<String> dns = MultiDcLab.createAccounts(computer, user, "Svc-Kdc-Pa55-" + n,
                List.of("HOST/" + host, "HOST/" + computer), List.of(spn));
        computerDn = dns.get(0);
        userDn = dns.get(1);
        MultiDcLab.setPassword(computerDn, "Cmp-Kdc-Pa55-" + n);
        // the service account's key version moves ahead of the computer's, so a ticket's key version names one of them
        for (int i = 0; MultiDcLab.keyVersion("dc1", userDn) <= MultiDcLab.keyVersion("dc1", computerDn) && i < 3; i++) {
            MultiDcLab.setPassword(userDn, "Svc-Kdc-Pa55-" + n + "-" + i);
        }
        MultiDcLab.script("replicate", "dc2", "dc1");
        MultiDcLab.await("dc2", userDn, spn, true, 60);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (MultiDcLab.env("MDC_BASE") == null || userDn == null) {
            return;
        }
        try {
            MultiDcLab.script("inbound", "dc2", "on");
        } finally {
            MultiDcLab.delete(computerDn, userDn);
            MultiDcLab.restoreHome(oldHome);
        }
    }

    @Test
    void withDc2HeldBack_itsKdcStillIssuesForTheOldHolder_andTheProductSaysSo() throws Exception {
        int userKvno = MultiDcLab.keyVersion("dc1", userDn);
        int computerKvno = MultiDcLab.keyVersion("dc1", computerDn);
        assertNotEquals(userKvno, computerKvno, "set-up: the two key versions must differ");
        MultiDcLab.script("inbound", "dc2", "off");
        Path report = dir.resolve("fix.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("fix", "--target", host, "--remedy", "remove-spn", "--yes", "--no-kerberos",
                "--journal", dir.resolve("fix.journal").toString(), "--wait", "0", "--report", report.toString(),
                "--probe", "--probe-principal", MultiDcLab.env("MDC_BIND_UPN").replaceFirst("@.*", "@MULTI.TEST"),
                "--probe-password-env", "MDC_BIND_PW", "--realm", "MULTI.TEST", "--name-server", MultiDcLab.dc1Host(),
                "--krb5-conf", MultiDcLab.env("MDC_KRB5_DC1"),
                "--url", "ldaps://" + MultiDcLab.dc1Host(), "--dns-server", MultiDcLab.dc1Host(),
                "--bind-upn", MultiDcLab.env("MDC_BIND_UPN"), "--password-env", "MDC_BIND_PW", "--ca-file", MultiDcLab.ca(),
                "--timeout", "10", "--connect-timeout", "5", "--allow-changes"));
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        String o = out.toString();
        assertTrue(o.matches("(?s).*dc2\\.multi\\.test\\s+\\S+\\s+not yet.*"), o + err);
        assertTrue(MultiDcLab.has("dc2", userDn, spn), "DC2 is held back and must still show the old value");

        String dc2 = line(o, "- DC2's KDC ");
        assertTrue(dc2.contains("with key version " + userKvno + ": " + user + "'s key, the account the SPN was removed from"),
                "DC2's KDC still issues for the service account (key version " + userKvno + "): " + dc2 + "\n" + o + err);
        assertTrue(dc2.endsWith("until the change replicates there."), dc2);
        String dc1 = line(o, "- DC1's KDC ");
        System.out.println("key versions: " + user + "=" + userKvno + ", " + computer + "$=" + computerKvno + "\n" + dc1 + "\n" + dc2);
        assertFalse(dc1.contains(user + "'s key"), "DC1 holds the change: its KDC must not issue for " + user + ": " + dc1);
        assertTrue(dc1.contains("with key version " + computerKvno + ": " + computer + "$'s key"),
                "DC1's KDC answers HTTP/ through the computer's HOST/ now: " + dc1);
        String md = Files.readString(report);
        assertTrue(md.contains("Each domain controller's KDC: Asked the KDC of 2 domain controllers: DC2 still issues tickets with the key of the account the SPN was removed from"), md);
        assertTrue(md.contains(dc2.substring(2)), "the same words in the report: " + md);
        assertTrue(md.contains("Replication to every DC - After the fix: 1 of 2 domain controllers holds the change"), md);
        assertEquals(0, status, o + err);
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + out));
    }
}
