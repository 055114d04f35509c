package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.transport.AbstractKrbTransport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * One Kerberos-over-TCP connection of the demo (RFC 4120 §7.2.2: each message after its 4-byte length), for the
 * demo KDC's side and for the trainer's client. It speaks exactly as Kerby's {@code KrbTcpTransport} does, but it
 * allocates each message at its own size. Kerby's transport allocates a 4 MB buffer per connection instead, on both
 * sides. Java's G1 collector stores such an array as a "humongous" object, and each one started a collection cycle
 * in the middle of the wizard's pages: a pause of 10–40 ms per Kerberos exchange (docs/benchmarks/startup-and-fx.md,
 * session 15).
 */
final class DemoTcpTransport extends AbstractKrbTransport {
    /** The largest message accepted: Kerby's limit too (a demo ticket has no PAC and is about a kilobyte). */
    static final int MAX_MESSAGE = 4 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    DemoTcpTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /** Sends a message that already carries its length, as Kerby's handlers build it for TCP. */
    @Override
    public void sendMessage(ByteBuffer message) throws IOException {
        out.write(message.array(), message.arrayOffset() + message.position(), message.remaining());
        out.flush();
    }

    /** The next message without its length; null for an empty one (the peer has nothing to say). */
    @Override
    public ByteBuffer receiveMessage() throws IOException {
        int length = in.readInt();
        if (length <= 0) {
            return null;
        }
        if (length > MAX_MESSAGE) {
            throw new IOException("Kerberos message of " + length + " bytes refused (more than " + MAX_MESSAGE + ")");
        }
        byte[] message = new byte[length];
        in.readFully(message);
        return ByteBuffer.wrap(message);
    }

    @Override
    public boolean isTcp() { return true; }

    @Override
    public InetAddress getRemoteAddress() { return socket.getInetAddress(); }

    @Override
    public void release() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a connection that is gone already
        }
    }
}
