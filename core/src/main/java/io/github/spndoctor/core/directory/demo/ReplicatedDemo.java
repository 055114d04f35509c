package io.github.spndoctor.core.directory.demo;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.directory.Replicas;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.directory.ValueOrigin;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo directory with a simulated second domain controller per domain: DC1 is the demo directory itself, DC2
 * (in another site) sees every write {@code lag} later, so the wizard's "has every DC got it?" view can be tried,
 * tested and shown without Samba. A decorator: every other call goes to the wrapped directory unchanged. The lag
 * comes from {@link #configuredLag()} (system property {@code spndoctor.demo.lag} or environment variable
 * {@code SPN_DOCTOR_DEMO_LAG}, seconds). Thread-safe.
 */
public final class ReplicatedDemo extends io.github.spndoctor.core.directory.DelegatingDirectory {
    /** DC2's lag unless configured: long enough to watch, short enough to wait for. */
    public static final Duration DEFAULT_LAG = Duration.ofSeconds(8);
    static final String HOME_SITE = "Default-First-Site-Name";
    static final String BRANCH_SITE = "Branch-Office";

    private record Write(Instant at, SpnChange change) {}

    private final Directory inner;
    private final Duration lag;
    private final Clock clock;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<DomainController> dcs;

    public ReplicatedDemo(Directory inner, Duration lag, Clock clock) {
        super(inner);
        this.inner = inner;
        this.lag = lag;
        this.clock = clock;
        List<DomainController> list = new ArrayList<>();
        int n = 0;
        for (String base : DemoDirectory.BASE_DNS) {
            String dns = base.toLowerCase(Locale.ROOT).replace("dc=", "").replace(",", ".");
            list.add(new DomainController("dc1." + dns, HOME_SITE, base, false, String.format("%032x", ++n)));
            list.add(new DomainController("dc2." + dns, BRANCH_SITE, base, false, String.format("%032x", ++n)));
        }
        this.dcs = List.copyOf(list);
    }

    /** The demo directory with DC2 lagging by {@link #configuredLag()}. */
    public static ReplicatedDemo around(Directory demo) {
        return new ReplicatedDemo(demo, configuredLag(), Clock.systemUTC());
    }

    /** {@code spndoctor.demo.lag} or {@code SPN_DOCTOR_DEMO_LAG} in seconds (0 to 3600), else {@link #DEFAULT_LAG}. */
    public static Duration configuredLag() {
        String v = System.getProperty("spndoctor.demo.lag", System.getenv("SPN_DOCTOR_DEMO_LAG"));
        try {
            double s = v == null ? -1 : Double.parseDouble(v.strip());
            return s >= 0 && s <= 3600 ? Duration.ofMillis(Math.round(s * 1000)) : DEFAULT_LAG;
        } catch (NumberFormatException e) {
            return DEFAULT_LAG;
        }
    }

    public Duration lag() { return lag; }

    /** The wrapped demo directory. */
    public Directory inner() { return inner; }

    @Override
    public void apply(SpnChange change) throws DirectoryException {
        inner.apply(change);
        writes.add(new Write(clock.instant(), change));
    }

    @Override
    public Optional<Replicas> replicas() {
        return Optional.of(new Replicas() {
            @Override
            public List<DomainController> domainControllers() { return dcs; }

            @Override
            public ReplicaRead read(DomainController dc, String dn) { return readOn(dc, dn); }

            @Override
            public String compared() {
                return "the servicePrincipalName values on the demo's simulated DCs (DC2 receives each write "
                        + lag.toMillis() / 1000.0 + " s after it is made)";
            }

            @Override
            public void close() { }
        });
    }

    private ReplicaRead readOn(DomainController dc, String dn) {
        Optional<Account> now;
        try {
            now = inner.readAccount(dn);
        } catch (DirectoryException e) {
            return ReplicaRead.unreachable(e.getMessage());
        }
        if (now.isEmpty()) {
            return ReplicaRead.absent();
        }
        Instant seen = seenBy(dc);
        List<Spn> spns = new ArrayList<>(now.get().spns());
        List<Write> mine = writes.stream().filter(w -> w.change().account().dn().equalsIgnoreCase(dn)).toList();
        Write latestSeen = null;
        for (int i = mine.size() - 1; i >= 0; i--) {
            Write w = mine.get(i);
            if (w.at().isAfter(seen)) { // not replicated to this DC yet: take it back out of its view
                if (w.change() instanceof SpnChange.Add) {
                    spns.remove(w.change().spn());
                } else if (!spns.contains(w.change().spn())) {
                    spns.add(w.change().spn());
                }
            } else if (latestSeen == null) {
                latestSeen = w;
            }
        }
        long version = 1 + mine.stream().filter(w -> !w.at().isAfter(seen)).count();
        Optional<ValueOrigin> origin = latestSeen == null ? Optional.empty()
                : Optional.of(new ValueOrigin("DC1", latestSeen.at().truncatedTo(ChronoUnit.SECONDS), version));
        return new ReplicaRead(ReplicaRead.Status.FOUND, spns, -1, origin, "");
    }

    /** Writes made before this instant have reached {@code dc}: now on DC1, {@link #lag} ago on DC2. */
    private Instant seenBy(DomainController dc) {
        return lags(dc) ? clock.instant().minus(lag) : clock.instant();
    }

    /** True for a simulated DC that receives writes late (DC2); DC1 is the demo directory itself. */
    public boolean lags(DomainController dc) { return dc.name().startsWith("dc2."); }

    /** The simulated DC of that DNS host name (case-insensitive). */
    public Optional<DomainController> dc(String dnsHostName) {
        return dcs.stream().filter(d -> d.name().equalsIgnoreCase(dnsHostName)).findFirst();
    }

    /**
     * The directory as {@code dc} holds it at each call, for its own KDC: who holds an SPN ({@link #findHolders})
     * leaves out what has not replicated there yet. Reads only: a write through this view is refused.
     */
    public Directory viewOf(DomainController dc) {
        return new io.github.spndoctor.core.directory.DelegatingDirectory(inner) {
            @Override
            public List<Account> findHolders(Spn spn) throws DirectoryException { return holdersOn(dc, spn); }

            @Override
            public void apply(SpnChange change) throws DirectoryException {
                throw new DirectoryException(DirectoryException.Kind.OTHER, "A simulated DC's view cannot be written to.");
            }

            @Override
            public void close() { }
        };
    }

    /** The accounts holding {@code spn} on {@code dc} now: the demo's, with the writes it has not received taken back. */
    private List<Account> holdersOn(DomainController dc, Spn spn) throws DirectoryException {
        List<Account> out = new ArrayList<>(inner.findHolders(spn));
        Instant seen = seenBy(dc);
        for (int i = writes.size() - 1; i >= 0; i--) {
            Write w = writes.get(i);
            if (!w.at().isAfter(seen) || !w.change().spn().equals(spn)) {
                continue;
            }
            String dn = w.change().account().dn();
            out.removeIf(a -> a.ref().dn().equalsIgnoreCase(dn));
            if (!(w.change() instanceof SpnChange.Add)) {   // removed after this DC's view: it still holds it there
                Optional<Account> a = inner.readAccount(dn);
                if (a.isPresent()) {
                    List<Spn> spns = new ArrayList<>(a.get().spns());
                    spns.add(spn);
                    out.add(new Account(a.get().ref(), spns, a.get().dnsHostName(), a.get().userAccountControl(),
                            a.get().allowedToDelegateTo()));
                }
            }
        }
        return out;
    }

    /** The replicated demo behind a session's directory (through any delegating views), if it is one. */
    public static Optional<ReplicatedDemo> in(Directory dir) {
        Directory d = dir;
        for (int i = 0; i < 10 && d != null; i++) {
            if (d instanceof ReplicatedDemo r) {
                return Optional.of(r);
            }
            d = d instanceof io.github.spndoctor.core.directory.DelegatingDirectory dd ? dd.delegate() : null;
        }
        return Optional.empty();
    }

    @Override
    public void close() { inner.close(); }
}
