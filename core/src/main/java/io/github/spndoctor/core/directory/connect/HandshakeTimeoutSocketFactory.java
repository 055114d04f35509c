package io.github.spndoctor.core.directory.connect;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * An SSL socket factory whose sockets carry a read timeout from birth, so that a TLS handshake with a server that
 * accepts the TCP connection and then says nothing fails after that time instead of blocking forever. (The LDAP SDK
 * bounds the TCP connect and each LDAP response, but not the handshake it triggers in between; a DC that froze
 * would otherwise hang the pool when it replaces a broken connection.) The LDAP SDK sets its own read timeout once
 * the connection is established. Immutable; thread-safe.
 */
final class HandshakeTimeoutSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final int timeoutMillis;

    HandshakeTimeoutSocketFactory(SSLSocketFactory delegate, int timeoutMillis) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
    }

    private Socket bounded(Socket s) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException { return bounded(delegate.createSocket()); }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return bounded(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return bounded(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException { return bounded(delegate.createSocket(host, port)); }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return bounded(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException { return bounded(delegate.createSocket(host, port)); }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return bounded(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() { return delegate.getDefaultCipherSuites(); }

    @Override
    public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
}
