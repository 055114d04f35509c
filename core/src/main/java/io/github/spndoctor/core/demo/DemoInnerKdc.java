package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.server.KdcContext;
import org.apache.kerby.kerberos.kerb.server.KdcSetting;
import org.apache.kerby.kerberos.kerb.server.KdcUtil;
import org.apache.kerby.kerberos.kerb.server.impl.AbstractInternalKdcServer;
import org.apache.kerby.kerberos.kerb.server.impl.DefaultKdcHandler;
import org.apache.kerby.kerberos.kerb.server.preauth.PreauthHandler;
import org.apache.kerby.kerberos.kerb.transport.KdcNetwork;
import org.apache.kerby.kerberos.kerb.transport.KrbTransport;

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
 */
final class DemoInnerKdc extends AbstractInternalKdcServer {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private ExecutorService executor;
    private KdcNetwork network;

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
        network = new KdcNetwork() {
            @Override
            protected void onNewTransport(KrbTransport transport) {
                try {
                    pool.execute(new DefaultKdcHandler(context, transport));
                } catch (RejectedExecutionException stopping) {
                    transport.release(); // arrived while the KDC stops: closed unanswered
                }
            }
        };
        network.init();
        network.listen(KdcUtil.getTransportPair(getSetting()));
        network.start();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (network != null) {
            network.stop();
        }
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }
}
