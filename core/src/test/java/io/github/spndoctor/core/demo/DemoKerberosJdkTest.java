package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's tickets are real Kerberos: the JDK's own GSS-API, in a separate JVM configured only by the demo's
 * krb5.conf, logs on, gets service tickets, and its tokens are read (or not) by the demo hosts exactly as by Windows.
 */
class DemoKerberosJdkTest {
    static DemoDirectory demo;
    static DemoKerberos kerberos;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start();
        kerberos = DemoKerberos.start(demo);
    }

    @AfterAll
    static void stop() {
        kerberos.close();
        demo.close();
    }

    @Test
    void hijackedSpnTicketFailsWithTheComputersKeyButDecryptsWithTheHolders() throws Exception {
        Map<String, String> out = jdkClient("HTTP/srv003.rwwilden01.local", "srv003.rwwilden01.local");
        assertEquals("401", out.get("STATUS"), out.toString());
        byte[] token = Base64.getDecoder().decode(out.get("TOKEN"));
        AccountRef computer = kerberos.computerFor("srv003.rwwilden01.local").orElseThrow();
        AccountRef holder = kerberos.choose(Spn.parse("HTTP/srv003.rwwilden01.local")).answeredBy().orElseThrow().ref();
        assertEquals("svc-srv003-web$", holder.samAccountName());
        TicketAcceptor.Result byComputer = TicketAcceptor.accept(token, kerberos.keys().of(computer.dn(), kerberos.kvno(computer)));
        TicketAcceptor.Result byHolder = TicketAcceptor.accept(token, kerberos.keys().of(holder.dn(), kerberos.kvno(holder)));
        assertFalse(byComputer.accepted());
        assertTrue(byComputer.reason().startsWith("KRB_AP_ERR_MODIFIED"), byComputer.reason());
        assertTrue(byHolder.accepted(), byHolder.reason());
        assertEquals(kerberos.kvno(holder), byHolder.ticketKvno());
        assertTrue(kerberos.kvno(holder) != kerberos.kvno(computer), "the kvno tells whose key it was");
    }

    @Test
    void healthyHostAcceptsTheJdkTokenAndTheJdkAcceptsTheHostsMutualAnswer() throws Exception {
        Map<String, String> out = jdkClient("HTTP/srv004.rwwilden01.local", "srv004.rwwilden01.local");
        assertEquals("200", out.get("STATUS"), out.toString());
        assertEquals("true", out.get("ESTABLISHED"), out.toString());
    }

    private static Map<String, String> jdkClient(String spn, String host) throws Exception {
        Path conf = dir.resolve("krb5-" + System.nanoTime() + ".conf");
        Files.writeString(conf, kerberos.krb5Conf(), StandardCharsets.UTF_8);
        String realm = kerberos.realmOf(host);
        var w = kerberos.winrmAddress();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.krb5.conf=" + conf, "-cp", System.getProperty("java.class.path"),
                JdkGssClientMain.class.getName(), spn, realm, w.getAddress().getHostAddress(), String.valueOf(w.getPort()), host)
                .redirectErrorStream(true);
        char[] pw = kerberos.clientPassword();
        pb.environment().put("DEMO_PASSWORD", new String(pw));
        pb.environment().put("DEMO_PRINCIPAL", kerberos.clientPrincipal(realm));
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        List<String> lines = text.lines().filter(l -> l.matches("^[A-Z]+ .*")).toList();
        return lines.stream().collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1), (a, b) -> b));
    }
}
