package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.directory.Replicas;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The convergence watch over the demo's simulated second DC and over scripted replicas. */
class ConvergenceWatchTest {
    static final String SVC = "CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local";
    static final Spn HTTP = Spn.parse("HTTP/srv003.rwwilden01.local");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-01T20:00:00Z");

        void advance(Duration d) { now = now.plus(d); }

        @Override
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    @Test
    void theDemosSecondDcHoldsTheChangeOnlyAfterItsLag() throws Exception {
        TestClock clock = new TestClock();
        Duration lag = Duration.ofMillis(4800);
        try (ReplicatedDemo demo = new ReplicatedDemo(DemoDirectory.start(), lag, clock)) {
            Account svc = demo.readAccount(SVC).orElseThrow();
            SpnChange remove = new SpnChange.Remove(svc.ref(), HTTP);
            demo.apply(remove);
            Instant written = clock.instant();
            try (ConvergenceWatch w = new ConvergenceWatch(demo.replicas().orElseThrow(), Expectation.fromChanges(List.of(remove)),
                    written, clock)) {
                clock.advance(Duration.ofMillis(300));
                ConvergenceReport first = w.round();
                assertEquals(2, first.dcs().size(), "the account's domain has two DCs: " + first.dcs());
                assertEquals(DcState.CONVERGED, first.dc("DC1").orElseThrow().state());
                DcStatus dc2 = first.dc("DC2").orElseThrow();
                assertEquals(DcState.STALE, dc2.state());
                assertEquals(List.of(new Expectation(svc.ref(), HTTP, false)), dc2.pending());
                assertTrue(dc2.detail().contains("still finds " + HTTP + " on svc-srv003-web$"), dc2.detail());
                assertFalse(first.converged());
                assertEquals("1 of 2 domain controllers holds the change; not yet: DC2 (0.3 s since the write).", first.verdict());

                clock.advance(lag);
                ConvergenceReport done = w.round();
                assertTrue(done.converged(), done.verdict());
                assertEquals(0.3, done.dc("DC1").orElseThrow().seconds(), 1e-9, "DC1 keeps the time it was first seen");
                assertEquals("All 2 domain controllers hold the change (DC2 after 5.1 s).", done.verdict());
                assertEquals("DC1", done.dc("DC2").orElseThrow().origin().orElseThrow().originatingDc());
            }
        }
    }

    @Test
    void anUnreachableDcIsNeverConverged() throws Exception {
        Scripted r = new Scripted(3);
        r.down.add("dc3.x.test");
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(expectation(true)), Instant.now(), Clock.systemUTC())) {
            ConvergenceReport rep = w.round();
            assertFalse(rep.converged());
            assertEquals(DcState.UNREACHABLE, rep.dc("DC3").orElseThrow().state());
            assertEquals(2, rep.count(DcState.CONVERGED));
            assertTrue(rep.verdict().startsWith("2 of 3 domain controllers hold the change; unreachable: DC3 ("), rep.verdict());
        }
    }

    @Test
    void whenOneLookSeesEveryDcConvergedTheVerdictDoesNotClaimWhichCameLast() throws Exception {
        Scripted r = new Scripted(2);
        Instant written = Instant.now().minusSeconds(30);
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(expectation(true)), written, Clock.systemUTC())) {
            ConvergenceReport rep = w.round();
            assertTrue(rep.converged());
            assertTrue(rep.verdict().matches("All 2 domain controllers hold the change \\(seen 3\\d\\.\\d s after the write\\)\\."), rep.verdict());
        }
    }

    @Test
    void aDcThatAnswersWithoutTheEntryIsStaleForAnAddAndConvergedForARemove() {
        ReplicaRead absent = ReplicaRead.absent();
        assertFalse(expectation(true).metBy(absent));
        assertTrue(expectation(false).metBy(absent));
        assertFalse(expectation(false).metBy(ReplicaRead.unreachable("down")));
    }

    @Test
    void theLastChangeOfAValueWins() {
        Account a = new Account(new io.github.spndoctor.core.model.AccountRef(SVC, "svc$", io.github.spndoctor.core.model.AccountKind.MSA),
                List.of(), Optional.empty(), 0, List.of());
        List<Expectation> e = Expectation.fromChanges(List.of(new SpnChange.Remove(a.ref(), HTTP), new SpnChange.Add(a.ref(), HTTP)));
        assertEquals(List.of(new Expectation(a.ref(), HTTP, true)), e);
    }

    /** Seeded: whatever the DCs' lags, polling reads each DC at most once per second of watching, plus one. */
    @Test
    void pollingReadsEachDcAtMostOncePerSecond() throws Exception {
        Random rnd = new Random(15);
        for (int trial = 0; trial < 3; trial++) {
            int dcs = 1 + rnd.nextInt(4);
            Scripted r = new Scripted(dcs);
            r.staleFor.put("dc1.x.test", 1 + rnd.nextInt(3)); // dc1 holds the change after a few reads
            r.down.add("dc" + dcs + ".x.test");               // the last never answers: the watch runs to its limit
            long limitMs = 1500 + rnd.nextInt(1000);
            long start = System.nanoTime();
            try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(expectation(true)), Instant.now(), Clock.systemUTC())) {
                ConvergenceReport last = w.watch(Duration.ofMillis(limitMs), (rep, left) -> { }, () -> false);
                assertFalse(last.converged());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<String, AtomicInteger> e : r.reads.entrySet()) {
                assertTrue(e.getValue().get() <= Math.ceil(seconds) + 1, e.getKey() + " was read " + e.getValue() + " times in " + seconds + " s");
            }
            assertTrue(r.reads.get("dc" + dcs + ".x.test").get() >= 2, "the unreachable DC is tried again: " + r.reads);
        }
    }

    @Test
    void stopEndsTheWatchAtOnce() throws Exception {
        Scripted r = new Scripted(2);
        r.staleFor.put("dc2.x.test", Integer.MAX_VALUE);
        AtomicInteger rounds = new AtomicInteger();
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(expectation(true)), Instant.now(), Clock.systemUTC())) {
            ConvergenceReport last = w.watch(Duration.ofMinutes(5), (rep, left) -> rounds.incrementAndGet(), () -> rounds.get() >= 2);
            assertFalse(last.converged());
            assertEquals(2, rounds.get());
        }
    }

    @Test
    void theMetadataIsAskedForOnTheFirstReadAndWhenTheDcTurnsConverged_notInEveryRound() throws Exception {
        List<Boolean> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        int staleRounds = 2 + new Random(15).nextInt(4);
        DomainController dc = new DomainController("dc1.x.test", "Site", "DC=x,DC=test", false, "");
        Replicas r = new Replicas() {
            @Override
            public List<DomainController> domainControllers() { return List.of(dc); }

            @Override
            public ReplicaRead read(DomainController d, String dn) { throw new AssertionError("the watch says which read it wants"); }

            @Override
            public ReplicaRead read(DomainController d, String dn, boolean withOrigin) {
                asked.add(withOrigin);
                boolean has = asked.size() > staleRounds;
                Optional<io.github.spndoctor.core.directory.ValueOrigin> o = withOrigin ? Optional.of(new io.github.spndoctor.core.directory.ValueOrigin(
                        has ? "DC9" : "DC1", Instant.EPOCH.plusSeconds(asked.size()), asked.size())) : Optional.empty();
                return new ReplicaRead(ReplicaRead.Status.FOUND, has ? List.of(HTTP) : List.of(), has ? 20 : 10, o, "");
            }

            @Override
            public String compared() { return "counted"; }

            @Override
            public void close() { }
        };
        try (ConvergenceWatch w = new ConvergenceWatch(r, List.of(expectation(true)), Instant.now(), Clock.systemUTC())) {
            ConvergenceReport last = null;
            for (int i = 0; i <= staleRounds; i++) {
                last = w.round();
                if (i < staleRounds) {
                    assertEquals("DC1", last.dcs().get(0).origin().orElseThrow().originatingDc(), "a stale DC keeps its first origin");
                }
            }
            assertTrue(last.converged());
            List<Boolean> expected = new ArrayList<>();
            expected.add(true);
            for (int i = 1; i <= staleRounds; i++) {
                expected.add(false);
            }
            expected.add(true);   // it moved on and holds the change: where did the value come from?
            assertEquals(expected, asked);
            assertEquals("DC9", last.dcs().get(0).origin().orElseThrow().originatingDc());
            w.round();
            assertEquals(expected.size(), asked.size(), "a converged DC is not read again");
        }
    }

    static Expectation expectation(boolean present) {
        return new Expectation(new io.github.spndoctor.core.model.AccountRef("CN=a,DC=x,DC=test", "a$",
                io.github.spndoctor.core.model.AccountKind.COMPUTER), HTTP, present);
    }

    /** DCs dc1..dcN of DC=x,DC=test: each holds HTTP/ after staleFor reads, or is down. Counts reads. */
    static final class Scripted implements Replicas {
        final List<DomainController> dcs;
        final Map<String, Integer> staleFor = new ConcurrentHashMap<>();
        final java.util.Set<String> down = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        Scripted(int n) {
            dcs = java.util.stream.IntStream.rangeClosed(1, n)
                    .mapToObj(i -> new DomainController("dc" + i + ".x.test", "Site", "DC=x,DC=test", false, "")).toList();
        }

        @Override
        public List<DomainController> domainControllers() { return dcs; }

        @Override
        public ReplicaRead read(DomainController dc, String dn) {
            int n = reads.computeIfAbsent(dc.name(), k -> new AtomicInteger()).incrementAndGet();
            if (down.contains(dc.name())) {
                return ReplicaRead.unreachable("connection refused");
            }
            boolean has = n > staleFor.getOrDefault(dc.name(), 0);
            return new ReplicaRead(ReplicaRead.Status.FOUND, has ? List.of(HTTP) : List.of(), 1, Optional.empty(), "");
        }

        @Override
        public String compared() { return "scripted values"; }

        @Override
        public void close() { }
    }
}
