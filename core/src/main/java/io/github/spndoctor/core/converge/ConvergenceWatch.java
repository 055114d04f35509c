package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.directory.Replicas;
import io.github.spndoctor.core.directory.ValueOrigin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Watches the values a journal changed replicate to every domain controller: each round reads the accounts on every
 * DC in parallel (one thread per DC; reads bounded by the session's timeouts; the replication metadata only on a DC's
 * first read and when it turns converged), and {@link #watch} repeats rounds at
 * most once a second until every DC holds the change, the limit passes, or the caller stops. A DC seen converged is
 * not read again: its time is the first round it held the change. The one convergence workflow: the wizard, fix,
 * undo and converge all use it. Blocks: never call it on a UI thread.
 */
public final class ConvergenceWatch implements AutoCloseable {
    /** How long a watch keeps polling unless told otherwise: longer than intra-site replication (15 s + 3 s per partner). */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);
    /** Shortest time between the starts of two rounds: polling adds at most one read per DC per second. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Safety net over the LDAP timeouts for one DC's reads in one round. */
    static final Duration ROUND_CAP = Duration.ofSeconds(90);

    /** Told after every round, with the time left before the watch gives up. */
    @FunctionalInterface
    public interface Listener {
        void round(ConvergenceReport report, Duration remaining);
    }

    private final Replicas replicas;
    private final List<Expectation> expected;
    private final Instant writtenAt;
    private final Clock clock;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spn-doctor convergence read");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, DcStatus> seenConverged = new ConcurrentHashMap<>();
    /** Each DC's first read of each account, with its replication metadata, by DC name and DN. */
    private final Map<String, ReplicaRead> withOrigin = new ConcurrentHashMap<>();

    public ConvergenceWatch(Replicas replicas, List<Expectation> expected, Instant writtenAt, Clock clock) {
        this.replicas = replicas;
        this.expected = List.copyOf(expected);
        this.writtenAt = writtenAt;
        this.clock = clock;
    }

    /** A watch over the values {@code journal} changed; empty when the directory cannot read its DCs one by one. */
    public static Optional<ConvergenceWatch> forJournal(Directory directory, Journal journal) {
        return directory.replicas().map(r -> new ConvergenceWatch(r, Expectation.fromJournal(journal),
                journal.lastWriteAt(), Clock.systemUTC()));
    }

    /**
     * The one convergence workflow after a write (blocks): watches the values {@code journal} changed reach every DC
     * of {@code directory} for up to {@code limit} (zero: one look), telling {@code listener} after each round, until
     * all agree or {@code stop} says so. Says so when the connection cannot read its DCs one by one, or when no value
     * reached the directory.
     */
    public static WatchOutcome follow(Directory directory, Journal journal, Duration limit, Listener listener,
                                      BooleanSupplier stop) throws DirectoryException {
        Optional<ConvergenceWatch> w = forJournal(directory, journal);
        if (w.isEmpty()) {
            return new WatchOutcome(WatchOutcome.Ending.NOT_CHECKED, Optional.empty(), limit);
        }
        try (ConvergenceWatch watch = w.get()) {
            if (watch.expected().isEmpty()) {
                return new WatchOutcome(WatchOutcome.Ending.NOTHING_WRITTEN, Optional.empty(), limit);
            }
            ConvergenceReport last = watch.watch(limit, listener, stop);
            return WatchOutcome.of(last, !last.converged() && (stop.getAsBoolean() || Thread.currentThread().isInterrupted()), limit);
        }
    }

    public List<Expectation> expected() { return expected; }

    public Instant writtenAt() { return writtenAt; }

    /** One round: reads every DC that has not yet been seen holding the change, in parallel. */
    public ConvergenceReport round() throws DirectoryException {
        List<DomainController> dcs = replicas.domainControllers();
        Map<DomainController, Future<DcStatus>> running = new LinkedHashMap<>();
        Map<DomainController, DcStatus> done = new LinkedHashMap<>();
        Map<DomainController, List<Expectation>> toRead = new LinkedHashMap<>();
        for (DomainController dc : dcs) {
            List<Expectation> mine = expected.stream()
                    .filter(e -> dc.holdsDomainOf(e.account().dn()) || dc.globalCatalog()).toList();
            if (mine.isEmpty()) {
                continue;
            }
            DcStatus before = seenConverged.get(dc.name());
            if (before != null) {
                done.put(dc, before);
            } else {
                toRead.put(dc, mine);
            }
        }
        // every DC but one on its own thread; the last on this one, which would otherwise only wait
        DomainController inline = null;
        for (Map.Entry<DomainController, List<Expectation>> e : toRead.entrySet()) {
            inline = e.getKey();
        }
        for (Map.Entry<DomainController, List<Expectation>> e : toRead.entrySet()) {
            if (e.getKey() != inline) {
                running.put(e.getKey(), threads.submit(() -> readDc(e.getKey(), e.getValue())));
            }
        }
        Map<DomainController, DcStatus> fresh = new LinkedHashMap<>();
        if (inline != null) {
            fresh.put(inline, readDc(inline, toRead.get(inline)));
        }
        for (Map.Entry<DomainController, Future<DcStatus>> e : running.entrySet()) {
            fresh.put(e.getKey(), await(e.getKey(), e.getValue()));
        }
        // every DC read in this round was seen at the same moment: the round's end
        double at = since();
        for (Map.Entry<DomainController, DcStatus> e : fresh.entrySet()) {
            DcStatus r = e.getValue();
            DcStatus s = new DcStatus(r.dc(), r.state(), at, r.origin(), r.pending(), r.detail());
            if (s.state() == DcState.CONVERGED) {
                seenConverged.put(s.dc().name(), s);
            }
            done.put(e.getKey(), s);
        }
        List<DcStatus> out = new ArrayList<>();
        for (DomainController dc : dcs) {
            DcStatus s = done.get(dc);
            if (s != null) {
                out.add(s);
            }
        }
        return new ConvergenceReport(out, expected, writtenAt, clock.instant(), replicas.compared());
    }

    private DcStatus await(DomainController dc, Future<DcStatus> f) {
        try {
            return f.get(ROUND_CAP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new DcStatus(dc, DcState.UNREACHABLE, since(), Optional.empty(), List.of(),
                    "No answer within " + ROUND_CAP.toSeconds() + " s.");
        } catch (ExecutionException e) {
            return new DcStatus(dc, DcState.UNREACHABLE, since(), Optional.empty(), List.of(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return new DcStatus(dc, DcState.UNREACHABLE, since(), Optional.empty(), List.of(), "Stopped before it answered.");
        }
    }

    /**
     * Reads {@code dc}'s accounts: with their replication metadata the first time, and once more when the DC turns
     * out to hold the change after its entry moved on (the origin then names the write); in between only the values
     * and uSNChanged, the cheap read every later round of a stale DC makes.
     */
    private DcStatus readDc(DomainController dc, List<Expectation> mine) {
        Map<String, ReplicaRead> reads = new LinkedHashMap<>();
        List<String> moved = new ArrayList<>();
        for (Expectation e : mine) {
            String dn = e.account().dn();
            if (!reads.containsKey(dn)) {
                String key = dc.name() + "\n" + dn;
                ReplicaRead full = withOrigin.get(key);
                ReplicaRead r = replicas.read(dc, dn, full == null);
                if (r.status() == ReplicaRead.Status.UNREACHABLE) {
                    return new DcStatus(dc, DcState.UNREACHABLE, since(), Optional.empty(), List.of(), r.detail());
                }
                if (full == null) {
                    withOrigin.put(key, r);
                } else if (r.origin().isEmpty() && r.status() == ReplicaRead.Status.FOUND) {
                    if (r.usnChanged() != full.usnChanged()) {
                        moved.add(dn);
                    }
                    r = new ReplicaRead(r.status(), r.spns(), r.usnChanged(), full.origin(), r.detail());
                }
                reads.put(dn, r);
            }
        }
        List<Expectation> pending = mine.stream().filter(e -> !e.metBy(reads.get(e.account().dn()))).toList();
        if (pending.isEmpty()) {
            for (String dn : moved) {   // converged: where the value it now holds came from
                ReplicaRead r = replicas.read(dc, dn, true);
                if (r.status() == ReplicaRead.Status.FOUND) {
                    reads.put(dn, r);
                }
            }
        }
        Optional<ValueOrigin> origin = reads.values().stream().map(ReplicaRead::origin).flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(ValueOrigin::changedAt));
        if (pending.isEmpty()) {
            return new DcStatus(dc, DcState.CONVERGED, since(), origin, List.of(), "");
        }
        return new DcStatus(dc, DcState.STALE, since(), origin, pending, ClientAdvice.staleKdc(dc, pending));
    }

    private double since() {
        return Math.max(0, Duration.between(writtenAt, clock.instant()).toMillis() / 1000.0);
    }

    /**
     * Rounds until every DC holds the change, {@code limit} has passed, or {@code stop} says so; at most one round
     * per {@link #INTERVAL}. Returns the last round.
     */
    public ConvergenceReport watch(Duration limit, Listener listener, BooleanSupplier stop) throws DirectoryException {
        Instant start = clock.instant();
        Instant end = start.plus(limit);
        while (true) {
            Instant roundStart = clock.instant();
            ConvergenceReport report = round();
            Duration remaining = Duration.between(clock.instant(), end);
            listener.round(report, remaining.isNegative() ? Duration.ZERO : remaining);
            if (report.converged() || (remaining.isZero() || remaining.isNegative()) || stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return report;
            }
            Instant next = roundStart.plus(INTERVAL);
            while (clock.instant().isBefore(next)) {
                if (stop.getAsBoolean()) {
                    return report;
                }
                try {
                    Thread.sleep(Math.min(100, Math.max(1, Duration.between(clock.instant(), next).toMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return report;
                }
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
