package io.github.spndoctor.core.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's Kerberos-over-TCP framing: a 4-byte length, then the message; each message costs its own size only. */
class DemoTcpTransportTest {
    private ServerSocket listening;
    private Socket clientSocket;
    private Socket serverSocket;

    @BeforeEach
    void connect() throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        clientSocket = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
        serverSocket = listening.accept();
    }

    @AfterEach
    void close() throws IOException {
        clientSocket.close();
        serverSocket.close();
        listening.close();
    }

    /** A message as Kerby's handlers build it for TCP: its length first. */
    private static ByteBuffer framed(byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(body.length + 4);
        b.putInt(body.length).put(body).flip();
        return b;
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aMessageArrivesWithoutItsLength_bothWays() throws IOException {
        DemoTcpTransport client = new DemoTcpTransport(clientSocket);
        DemoTcpTransport server = new DemoTcpTransport(serverSocket);
        byte[] request = "AS-REQ of a trainer".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        client.sendMessage(framed(request));
        ByteBuffer got = server.receiveMessage();
        byte[] body = new byte[got.remaining()];
        got.get(body);
        assertArrayEquals(request, body);
        byte[] reply = new byte[1500];
        java.util.Arrays.fill(reply, (byte) 7);
        server.sendMessage(framed(reply));
        assertEquals(1500, client.receiveMessage().remaining());
        assertTrue(server.isTcp());
        assertEquals(clientSocket.getLocalAddress(), server.getRemoteAddress());
    }

    @Test
    void aSmallExchangeAllocatesKilobytes_notKerbysFourMegabytes() throws IOException {
        long before = allocatedByThisThread();
        DemoTcpTransport client = new DemoTcpTransport(clientSocket);
        DemoTcpTransport server = new DemoTcpTransport(serverSocket);
        client.sendMessage(framed(new byte[900]));
        server.receiveMessage();
        long used = allocatedByThisThread() - before;
        assertTrue(used < 256 * 1024, "allocated " + used + " bytes for a 900-byte message");
    }

    @Test
    void anEmptyMessageIsNull_andAnOversizedOneIsRefusedUnread() throws IOException {
        DemoTcpTransport server = new DemoTcpTransport(serverSocket);
        DataOutputStream raw = new DataOutputStream(clientSocket.getOutputStream());
        raw.writeInt(0);
        raw.flush();
        assertNull(server.receiveMessage());
        raw.writeInt(DemoTcpTransport.MAX_MESSAGE + 1);
        raw.flush();
        long before = allocatedByThisThread();
        IOException e = assertThrows(IOException.class, server::receiveMessage);
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(allocatedByThisThread() - before < 1024 * 1024, "nothing allocated for a message it refuses");
    }

    @Test
    void aPeerThatHangsUpEndsTheRead() throws IOException {
        DemoTcpTransport server = new DemoTcpTransport(serverSocket);
        new DemoTcpTransport(clientSocket).release();
        assertThrows(java.io.EOFException.class, server::receiveMessage);
    }
}
