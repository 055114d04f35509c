package io.github.spndoctor.core.demo;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.connect.Trust;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.probe.WinrmTls;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe's authenticated WS-Management request over HTTPS (5986), in process: a TLS listener with a test
 * certificate in front of the demo's Kerberos acceptor (the computer's own keys, as Windows). It checks what a
 * Windows host with CbtHardeningLevel=Strict checks: the ticket's authenticator carries the TLS channel binding
 * (tls-server-end-point of the listener's certificate). The certificate is validated with the product's trust
 * settings and the typed name; an untrusted or misnamed one never receives a ticket.
 */
class WinrmHttpsProbeTest {
    @TempDir
    static Path dir;
    static TrainerDemo demo;
    static Path pem;
    static Path otherPem;
    static Listener good;
    static Listener misnamed;

    /** One HTTPS listener: decisions as "host accepted|rejected reason". */
    record Listener(HttpsServer server, List<String> decisions) implements AutoCloseable {
        InetSocketAddress address() { return server.getAddress(); }

        @Override
        public void close() { server.stop(0); }
    }

    @BeforeAll
    static void start() throws Exception {
        demo = TrainerDemo.open(dir.resolve("demo"));
        pem = dir.resolve("winrm.pem");
        otherPem = dir.resolve("other.pem");
        Path ks = keystore("winrm", "dns:srv004.rwwilden01.local,dns:srv003.rwwilden01.local", pem);
        Path other = keystore("other", "dns:www.example.test", otherPem);
        good = listen(ks, pem);
        misnamed = listen(other, otherPem);
    }

    @AfterAll
    static void stop() {
        good.close();
        misnamed.close();
        demo.close();
    }

    static Path keystore(String name, String san, Path pemOut) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "w", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA384withRSA",
                "-dname", "CN=" + name, "-ext", "SAN=" + san, "-validity", "2", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "w", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", pemOut.toString());
        return ks;
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    /** A WinRM host over TLS: accepts a token only with the computer's key and the channel binding of this TLS. */
    static Listener listen(Path ks, Path certPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        Certificate cert = store.getCertificate("w");
        byte[] expected = TicketAcceptor.expectedBinding(WinrmTls.endPointBinding(cert));
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        List<String> decisions = new CopyOnWriteArrayList<>();
        DemoKerberos k = demo.kerberos();
        server.createContext("/", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                String host = String.valueOf(x.getRequestHeaders().getFirst("Host")).replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
                if ("unauthenticated".equals(x.getRequestHeaders().getFirst("WSMANIDENTIFY"))) {
                    byte[] body = DemoWinrm.IDENTIFY_RESPONSE.getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                    return;
                }
                String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
                byte[] token = Base64.getDecoder().decode(auth.substring(auth.indexOf(' ') + 1));
                AccountRef c = k.computerFor(host).orElseThrow();
                TicketAcceptor.Result r = TicketAcceptor.accept(token, k.keys().of(c.dn(), k.kvno(c)));
                boolean bound = r.binding().map(b -> Arrays.equals(b, expected)).orElse(false);
                String why = !r.accepted() ? r.reason() : bound ? "" : "channel binding missing or wrong " + r.binding().map(java.util.HexFormat.of()::formatHex).orElse("none");
                decisions.add(host + " " + (why.isEmpty() ? "accepted" : "rejected " + why));
                x.sendResponseHeaders(why.isEmpty() ? 200 : 401, -1);
            }
        });
        server.start();
        return new Listener(server, decisions);
    }

    static ProbeEnvironment env(String host, Listener listener, Trust trust) {
        ProbeEnvironment base = demo.probeEnvironment(host);
        return new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return base.kdc(); }

            @Override
            public InetSocketAddress winrmAddress(String h, int port) {
                return port == 5986 ? listener.address() : base.winrmAddress(h, port);
            }

            @Override
            public NameResolver resolver() { return base.resolver(); }

            @Override
            public WinrmTls tls() { return new WinrmTls(trust); }

            @Override
            public ProbeCredentials credentials() { return base.credentials(); }
        };
    }

    static ProbeResult probe(String url, Listener listener, Trust trust, List<ProbeStep> steps) {
        String host = Endpoint.parse(url).name().asTyped();
        return new LiveProbe(demo.directory(), env(host, listener, trust))
                .run(Endpoint.parse(url), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, steps::add);
    }

    @Test
    void overHttps_theTicketIsBoundToTheTlsChannel_andTheHostsVerdictIsKerberos() {
        demo.reset();
        List<ProbeStep> steps = new ArrayList<>();
        ProbeResult ok = probe("https://srv004.rwwilden01.local:5986/wsman", good, Trust.caFile(pem.toString()), steps);
        assertEquals(WinrmOutcome.ACCEPTED, ok.winrm(), ok.winrmDetail() + " / " + good.decisions());
        assertTrue(ok.listener(), "the anonymous Identify went over TLS too");
        assertTrue(good.decisions().contains("srv004.rwwilden01.local accepted"), good.decisions().toString());
        assertTrue(steps.stream().anyMatch(s -> s.sends().equals("WinRM: Identify with Authorization: Negotiate (the ticket, "
                + "bound to this TLS channel) to https://srv004.rwwilden01.local:5986/wsman")), steps.toString());

        ProbeResult hijacked = probe("https://srv003.rwwilden01.local:5986/wsman", good, Trust.caFile(pem.toString()), new ArrayList<>());
        assertEquals(WinrmOutcome.REJECTED, hijacked.winrm(), hijacked.winrmDetail());
        assertTrue(good.decisions().stream().anyMatch(d -> d.startsWith("srv003.rwwilden01.local rejected KRB_AP_ERR_MODIFIED")),
                good.decisions().toString());
    }

    @Test
    void theJdksWindowsFormOfTheBindingIsInUse() {
        assertTrue(WinrmTls.windowsCompatibleBinding(), "the test run exports sun.security.jgss.krb5.internal (pom jgss.argLine)");
    }

    @Test
    void anUntrustedCertificateGetsNoTicket() {
        int before = good.decisions().size();
        ProbeResult r = probe("https://srv004.rwwilden01.local:5986/wsman", good, Trust.system(), new ArrayList<>());
        assertEquals(WinrmOutcome.UNREACHABLE, r.winrm(), r.winrmDetail());
        assertTrue(r.winrmDetail().contains("is not trusted by SPN Doctor's TLS settings"), r.winrmDetail());
        assertEquals(before, good.decisions().size(), "no authenticated request reached a host whose certificate failed");
    }

    @Test
    void aCertificateForAnotherNameIsRefused_evenFromATrustedIssuer() {
        ProbeResult r = probe("https://srv004.rwwilden01.local:5986/wsman", misnamed, Trust.caFile(otherPem.toString()), new ArrayList<>());
        assertEquals(WinrmOutcome.UNREACHABLE, r.winrm(), r.winrmDetail());
        assertTrue(r.winrmDetail().contains("does not name srv004.rwwilden01.local"), r.winrmDetail());
        assertTrue(misnamed.decisions().isEmpty(), misnamed.decisions().toString());
    }
}
