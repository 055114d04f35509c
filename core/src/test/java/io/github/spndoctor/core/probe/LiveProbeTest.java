package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.FakeNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe without a real KDC or WinRM host: what it says when parts are missing, down or hostile. */
class LiveProbeTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Every host on {@code winrm}; the KDC at {@code kdc}. */
    static ProbeEnvironment env(InetSocketAddress winrm, InetSocketAddress kdc, ProbeCredentials creds) {
        return new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return KdcConfig.realm("RWWILDEN01.LOCAL", kdc); }

            @Override
            public InetSocketAddress winrmAddress(String host, int port) {
                return port == 5985 ? winrm : new InetSocketAddress("127.0.0.1", 1);
            }

            @Override
            public NameResolver resolver() { return new FakeNameResolver().a("srv003.rwwilden01.local", "127.0.0.1"); }

            @Override
            public ProbeCredentials credentials() { return creds; }
        };
    }

    @Test
    void aKdcThatIsDownIsUnavailableInBoundedTime() throws Exception {
        InetSocketAddress deadKdc = new InetSocketAddress("127.0.0.1", freePort());
        InetSocketAddress deadWinrm = new InetSocketAddress("127.0.0.1", freePort());
        List<ProbeStep> steps = new ArrayList<>();
        long t = System.nanoTime();
        ProbeResult r = new LiveProbe(demo, env(deadWinrm, deadKdc,
                new ProbeCredentials.Password("someone@RWWILDEN01.LOCAL", "pw".toCharArray())))
                .run(Endpoint.parse("srv003.rwwilden01.local"), WinrmClient.SERVER_MANAGER, ClientSettings.DEFAULT, steps::add);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertEquals(TicketOutcome.UNAVAILABLE, r.ticket().outcome(), r.ticket().detail());
        assertFalse(r.tcp().get(5985));
        assertFalse(r.listener());
        assertEquals(WinrmOutcome.NOT_TRIED, r.winrm());
        assertEquals("HTTP/srv003.rwwilden01.local", r.spn().orElseThrow().toString());
        assertTrue(ms < LiveProbe.TICKET_MILLIS + 5000, "took " + ms + " ms");
        assertTrue(r.summary().startsWith("The KDC did not issue a ticket for HTTP/srv003.rwwilden01.local"), r.summary());
        assertTrue(steps.stream().anyMatch(s -> s.status() == ProbeStep.Status.RUNNING && s.sends().startsWith("Kerberos: asking")));
        assertTrue(r.clockOffsetSeconds().isPresent(), "the demo DC's clock is this machine's");
    }

    @Test
    void aListenerThatAnswersGarbageIsNoListener() throws Exception {
        try (HostileServer garbage = new HostileServer((in, out) -> {
            HostileServer.readHead(in);
            HostileServer.write(out, "220 smtp.example ESMTP\r\n\r\n");
        })) {
            ProbeResult r = new LiveProbe(demo, env(garbage.address(), new InetSocketAddress("127.0.0.1", freePort()),
                    new ProbeCredentials.None())).run(Endpoint.parse("srv003.rwwilden01.local"), WinrmClient.POWERSHELL,
                    ClientSettings.DEFAULT, s -> { });
            assertTrue(r.tcp().get(5985));
            assertFalse(r.listener());
            assertEquals(TicketOutcome.NO_CREDENTIALS, r.ticket().outcome());
            assertEquals(WinrmOutcome.NOT_TRIED, r.winrm());
            assertTrue(r.steps().stream().anyMatch(s -> s.kind() == ProbeStep.Kind.LISTENER && s.result().contains("not with HTTP")));
        }
    }

    @Test
    void anIpAddressOnWindowsSkipsKerberos() throws Exception {
        ProbeResult r = new LiveProbe(demo, env(new InetSocketAddress("127.0.0.1", freePort()),
                new InetSocketAddress("127.0.0.1", freePort()), new ProbeCredentials.None()))
                .run(Endpoint.parse("10.1.2.3"), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
        assertTrue(r.spn().isEmpty());
        assertEquals(WinrmOutcome.NOT_TRIED, r.winrm());
        assertTrue(r.summary().contains("does not use Kerberos"), r.summary());
    }

    @Test
    void stopBeforeTheStartRunsNothingThatWaits() throws Exception {
        LiveProbe p = new LiveProbe(demo, env(new InetSocketAddress("127.0.0.1", freePort()),
                new InetSocketAddress("127.0.0.1", freePort()), new ProbeCredentials.None()));
        p.stop();
        ProbeResult r = p.run(Endpoint.parse("srv003.rwwilden01.local"), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
        assertTrue(r.stopped());
        assertEquals("The test was stopped before it finished.", r.summary());
        assertEquals(WinrmOutcome.NOT_TRIED, r.winrm());
    }

    @Test
    void passwordsStayOutOfStrings() {
        ProbeCredentials.Password p = new ProbeCredentials.Password("a@B", "s3cret".toCharArray());
        assertFalse(p.toString().contains("s3cret"));
        p.clear();
        assertEquals("\0\0\0\0\0\0", new String(p.password()));
    }
}
