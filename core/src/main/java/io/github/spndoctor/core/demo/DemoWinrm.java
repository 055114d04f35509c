package io.github.spndoctor.core.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.spndoctor.core.model.AccountRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's WinRM listeners: one HTTP server on a free loopback port that stands in for every demo computer's WinRM
 * service, routed by the Host header (like the Samba lab's stand-in). For each request it takes the keys of the
 * computer the host name belongs to and accepts the client's Negotiate / Kerberos token only with them
 * ({@link TicketAcceptor}). It answers WS-Management Identify and nothing else:
 * <ul>
 *   <li>header {@code WSMANIDENTIFY: unauthenticated} → 200 (anonymous, like Windows; proves nothing about Kerberos);</li>
 *   <li>no Authorization → 401 with {@code WWW-Authenticate: Negotiate} and {@code Kerberos};</li>
 *   <li>a token the computer's key decrypts → 200 (with the AP-REP when mutual authentication was asked for);</li>
 *   <li>a token it cannot decrypt → 401, the reason in {@code X-Demo-Reason};</li>
 *   <li>a Host no demo computer answers to → 503.</li>
 * </ul>
 */
final class DemoWinrm implements AutoCloseable {
    static final String IDENTIFY_RESPONSE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\"><s:Header/><s:Body>"
            + "<wsmid:IdentifyResponse><wsmid:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</wsmid:ProtocolVersion>"
            + "<wsmid:ProductVendor>SPN Doctor demo host (not Microsoft WinRM)</wsmid:ProductVendor>"
            + "</wsmid:IdentifyResponse></s:Body></s:Envelope>";
    private static final Pattern HOST = Pattern.compile("^\\[?([A-Za-z0-9.-]+)]?(?::\\d+)?$");
    private static final int MAX_BODY = 64 * 1024;

    /** One decision, like a line of the stand-in's log. */
    record Decision(String host, String outcome, String reason) { }

    private final HttpServer server;
    private final ExecutorService threads;
    private final DemoAccounts accounts;
    private final DemoKeys keys;
    private final UnaryOperator<String> canonicalName;
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();

    private DemoWinrm(HttpServer server, ExecutorService threads, DemoAccounts accounts, DemoKeys keys, UnaryOperator<String> canonicalName) {
        this.server = server;
        this.threads = threads;
        this.accounts = accounts;
        this.keys = keys;
        this.canonicalName = canonicalName;
    }

    /**
     * @param canonicalName the demo's DNS: the host name a typed name (an alias, say) reaches
     */
    static DemoWinrm start(DemoAccounts accounts, DemoKeys keys, UnaryOperator<String> canonicalName) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "spn-doctor-demo-winrm");
            t.setDaemon(true);
            return t;
        });
        DemoWinrm w = new DemoWinrm(server, threads, accounts, keys, canonicalName);
        server.createContext("/", w::handle);
        server.setExecutor(threads);
        server.start();
        return w;
    }

    /** The one loopback address every demo computer's WinRM listens on (send the computer's name as Host). */
    InetSocketAddress address() { return server.getAddress(); }

    void onDecision(Consumer<Decision> listener) { listeners.add(listener); }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = readBody(x.getRequestBody());
            Matcher m = HOST.matcher(Optional.ofNullable(x.getRequestHeaders().getFirst("Host")).orElse(""));
            String host = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "?";
            if ("unauthenticated".equalsIgnoreCase(x.getRequestHeaders().getFirst("WSMANIDENTIFY"))) {
                note(host, "identify-anonymous", "");
                reply(x, 200, IDENTIFY_RESPONSE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<AccountRef> computer = accounts.computer(canonicalName.apply(host));
            if (computer.isEmpty()) {
                note(host, "no-such-host", "");
                x.getResponseHeaders().add("X-Demo-Reason", "no demo computer named " + host);
                reply(x, 503, new byte[0]);
                return;
            }
            String auth = Optional.ofNullable(x.getRequestHeaders().getFirst("Authorization")).orElse("");
            int sp = auth.indexOf(' ');
            String scheme = sp < 0 ? auth : auth.substring(0, sp);
            String b64 = sp < 0 ? "" : auth.substring(sp + 1).strip();
            if (!(scheme.equalsIgnoreCase("Negotiate") || scheme.equalsIgnoreCase("Kerberos")) || b64.isEmpty()) {
                note(host, "challenge", "");
                challenge(x);
                reply(x, 401, new byte[0]);
                return;
            }
            byte[] token;
            try {
                token = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                token = new byte[0];
            }
            AccountRef c = computer.get();
            TicketAcceptor.Result r = TicketAcceptor.accept(token, keys.of(c.dn(), accounts.kvno(c)));
            if (!r.accepted()) {
                note(host, "rejected", r.reason());
                challenge(x);
                x.getResponseHeaders().add("X-Demo-Reason", r.reason());
                reply(x, 401, new byte[0]);
                return;
            }
            note(host, "accepted", "client=" + r.client() + " key=" + c.samAccountName());
            r.reply().ifPresent(t -> x.getResponseHeaders().add("WWW-Authenticate", scheme + " " + Base64.getEncoder().encodeToString(t)));
            reply(x, 200, body.length == 0 ? new byte[0] : IDENTIFY_RESPONSE.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            note("?", "error", e.getClass().getSimpleName());
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY);
        in.transferTo(OutputStream.nullOutputStream());
        return b;
    }

    private static void challenge(HttpExchange x) {
        x.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        x.getResponseHeaders().add("WWW-Authenticate", "Kerberos");
    }

    private static void reply(HttpExchange x, int code, byte[] body) throws IOException {
        if (body.length > 0) {
            x.getResponseHeaders().add("Content-Type", "application/soap+xml;charset=UTF-8");
        }
        x.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    private void note(String host, String outcome, String reason) {
        Decision d = new Decision(host, outcome, reason);
        listeners.forEach(l -> l.accept(d));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
