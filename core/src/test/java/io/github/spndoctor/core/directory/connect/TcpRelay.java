package io.github.spndoctor.core.directory.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay a test controls: forwards bytes to a target until frozen (bytes stop flowing in both
 * directions, sockets stay open: a DC that hangs) or killed (every socket closed: a DC that dies). Test-only.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean killed;

    public TcpRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "relay-accept-" + port());
        t.setDaemon(true);
        t.start();
    }

    public int port() { return server.getLocalPort(); }

    /** Stops forwarding; connections stay open and silent. */
    public void freeze() { frozen = true; }

    /** Closes every connection and refuses new ones. */
    public void kill() {
        killed = true;
        close();
    }

    private void acceptLoop() {
        while (!killed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while (!killed) {
                    while (frozen && !killed) {
                        Thread.sleep(20);
                    }
                    n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    while (frozen && !killed) {
                        Thread.sleep(20); // swallow nothing, deliver nothing: the peer just waits
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // connection ended
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(TcpRelay::closeQuietly);
    }
}
