package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.DnsServerResolver;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.samba.SambaLab;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark (not a test): the whole live probe against the Samba lab vs the sum of its raw parts measured the same
 * way — the DNS lookups, one ticket request through the JDK's GSS-API (password login, no ticket cache) and one HTTP
 * round trip with that ticket — interleaved, in one warm JVM. Usage: ProbeBenchmark [whole|raw|both] [rounds] [host]
 * ("whole"/"raw": one round each, for farm-bench's process timing). See docs/benchmarks/probe.md.
 */
public final class ProbeBenchmark {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String host = args.length > 2 ? args[2] : "srv003.lab.test";
        int port = Integer.parseInt(Optional.ofNullable(System.getenv("SAMBALAB_WINRM_PORT")).orElse("5985"));
        String realm = Optional.ofNullable(System.getenv("SAMBALAB_REALM")).orElse("LAB.TEST");
        NameResolver dns = new DnsServerResolver("127.0.0.1");
        ProbeEnvironment env = new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return KdcConfig.file(Path.of(System.getenv("KRB5_CONFIG")), realm); }

            @Override
            public InetSocketAddress winrmAddress(String h, int p) { return new InetSocketAddress("127.0.0.1", p == 5985 ? port : p); }

            @Override
            public NameResolver resolver() { return dns; }

            @Override
            public ProbeCredentials credentials() {
                return new ProbeCredentials.Password("Administrator@" + realm, SambaLab.password().toCharArray());
            }
        };
        try (LdapDirectory dir = SambaLab.directory()) {
            if (mode.equals("whole")) {
                System.out.println(whole(dir, env, host));
                return;
            }
            if (mode.equals("raw")) {
                System.out.println(raw(env, dns, host));
                return;
            }
            for (int i = 0; i < 3; i++) {
                whole(dir, env, host);
                raw(env, dns, host);
            }
            long[] w = new long[rounds];
            long[] r = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                w[i] = whole(dir, env, host);
                r[i] = raw(env, dns, host);
            }
            Arrays.sort(w);
            Arrays.sort(r);
            System.out.printf("rounds %d  whole probe median %.1f ms (min %.1f, max %.1f)  raw parts median %.1f ms (min %.1f, max %.1f)  ratio of medians %.2f%n",
                    rounds, w[rounds / 2] / 1e6, w[0] / 1e6, w[rounds - 1] / 1e6, r[rounds / 2] / 1e6, r[0] / 1e6, r[rounds - 1] / 1e6,
                    (double) w[rounds / 2] / r[rounds / 2]);
        }
    }

    static long whole(LdapDirectory dir, ProbeEnvironment env, String host) {
        long t = System.nanoTime();
        ProbeResult res = new LiveProbe(dir, env).run(Endpoint.parse(host), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
        long took = System.nanoTime() - t;
        if (res.winrm() == WinrmOutcome.NOT_TRIED) {
            throw new IllegalStateException("probe incomplete: " + res.summary());
        }
        return took;
    }

    static long raw(ProbeEnvironment env, NameResolver dns, String host) throws Exception {
        long t = System.nanoTime();
        NameFacts.check(TargetName.parse(host), Optional.of(host), dns);
        TicketResult ticket = KerberosTicketRequest.request(Spn.parse("HTTP/" + host), env);
        HttpAnswer a = new WsmanHttp().post(env.winrmAddress(host, 5985), host + ":5985",
                Map.of("Authorization", "Negotiate " + Base64.getEncoder().encodeToString(ticket.token().orElseThrow())),
                WsmanHttp.IDENTIFY);
        long took = System.nanoTime() - t;
        if (a.status() == 0) {
            throw new IllegalStateException();
        }
        return took;
    }
}
