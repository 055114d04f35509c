package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.directory.Replicas;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.directory.connect.Trust;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark for docs/benchmarks/convergence.md (not a test: it prints figures). Modes:
 * <ul>
 * <li>{@code round N K} / {@code slowest N K}: N simulated DCs whose reads take 20..20+5N ms; K convergence rounds,
 *   or K reads on the slowest DC alone (the bound a parallel round should stay within).</li>
 * <li>{@code lab-round K DN} / {@code lab-slowest K DN}: the same on the two-DC Samba lab (MDC_* variables), reading
 *   account DN on both DCs per round, or on the slower DC alone (with its replication metadata, as a first read);
 *   {@code lab-slowest-values K DN}: the slower DC alone, values and uSNChanged only (as a later round reads);
 *   {@code lab-paired K DN}: in one process, 20 blocks of K rounds and K such reads in turn, the ratio block by block
 *   (drift on a shared machine moves both sides of a pair alike).</li>
 * <li>{@code poll SECONDS N}: a watch that never converges over N simulated DCs; prints reads per DC per second.</li>
 * </ul>
 */
public final class ConvergenceBenchmark {
    private ConvergenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        switch (mode) {
            case "round", "slowest" -> simulated(mode, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "lab-round", "lab-slowest", "lab-slowest-values", "lab-paired" -> lab(mode, Integer.parseInt(args[1]), args[2]);
            case "poll" -> poll(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(mode);
        }
    }

    static final Spn HTTP = Spn.parse("HTTP/bench.x.test");
    static final Expectation EXPECT = new Expectation(new AccountRef("CN=a,DC=x,DC=test", "a$", AccountKind.COMPUTER), HTTP, true);

    /** DCs dc1..dcN, dcI's read sleeping 20 + 5*I ms; never converged (the value is absent). */
    static final class Slow implements Replicas {
        final List<DomainController> dcs;
        final ConcurrentHashMap<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        Slow(int n) {
            dcs = java.util.stream.IntStream.rangeClosed(1, n)
                    .mapToObj(i -> new DomainController("dc" + i + ".x.test", "S", "DC=x,DC=test", false, "")).toList();
        }

        @Override
        public List<DomainController> domainControllers() { return dcs; }

        @Override
        public ReplicaRead read(DomainController dc, String dn) {
            reads.computeIfAbsent(dc.name(), k -> new AtomicInteger()).incrementAndGet();
            int i = Integer.parseInt(dc.name().substring(2, dc.name().indexOf('.')));
            try {
                Thread.sleep(20 + 5L * i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ReplicaRead(ReplicaRead.Status.FOUND, List.of(), 1, Optional.empty(), "");
        }

        @Override
        public String compared() { return "simulated"; }

        @Override
        public void close() { }
    }

    static void simulated(String mode, int n, int k) throws Exception {
        Slow r = new Slow(n);
        long t0 = System.nanoTime();
        if (mode.equals("round")) {
            try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(EXPECT), Instant.now(), Clock.systemUTC())) {
                for (int i = 0; i < k; i++) {
                    w.round();
                }
            }
        } else {
            DomainController slowest = r.dcs.get(n - 1);
            for (int i = 0; i < k; i++) {
                r.read(slowest, EXPECT.account().dn());
            }
        }
        System.out.printf("%s N=%d K=%d: %.2f ms per round/read%n", mode, n, k, (System.nanoTime() - t0) / 1e6 / k);
    }

    static void lab(String mode, int k, String dn) throws Exception {
        String host = java.net.URI.create(System.getenv("MDC_DC1_LDAP_URI")).getHost();
        ConnectionProfile p = ConnectionProfile.ldaps(host, System.getenv("MDC_BIND_UPN"),
                Trust.caFile(System.getenv("MDC_BASE") + "/tls/ca.pem"));
        p = new ConnectionProfile(p.name(), p.mode(), p.host(), p.domain(), p.port(), p.security(), p.gcHost(), p.gcPort(),
                p.baseDn(), p.bindKind(), p.bindIdentity(), p.trust(), p.allowPlain(), true, host, p.connectTimeout(), p.responseTimeout());
        try (Directory dir = Connector.open(p, System.getenv("MDC_BIND_PW").toCharArray())) {
            Replicas r = dir.replicas().orElseThrow();
            List<DomainController> dcs = r.domainControllers();
            Expectation e = new Expectation(new AccountRef(dn, "x", AccountKind.USER), HTTP, true);
            // warm: one read per DC opens the pools; then find the slower DC
            long[] cost = new long[dcs.size()];
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < dcs.size(); i++) {
                    long a = System.nanoTime();
                    r.read(dcs.get(i), dn);
                    cost[i] += System.nanoTime() - a;
                }
            }
            int slow = 0;
            for (int i = 1; i < cost.length; i++) {
                slow = cost[i] > cost[slow] ? i : slow;
            }
            if (mode.equals("lab-paired")) {
                paired(r, e, dcs.get(slow), dn, k);
                return;
            }
            long t0 = System.nanoTime();
            if (mode.equals("lab-round")) {
                try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(e), Instant.now(), Clock.systemUTC())) {
                    for (int i = 0; i < k; i++) {
                        w.round();
                    }
                }
            } else {
                boolean origin = mode.equals("lab-slowest");
                for (int i = 0; i < k; i++) {
                    r.read(dcs.get(slow), dn, origin);
                }
            }
            System.out.printf("%s DCs=%d K=%d (slowest %s): %.2f ms per round/read%n", mode, dcs.size(), k,
                    dcs.get(slow).shortName(), (System.nanoTime() - t0) / 1e6 / k);
        }
    }

    static void paired(Replicas r, Expectation e, DomainController slow, String dn, int k) throws Exception {
        double[] ratios = new double[20];
        double[] rounds = new double[20];
        double[] reads = new double[20];
        double[] seq = new double[20];
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(e), Instant.now(), Clock.systemUTC())) {
            w.round();   // the first read of each DC, with the metadata
            for (int b = 0; b < ratios.length; b++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    w.round();
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    r.read(slow, dn, false);
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < k; i++) {   // both DCs one after the other on this thread: what a round would cost without parallel reads
                    for (DomainController dc : r.domainControllers()) {
                        r.read(dc, dn, false);
                    }
                }
                seq[b] = (System.nanoTime() - t2) / 1e6 / k;
                rounds[b] = (t1 - t0) / 1e6 / k;
                reads[b] = (t2 - t1) / 1e6 / k;
                ratios[b] = rounds[b] / reads[b];
            }
        }
        Arrays.sort(ratios);
        Arrays.sort(rounds);
        Arrays.sort(reads);
        Arrays.sort(seq);
        System.out.printf("lab-paired K=%d x 20 blocks (slowest %s): round/read median %.2f (min %.2f, max %.2f); "
                        + "round median %.2f ms, read median %.2f ms, every DC in turn on one thread median %.2f ms%n",
                k, slow.shortName(), ratios[10], ratios[0], ratios[19], rounds[10], reads[10], seq[10]);
    }

    static void poll(int seconds, int n) throws Exception {
        Slow r = new Slow(n);
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(EXPECT), Instant.now(), Clock.systemUTC())) {
            w.watch(Duration.ofSeconds(seconds), (rep, left) -> { }, () -> false);
        }
        int max = r.reads.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        System.out.printf("poll %d s over %d DCs: at most %d reads per DC (%.2f per second); all: %s%n", seconds, n, max,
                max / (double) seconds, Arrays.toString(r.reads.values().stream().mapToInt(AtomicInteger::get).toArray()));
    }
}
