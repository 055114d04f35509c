package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.server.KdcContext;
import org.apache.kerby.kerberos.kerb.server.KdcSetting;
import org.apache.kerby.kerberos.kerb.server.KdcUtil;
import org.apache.kerby.kerberos.kerb.server.impl.AbstractInternalKdcServer;
import org.apache.kerby.kerberos.kerb.server.KdcHandler;
import org.apache.kerby.kerberos.kerb.server.preauth.PreauthHandler;
import org.apache.kerby.kerberos.kerb.transport.TransportPair;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network side of one demo KDC, in place of Kerby's default: it serves each connection on a pooled daemon thread,
 * like Kerby's, but it stops cleanly while clients are still connecting. Kerby's accept loop can take a connection
 * just before its socket closes and hand it to a pool that has already shut down; its default then throws
 * {@code RejectedExecutionException} on the accept thread (which dies with it). Here such a late connection is
 * closed, as if the KDC had gone a moment sooner, and stopping waits a bounded time for requests under way.
 * The accept loop is ours too (TCP only, as the demo configures it): Kerby's gives every connection a 4 MB buffer
 * ({@link DemoTcpTransport}). Kerby's handler answers each request.
 */
final class DemoInnerKdc extends AbstractInternalKdcServer {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private ExecutorService executor;
    private ServerSocket server;
    private Thread acceptor;

    DemoInnerKdc(KdcSetting setting) {
        super(setting);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KdcContext context = new KdcContext(getSetting());
        context.setIdentityService(getIdentityService());
        PreauthHandler preauth = new PreauthHandler();
        preauth.init();
        context.setPreauthHandler(preauth);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-kdc-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor = pool;
        TransportPair address = KdcUtil.getTransportPair(getSetting());
        ServerSocket listening = new ServerSocket();
        try {
            listening.bind(address.tcpAddress);
        } catch (IOException taken) {
            listening.close();
            throw taken;
        }
        server = listening;
        acceptor = new Thread(() -> accept(listening, pool, context), "demo-kdc-accept-" + THREADS.incrementAndGet());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves connections until the socket is closed (by {@link #doStop()}). */
    private static void accept(ServerSocket listening, ExecutorService pool, KdcContext context) {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException closed) {
                return;   // stopped
            }
            try {
                socket.setSoTimeout(TRANSPORT_TIMEOUT_MS);
                pool.execute(new Connection(new KdcHandler(context), new DemoTcpTransport(socket)));
            } catch (IOException | RejectedExecutionException stopping) {
                // a connection that broke at once, or arrived while the KDC stops: closed unanswered
                closeQuietly(socket);
            }
        }
    }

    /**
     * One client connection: Kerby's handler answers each request on it until the client hangs up. Kerby's own
     * connection runner decides TCP or UDP by the class of Kerby's transport, so it would frame a reply to ours as
     * UDP (no length); this one says TCP.
     */
    private record Connection(KdcHandler handler, DemoTcpTransport transport) implements Runnable {
        @Override
        public void run() {
            try {
                for (java.nio.ByteBuffer request = transport.receiveMessage(); request != null; request = transport.receiveMessage()) {
                    transport.sendMessage(handler.handleMessage(request, true, transport.getRemoteAddress()));
                }
            } catch (IOException | org.apache.kerby.kerberos.kerb.KrbException | RuntimeException hungUpOrBroken) {
                // the client hung up, went silent for too long, or sent what is not Kerberos: as Kerby's, disconnect
            } finally {
                transport.release();
            }
        }
    }

    /** How long a connection may stay silent, as Kerby's KDC allows. */
    private static final int TRANSPORT_TIMEOUT_MS = 3000;

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (server != null) {
            server.close();
        }
        if (acceptor != null) {
            acceptor.join(5000);
        }
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }
}
