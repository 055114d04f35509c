package io.github.spndoctor.core.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small, bounded HTTP/1.1 client for the two WS-Management requests the probe sends. Written by hand because the
 * probe must dial one address while the Host header names another (the host name WinRM matches its key to), and
 * must stay bounded against any server: connect 3 s, each read 5 s, a whole answer 10 s, headers 32 KiB, body 64 KiB
 * (the rest is not read). Over HTTPS (5986) the host's certificate is validated with the product's trust settings
 * and the typed host name ({@link WinrmTls}); the certificate is kept for the Kerberos channel binding.
 * {@link #cancel()} closes the socket from another thread. One request per instance.
 */
final class WsmanHttp {
    static final int CONNECT_MILLIS = 3000;
    static final int READ_MILLIS = 5000;
    static final long TOTAL_MILLIS = 10_000;
    static final int MAX_HEADERS = 32 * 1024;
    static final int MAX_BODY = 64 * 1024;

    /** Identify, the one WS-Management request every listener answers (DSP0226 §11). */
    static final String IDENTIFY = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\">"
            + "<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>";

    private final AtomicReference<Socket> socket = new AtomicReference<>();
    private final WinrmTls tls;
    private volatile boolean cancelled;
    private volatile java.security.cert.Certificate serverCertificate;

    /** Plain HTTP (5985). */
    WsmanHttp() { this(null); }

    /** HTTPS when {@code tls} is not null. */
    WsmanHttp(WinrmTls tls) { this.tls = tls; }

    /** The host's certificate after an HTTPS request got past the handshake; null before, or over HTTP. */
    java.security.cert.Certificate serverCertificate() { return serverCertificate; }

    /** The request failed before an HTTP answer was read; the message says why, in plain words. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) { super(message); }
    }

    HttpAnswer post(InetSocketAddress address, String hostHeader, Map<String, String> headers, String body) throws Failure {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder("POST /wsman HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: SPN Doctor probe\r\n")
                .append("Content-Type: application/soap+xml;charset=UTF-8\r\n")
                .append("Content-Length: ").append(payload.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        InetSocketAddress target = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        if (target.isUnresolved()) {
            throw new Failure(address.getHostString() + " does not resolve.");
        }
        long deadline = System.currentTimeMillis() + TOTAL_MILLIS;
        try (Socket s = new Socket()) {
            socket.set(s);
            if (cancelled) {
                throw new Failure("Stopped.");
            }
            s.connect(target, CONNECT_MILLIS);
            s.setSoTimeout(READ_MILLIS);
            Socket io = s;
            if (tls != null) {
                String name = hostHeader.replaceFirst(":\\d+$", "").replaceAll("^\\[|]$", "");
                javax.net.ssl.SSLSocket ssl;
                try {
                    ssl = tls.handshake(s, name, address.getPort());
                } catch (javax.net.ssl.SSLException e) {
                    throw new Failure(cancelled ? "Stopped." : "TLS to " + describe(address) + " failed: " + tlsWords(e, name));
                }
                socket.set(ssl);
                serverCertificate = ssl.getSession().getPeerCertificates()[0];
                io = ssl;
            }
            OutputStream out = io.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return read(io.getInputStream(), deadline, address);
        } catch (SocketTimeoutException e) {
            throw new Failure(cancelled ? "Stopped." : "No answer from " + describe(address) + " within "
                    + (e.getMessage() != null && e.getMessage().contains("connect") ? CONNECT_MILLIS : READ_MILLIS) / 1000 + " s.");
        } catch (IOException e) {
            throw new Failure(cancelled ? "Stopped." : "Could not talk to " + describe(address) + ": " + e.getMessage());
        } finally {
            socket.set(null);
        }
    }

    void cancel() {
        cancelled = true;
        Socket s = socket.get();
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    /** An untrusted or misnamed certificate in plain words (the JDK's own words follow). */
    static String tlsWords(javax.net.ssl.SSLException e, String host) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return "the host's certificate does not name " + host + " (" + m + ").";
        }
        if (lower.contains("pkix") || lower.contains("certificate") || lower.contains("fingerprint")) {
            return "the host's certificate is not trusted by SPN Doctor's TLS settings (" + m + ").";
        }
        return m;
    }

    private static String describe(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    private static HttpAnswer read(InputStream in, long deadline, InetSocketAddress from) throws IOException, Failure {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int window = 0;
        while (window != 0x0d0a0d0a) {
            check(deadline, from);
            int b = in.read();
            if (b < 0) {
                throw new Failure(head.size() == 0 ? describe(from) + " closed the connection without an answer."
                        : describe(from) + " sent an incomplete answer.");
            }
            head.write(b);
            if (head.size() > MAX_HEADERS) {
                throw new Failure(describe(from) + " sent more than " + MAX_HEADERS / 1024 + " KiB of headers: not a WinRM listener.");
            }
            window = (window << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String status = lines[0];
        if (!status.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new Failure(describe(from) + " answered, but not with HTTP: '" + printable(status) + "'.");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        long length = -1;
        List<String> cl = headers.get("content-length");
        if (cl != null && !cl.isEmpty() && cl.get(0).matches("\\d{1,18}")) {
            length = Long.parseLong(cl.get(0));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        boolean cut = false;
        while (length < 0 || body.size() < length) {
            if (System.currentTimeMillis() > deadline) {
                cut = true;
                break;
            }
            int want = (int) Math.min(buf.length, length < 0 ? buf.length : length - body.size());
            int n;
            try {
                n = in.read(buf, 0, want);
            } catch (SocketTimeoutException e) {
                cut = true;
                break;
            }
            if (n < 0) {
                break;
            }
            body.write(buf, 0, Math.min(n, MAX_BODY - body.size()));
            if (body.size() >= MAX_BODY) {
                cut = length < 0 || length > MAX_BODY;
                break;
            }
        }
        return new HttpAnswer(code, headers, body.toString(StandardCharsets.UTF_8), cut);
    }

    private static void check(long deadline, InetSocketAddress from) throws Failure {
        if (System.currentTimeMillis() > deadline) {
            throw new Failure(describe(from) + " did not finish its answer within " + TOTAL_MILLIS / 1000 + " s.");
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
