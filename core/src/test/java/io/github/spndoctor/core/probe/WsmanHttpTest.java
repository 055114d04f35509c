package io.github.spndoctor.core.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe's HTTP client against servers that misbehave: every case ends, within its bound, with a clear outcome. */
class WsmanHttpTest {
    static long millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    @Test
    void garbageIsNotHttp() throws Exception {
        try (HostileServer s = new HostileServer((in, out) -> {
            HostileServer.readHead(in);
            HostileServer.write(out, "\u0000\u0001SSH-2.0-OpenSSH\r\n\r\n");
        })) {
            WsmanHttp.Failure f = assertThrows(WsmanHttp.Failure.class,
                    () -> new WsmanHttp().post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY));
            assertTrue(f.getMessage().contains("not with HTTP"), f.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (HostileServer s = new HostileServer((in, out) -> Thread.sleep(60_000))) {
            long took = millis(() -> {
                WsmanHttp.Failure f = assertThrows(WsmanHttp.Failure.class,
                        () -> new WsmanHttp().post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY));
                assertTrue(f.getMessage().contains("No answer"), f.getMessage());
            });
            assertTrue(took < WsmanHttp.TOTAL_MILLIS + 2000, "bounded: " + took);
        }
    }

    @Test
    void aHundredMegabyteBodyIsCutAndTheStatusKept() throws Exception {
        byte[] chunk = new byte[1 << 20];
        try (HostileServer s = new HostileServer((in, out) -> {
            HostileServer.readHead(in);
            HostileServer.write(out, "HTTP/1.1 401 Unauthorized\r\nContent-Length: 104857600\r\nWWW-Authenticate: Negotiate\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        })) {
            HttpAnswer a = new WsmanHttp().post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY);
            assertEquals(401, a.status());
            assertTrue(a.bodyCut());
            assertTrue(a.body().length() <= WsmanHttp.MAX_BODY);
        }
    }

    @Test
    void endlessHeadersAreRefused() throws Exception {
        try (HostileServer s = new HostileServer((in, out) -> {
            HostileServer.readHead(in);
            HostileServer.write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 100_000; i++) {
                HostileServer.write(out, "X-Junk: " + i + "\r\n");
            }
        })) {
            WsmanHttp.Failure f = assertThrows(WsmanHttp.Failure.class,
                    () -> new WsmanHttp().post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY));
            assertTrue(f.getMessage().contains("KiB of headers"), f.getMessage());
        }
    }

    @Test
    void aDroppedConnectionAndAClosedPortAreClear() throws Exception {
        try (HostileServer s = new HostileServer((in, out) -> { })) {
            WsmanHttp.Failure f = assertThrows(WsmanHttp.Failure.class,
                    () -> new WsmanHttp().post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY));
            assertTrue(f.getMessage().contains("closed the connection") || f.getMessage().contains("Could not talk"), f.getMessage());
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        InetSocketAddress closed = new InetSocketAddress("127.0.0.1", port);
        WsmanHttp.Failure f = assertThrows(WsmanHttp.Failure.class,
                () -> new WsmanHttp().post(closed, "x:5985", Map.of(), WsmanHttp.IDENTIFY));
        assertTrue(f.getMessage().contains("Could not talk"), f.getMessage());
    }

    @Test
    void stopEndsAWaitAtOnce() throws Exception {
        try (HostileServer s = new HostileServer((in, out) -> Thread.sleep(60_000))) {
            WsmanHttp http = new WsmanHttp();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    http.post(s.address(), "x:5985", Map.of(), WsmanHttp.IDENTIFY);
                } catch (WsmanHttp.Failure e) {
                    failure.set(e);
                }
            });
            t.start();
            Thread.sleep(300);
            long took = millis(() -> {
                http.cancel();
                try {
                    t.join(3000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(took < 1000, "stopped in " + took + " ms");
            assertEquals("Stopped.", failure.get().getMessage());
        }
    }

    @Test
    void theAnswerIsParsed() throws IOException, WsmanHttp.Failure {
        try (HostileServer s = new HostileServer((in, out) -> {
            HostileServer.readHead(in);
            HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\nWWW-Authenticate: Negotiate oYGBMH+gAwoBAA==\r\n\r\n<IdentifyResponse/>\n");
        })) {
            HttpAnswer a = new WsmanHttp().post(s.address(), "x:5985", Map.of("WSMANIDENTIFY", "unauthenticated"), WsmanHttp.IDENTIFY);
            assertEquals(200, a.status());
            assertEquals("<IdentifyResponse/>\n", a.body());
            assertEquals("Negotiate oYGBMH+gAwoBAA==", a.header("www-authenticate").orElseThrow());
        }
    }
}
