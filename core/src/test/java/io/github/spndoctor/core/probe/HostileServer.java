package io.github.spndoctor.core.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A loopback server that answers every connection the same bad (or good) way, for the probe's hostile-input tests. */
final class HostileServer implements AutoCloseable {
    /** What the server does with a request. */
    interface Behaviour {
        void answer(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread thread;

    HostileServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            behaviour.answer(s.getInputStream(), s.getOutputStream());
                        } catch (IOException | InterruptedException ignored) {
                            // the client went away: that is what these tests provoke
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() { return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()); }

    static void readHead(InputStream in) throws IOException {
        int w = 0;
        int b;
        while ((b = in.read()) >= 0 && w != 0x0d0a0d0a) {
            w = (w << 8) | b;
            if (w == 0x0d0a0d0a) {
                return;
            }
        }
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException { server.close(); }
}
