package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the demo while a client is still connecting (a probe the user walked away from, a test's last lookup) stops
 * the KDC quietly: no thread dies with an exception, and a connection that arrives too late is simply closed.
 */
class DemoKdcCloseTest {

    @Test
    void closingWhileClientsConnectThrowsOnNoThread() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        AtomicInteger connected = new AtomicInteger();
        try (DemoDirectory demo = DemoDirectory.start()) {
            for (int round = 0; round < 25; round++) {
                DemoKerberos kerberos = DemoKerberos.start(demo);
                InetSocketAddress kdc = kerberos.kdcAddress(kerberos.realms().get(0));
                AtomicBoolean stop = new AtomicBoolean();
                Thread client = new Thread(() -> {
                    while (!stop.get()) {
                        try (Socket s = new Socket()) {
                            s.connect(kdc, 200);
                            connected.incrementAndGet();
                        } catch (IOException refused) {
                            // the KDC has gone: keep knocking until told to stop
                        }
                    }
                }, "knocking-client");
                client.start();
                Thread.sleep(20);
                kerberos.close();
                Thread.sleep(150); // Kerby's accept loop wakes every 100 ms
                stop.set(true);
                client.join(2000);
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertTrue(connected.get() > 0, "the client never reached a KDC, so the close raced nothing");
        assertEquals(0, uncaught.size(), () -> uncaught.size() + " threads died, the first with " + uncaught.get(0));
    }
}
