package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.spn.ClientModel;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.SpnRequest;
import io.github.spndoctor.core.spn.SpnResolver;
import io.github.spndoctor.core.spn.WinrmClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The live probe: from this machine, what a WinRM client really gets for a name (issue 11). Read-only; six steps,
 * each reported as it starts and ends: DNS, TCP to 5985/5986, an anonymous WS-Management Identify, a Kerberos
 * service ticket for the client's SPN (JDK GSS-API, own Subject: fresh tickets), the authenticated Identify exactly
 * as WinRM sends it ({@code Authorization: Negotiate}), and the clock against the DC. One instance per run;
 * {@link #run} blocks (never on the UI thread) and {@link #stop} may be called from any thread.
 *
 * <pre>{@code
 * ProbeResult r = new LiveProbe(directory, env).run(Endpoint.parse("srv003.lab.test"), WinrmClient.POWERSHELL,
 *         ClientSettings.DEFAULT, step -> System.out.println(step.sends() + " " + step.result()));
 * }</pre>
 */
public final class LiveProbe {
    /** Longest wait for the KDC (the JDK's own timeouts come first with a generated krb5.conf). */
    static final long TICKET_MILLIS = 20_000;
    static final int TCP_MILLIS = 3000;
    static final int[] PORTS = {Endpoint.HTTP_PORT, Endpoint.HTTPS_PORT};

    /** Threads for the steps that run side by side (blocking I/O: a cached pool, daemon threads). */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spn-doctor-probe");
        t.setDaemon(true);
        return t;
    });

    private final Directory directory;
    private final ProbeEnvironment env;
    private volatile boolean stopped;
    private volatile WsmanHttp http;
    private volatile Future<?> ticketFuture;

    public LiveProbe(Directory directory, ProbeEnvironment env) {
        this.directory = directory;
        this.env = env;
    }

    /** Stops the probe: the running step ends at once and the rest are not tried. */
    public void stop() {
        stopped = true;
        WsmanHttp h = http;
        if (h != null) {
            h.cancel();
        }
        Future<?> f = ticketFuture;
        if (f != null) {
            f.cancel(true);
        }
    }

    public ProbeResult run(Endpoint endpoint, WinrmClient client, ClientSettings settings, Consumer<ProbeStep> progress) {
        Instant start = Instant.now();
        List<ProbeStep> steps = new ArrayList<>();
        Consumer<ProbeStep> report = s -> {
            if (s.status() != ProbeStep.Status.RUNNING) {
                steps.add(s);
            }
            progress.accept(s);
        };
        TargetName name = endpoint.name();
        String host = name.asTyped();

        // 1. DNS
        ProbeStep dnsStep = ProbeStep.running(ProbeStep.Kind.DNS, "DNS: looking up " + host + " (address, alias, reverse name)");
        report.accept(dnsStep);
        SpnRequest request = ClientModel.requested(endpoint, client, settings, env.resolver());
        // the directory's side (who answers, key versions) runs beside the network steps: it is joined only to compare
        CompletableFuture<DirectoryFacts> facts = CompletableFuture.supplyAsync(() -> directoryFacts(name, request), POOL);
        Map<String, Integer> kvnos = new LinkedHashMap<>();
        NameFacts typedDns = NameFacts.check(name, Optional.empty(), env.resolver());
        report.accept(dnsStep.done(dnsLine(typedDns), typedDns.resolves() ? ProbeStep.Status.OK : ProbeStep.Status.PROBLEM));

        // 2. TCP
        Map<Integer, Boolean> tcp = new LinkedHashMap<>();
        if (!stopped) {
            ProbeStep tcpStep = ProbeStep.running(ProbeStep.Kind.TCP, "TCP: connecting to " + host + " on 5985 and 5986");
            report.accept(tcpStep);
            List<CompletableFuture<Boolean>> open = new ArrayList<>();
            for (int port : PORTS) {
                InetSocketAddress a = env.winrmAddress(host, port);
                open.add(CompletableFuture.supplyAsync(() -> !stopped && connects(a), POOL));
            }
            for (int i = 0; i < PORTS.length; i++) {
                tcp.put(PORTS[i], open.get(i).join());
            }
            boolean any = tcp.containsValue(true);
            report.accept(tcpStep.done("5985 " + (tcp.get(5985) ? "open" : "closed") + ", 5986 "
                    + (tcp.get(5986) ? "open" : "closed"), any ? ProbeStep.Status.OK : ProbeStep.Status.PROBLEM));
        }
        boolean https = endpoint.https();
        int port = endpoint.port();
        boolean httpOpen = tcp.containsKey(port) ? Boolean.TRUE.equals(tcp.get(port)) : !stopped && connects(env.winrmAddress(host, port));
        String url = (https ? "https://" : "http://") + host + ":" + port + "/wsman";
        WinrmTls tls = https ? env.tls() : null;

        // over HTTP the ticket request starts now, beside the anonymous Identify (they do not depend on each other);
        // over HTTPS it waits for the host's certificate: the ticket's authenticator carries the channel binding
        CompletableFuture<TicketResult> pendingTicket = !stopped && request.spn().isPresent() && !https
                ? startTicket(request.spn().get(), Optional.empty()) : null;

        // 3. anonymous Identify
        boolean listener = false;
        java.security.cert.Certificate certificate = null;
        if (!stopped && httpOpen) {
            ProbeStep idStep = ProbeStep.running(ProbeStep.Kind.LISTENER, "WS-Management: anonymous Identify to " + url);
            report.accept(idStep);
            try {
                http = new WsmanHttp(tls);
                HttpAnswer a = http.post(env.winrmAddress(host, port), host + ":" + port,
                        Map.of("WSMANIDENTIFY", "unauthenticated"), WsmanHttp.IDENTIFY);
                certificate = http.serverCertificate();
                listener = a.status() == 200 && a.body().contains("IdentifyResponse");
                report.accept(idStep.done(listener ? "a WinRM listener answers" : "HTTP " + a.status() + ": no WinRM listener answer",
                        listener ? ProbeStep.Status.OK : ProbeStep.Status.PROBLEM));
            } catch (WsmanHttp.Failure f) {
                report.accept(idStep.done(f.getMessage(), ProbeStep.Status.PROBLEM));
            }
        }

        // 4. ticket
        TicketResult ticket = TicketResult.failed(TicketOutcome.UNAVAILABLE, "Not asked.");
        List<String> matches = new ArrayList<>();
        if (!stopped && request.spn().isPresent()) {
            Spn spn = request.spn().get();
            ProbeStep tStep = ProbeStep.running(ProbeStep.Kind.TICKET, "Kerberos: asking the KDC for a ticket to "
                    + KerberosTicketRequest.principal(spn, env.kdc().defaultRealm()));
            report.accept(tStep);
            Optional<byte[]> binding = certificate == null ? Optional.empty() : Optional.of(WinrmTls.endPointBinding(certificate));
            ticket = awaitTicket(pendingTicket != null ? pendingTicket : startTicket(spn, binding));
            if (ticket.outcome() == TicketOutcome.ISSUED) {
                kvnos.putAll(facts.join().keyVersions());
                OptionalInt k = ticket.kvno();
                if (k.isPresent()) {
                    kvnos.forEach((sam, v) -> {
                        if (v == k.getAsInt()) {
                            matches.add(sam);
                        }
                    });
                }
            }
            report.accept(tStep.done(ticketLine(ticket), ticket.outcome() == TicketOutcome.ISSUED ? ProbeStep.Status.OK
                    : ProbeStep.Status.PROBLEM));
        }

        // 5. authenticated request
        WinrmOutcome winrm = WinrmOutcome.NOT_TRIED;
        String winrmDetail;
        if (stopped) {
            winrmDetail = "Stopped.";
        } else if (request.spn().isEmpty()) {
            winrmDetail = "No Kerberos for this name.";
        } else if (ticket.outcome() != TicketOutcome.ISSUED || ticket.token().isEmpty()) {
            winrmDetail = "No ticket to send.";
        } else if (!httpOpen) {
            winrm = WinrmOutcome.UNREACHABLE;
            winrmDetail = "Nothing accepts connections on " + host + ":" + port + ".";
        } else {
            ProbeStep wStep = ProbeStep.running(ProbeStep.Kind.WINRM, "WinRM: Identify with Authorization: Negotiate "
                    + (certificate == null ? "(the ticket) to " : WinrmTls.windowsCompatibleBinding()
                    ? "(the ticket, bound to this TLS channel) to "
                    : "(the ticket, bound to this TLS channel in the JDK's form, which a Windows host that checks bindings refuses) to ") + url);
            report.accept(wStep);
            String[] detail = new String[1];
            winrm = authenticated(host, port, ticket.token().get(), detail, tls);
            winrmDetail = detail[0];
            report.accept(wStep.done(winrmLine(winrm, winrmDetail), winrm == WinrmOutcome.ACCEPTED ? ProbeStep.Status.OK
                    : ProbeStep.Status.PROBLEM));
        }

        // 6. clock
        OptionalLong offset = OptionalLong.empty();
        if (!stopped) {
            ProbeStep cStep = ProbeStep.running(ProbeStep.Kind.CLOCK, "Clock: reading the domain controller's time (rootDSE currentTime)");
            report.accept(cStep);
            try {
                Instant before = Instant.now();
                Optional<Instant> dc = directory.serverTime();
                Instant after = Instant.now();
                if (dc.isPresent()) {
                    Instant mid = before.plus(Duration.between(before, after).dividedBy(2));
                    offset = OptionalLong.of(Duration.between(mid, dc.get()).toSeconds());
                }
                report.accept(cStep.done(offset.isPresent() ? clockLine(offset.getAsLong()) : "the server does not say its time",
                        offset.isPresent() && Math.abs(offset.getAsLong()) >= 300 ? ProbeStep.Status.PROBLEM : ProbeStep.Status.INFO));
            } catch (DirectoryException e) {
                report.accept(cStep.done("could not read the server's time: " + e.getMessage(), ProbeStep.Status.INFO));
            }
        }
        DirectoryFacts known = facts.join();
        Optional<Account> computer = known.computer();
        Optional<SpnAnswer> answer = known.answer();
        NameFacts dns = withComputer(typedDns, computer.flatMap(Account::dnsHostName));
        boolean fresh = !Boolean.getBoolean("sun.security.jgss.native");
        return new ProbeResult(endpoint, client, request.spn(), dns, tcp, listener, answer,
                computer.map(c -> c.ref().samAccountName()), ticket, kvnos, matches, winrm, winrmDetail, offset, fresh,
                stopped, steps, start, Duration.between(start, Instant.now()));
    }

    /** What the directory says for the comparison: the target's computer, who answers the SPN, key versions. */
    record DirectoryFacts(Optional<Account> computer, Optional<SpnAnswer> answer, Map<String, Integer> keyVersions) {}

    private DirectoryFacts directoryFacts(TargetName name, SpnRequest request) {
        Optional<Account> computer = Optional.empty();
        Optional<SpnAnswer> answer = Optional.empty();
        try {
            if (name.isDnsName()) {
                computer = directory.lookup(name).computer();
            }
        } catch (DirectoryException | RuntimeException e) {
            // the probe measures the network; a directory that cannot answer leaves only the comparison out
        }
        if (request.spn().isPresent()) {
            try {
                SpnMappings mappings = directory.spnMappings();
                answer = Optional.of(SpnResolver.resolve(directory, mappings, request.spn().get()));
            } catch (DirectoryException | RuntimeException e) {
                answer = Optional.empty();
            }
        }
        return new DirectoryFacts(computer, answer, keyVersions(answer, computer));
    }

    /** The typed name's DNS facts plus the computer's own dNSHostName and its addresses, once the directory said it. */
    private NameFacts withComputer(NameFacts typed, Optional<String> dnsHostName) {
        if (dnsHostName.isEmpty()) {
            return typed;
        }
        List<String> addresses = dnsHostName.get().equalsIgnoreCase(typed.target().asTyped()) ? List.of()
                : env.resolver().addresses(dnsHostName.get());
        return new NameFacts(typed.target(), typed.addresses(), typed.cname(), typed.reverseNames(), dnsHostName, addresses);
    }

    private CompletableFuture<TicketResult> startTicket(Spn spn, Optional<byte[]> channelBinding) {
        CompletableFuture<TicketResult> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(KerberosTicketRequest.request(spn, env, channelBinding));
            } catch (Throwable e) {
                f.complete(TicketResult.failed(TicketOutcome.UNAVAILABLE, "Kerberos failed: " + e));
            }
        }, "spn-doctor-probe-ticket");
        t.setDaemon(true);
        ticketFuture = f;
        t.start();
        return f;
    }

    private TicketResult awaitTicket(CompletableFuture<TicketResult> f) {
        try {
            return f.get(TICKET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return TicketResult.failed(TicketOutcome.UNAVAILABLE, "No answer from the KDC within " + TICKET_MILLIS / 1000 + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TicketResult.failed(TicketOutcome.UNAVAILABLE, "Stopped.");
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return TicketResult.failed(TicketOutcome.UNAVAILABLE, "Stopped.");
        } finally {
            ticketFuture = null;
        }
    }

    private WinrmOutcome authenticated(String host, int port, byte[] token, String[] detail, WinrmTls tls) {
        try {
            http = new WsmanHttp(tls);
            HttpAnswer a = http.post(env.winrmAddress(host, port), host + ":" + port,
                    Map.of("Authorization", "Negotiate " + Base64.getEncoder().encodeToString(token)), WsmanHttp.IDENTIFY);
            String reason = a.header("X-Standin-Reason").map(r -> " (" + r + ")").orElse("");
            if (a.status() >= 200 && a.status() < 300) {
                detail[0] = "HTTP " + a.status() + ": the host read the ticket.";
                return WinrmOutcome.ACCEPTED;
            }
            if (a.status() == 401) {
                detail[0] = "HTTP 401: the host could not read the ticket" + reason + ".";
                return WinrmOutcome.REJECTED;
            }
            boolean mutual = a.headers("WWW-Authenticate").stream().anyMatch(v -> v.matches("(?i)(negotiate|kerberos) \\S{16,}"));
            if (mutual) {
                detail[0] = "HTTP " + a.status() + " after the host read the ticket (it sent its mutual-authentication token).";
                return WinrmOutcome.ACCEPTED;
            }
            detail[0] = "HTTP " + a.status() + " without a Kerberos answer" + reason + ".";
            return WinrmOutcome.UNREACHABLE;
        } catch (WsmanHttp.Failure f) {
            detail[0] = f.getMessage();
            return stopped ? WinrmOutcome.NOT_TRIED : WinrmOutcome.UNREACHABLE;
        }
    }

    private Map<String, Integer> keyVersions(Optional<SpnAnswer> answer, Optional<Account> computer) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Account> candidates = new ArrayList<>();
        answer.ifPresent(a -> candidates.addAll(a.holders()));
        computer.ifPresent(candidates::add);
        for (Account a : candidates) {
            if (out.containsKey(a.ref().samAccountName())) {
                continue;
            }
            try {
                directory.keyVersion(a.ref().dn()).ifPresent(v -> out.put(a.ref().samAccountName(), v));
            } catch (DirectoryException e) {
                // this candidate's key version stays unknown
            }
        }
        return out;
    }

    private static boolean connects(InetSocketAddress address) {
        InetSocketAddress a = address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        if (a.isUnresolved()) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(a, TCP_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String dnsLine(NameFacts dns) {
        if (!dns.target().isDnsName()) {
            return dns.target().asTyped() + " is an address, not a name";
        }
        if (!dns.resolves()) {
            return dns.target().asTyped() + " does not resolve";
        }
        StringBuilder sb = new StringBuilder(String.join(", ", dns.addresses()));
        dns.cname().ifPresent(c -> sb.append("; alias of ").append(c));
        sb.append(dns.reverseNames().isEmpty() ? "; no reverse name" : "; reverse " + String.join(", ", dns.reverseNames().values()));
        return sb.toString();
    }

    static String ticketLine(TicketResult t) {
        if (t.outcome() != TicketOutcome.ISSUED) {
            return t.outcome().words();
        }
        return t.facts().map(f -> "issued: " + f.serverName().orElse("?") + f.realm().map(r -> "@" + r).orElse("")
                + t.etype().map(e -> ", " + e).orElse("")
                + t.kvno().stream().mapToObj(k -> ", key version " + k).findFirst().orElse(", no key version"))
                .orElse("issued (token not decoded: " + t.detail() + ")");
    }

    static String winrmLine(WinrmOutcome w, String detail) {
        return switch (w) {
            case ACCEPTED -> "accepted: " + detail;
            case REJECTED -> "rejected by the host: " + detail;
            case UNREACHABLE -> "unreachable: " + detail;
            case NOT_TRIED -> "not tried: " + detail;
        };
    }

    static String clockLine(long seconds) {
        long abs = Math.abs(seconds);
        String word = abs == 1 ? " second" : " seconds";
        return abs < 2 ? "in step with this machine" : "the DC is " + abs + word + (seconds > 0 ? " ahead" : " behind")
                + (abs >= 300 ? ": more than Kerberos's 5-minute tolerance" : "");
    }
}
