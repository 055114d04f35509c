package io.github.spndoctor.core.scan;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.samba.SambaLab;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmarks (not tests), run by bench/run-benchmarks.sh:
 * <ul>
 *   <li>{@code server SPNS}: an in-memory directory in this process with SPNS servicePrincipalName values (two per
 *       account, one computer per 50 accounts with HOST/, a few seeded conflicts); prints "READY port".</li>
 *   <li>{@code heap PORT [SPNS]}: scans that server (or a {@link StreamingBenchServer}) from this (separate) process and reports the scanner's retained heap per
 *       SPN (used heap after full GCs, minus the baseline) and wall times.</li>
 *   <li>{@code versus PORT RUNS}: alternates a raw paged {@code ldapsearch} dump of servicePrincipalName (a child
 *       process) with a full scan in this warm JVM, RUNS times each, against a server on loopback PORT.</li>
 *   <li>{@code samba RUNS}: wall time of full scans of the Samba lab through the Connector (LDAPS, GC).</li>
 * </ul>
 */
public final class ScanBenchmark {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "server" -> server(Integer.parseInt(args[1]));
            case "heap" -> heap(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : -1);
            case "samba" -> samba(Integer.parseInt(args[1]));
            case "feed" -> feed(Integer.parseInt(args[1]));
            case "versus" -> versus(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void server(int spns) throws Exception {
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(BASE_DN);
        cfg.setSchema(null);
        cfg.setAccessLogHandler(null);
        cfg.setMaxSizeLimit(0);
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("bench", InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(cfg);
        server.add(baseEntry());
        long t0 = System.nanoTime();
        List<Entry> batch = new ArrayList<>();
        int accounts = accounts(spns);
        for (int i = 0; i < accounts; i++) {
            batch.add(entry(i));
            if (batch.size() == 20_000) {
                server.addEntries(batch);
                batch.clear();
            }
        }
        server.addEntries(batch);
        server.startListening();
        System.out.printf(Locale.ROOT, "loaded %d accounts in %.1f s%n", accounts, (System.nanoTime() - t0) / 1e9);
        System.out.println("READY " + server.getListenPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The suffix every benchmark entry lives under. */
    static final String BASE_DN = "DC=bench,DC=test";

    /** Accounts in a benchmark directory of {@code spns} SPN values (two per account). */
    static int accounts(int spns) {
        return spns / 2;
    }

    /** The suffix entry itself (no SPNs). */
    static Entry baseEntry() {
        return new Entry(BASE_DN, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "domain"));
    }

    /**
     * Account {@code i} of the benchmark mix, the one generator every mode uses: one computer per 50 accounts
     * ({@code HOST/} SPNs and dNSHostName), the rest users with an {@code HTTP/} and a {@code MSSQLSvc/} SPN; every
     * 10,000th user (i % 10,000 == 1) holds {@code HTTP/<fqdn>} of the previous computer (a hijack) and every 25,000th
     * (i % 25,000 == 2) holds one literal duplicate value. Deterministic; a new mutable entry per call.
     */
    static Entry entry(int i) {
        String n = String.format(Locale.ROOT, "%07d", i);
        Entry e;
        if (i % 50 == 0) {
            e = new Entry("CN=HOST" + n + "," + BASE_DN);
            e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user", "computer");
            e.addAttribute("sAMAccountName", "HOST" + n + "$");
            e.addAttribute("dNSHostName", "host" + n + ".bench.test");
            e.addAttribute("servicePrincipalName", "HOST/HOST" + n, "HOST/host" + n + ".bench.test");
        } else {
            e = new Entry("CN=svc" + n + "," + BASE_DN);
            e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
            e.addAttribute("sAMAccountName", "svc" + n);
            String http = i % 10_000 == 1 ? "HTTP/host" + String.format(Locale.ROOT, "%07d", i - 1) + ".bench.test"
                    : "HTTP/app" + n + ".bench.test";
            String sql = i % 25_000 == 2 ? DUPLICATE_SPN : "MSSQLSvc/db" + n + ".bench.test:1433";
            e.addAttribute("servicePrincipalName", http, sql);
        }
        return e;
    }

    /** The value every 25,000th user holds. */
    static final String DUPLICATE_SPN = "MSSQLSvc/app0000003.bench.test:1433";

    /** Findings a correct scan reports on the first {@code accounts} entries: one per hijack, one for the duplicate. */
    static int seededFindings(int accounts) {
        int hijacks = accounts > 1 ? (accounts - 2) / 10_000 + 1 : 0;
        int duplicateHolders = accounts > 2 ? (accounts - 3) / 25_000 + 1 : 0;
        return hijacks + (duplicateHolders >= 2 ? 1 : 0);
    }

    /** The holder the scan's stream delivers for an entry (what {@code PagedScan} builds from the wire). */
    static io.github.spndoctor.core.directory.SpnHolder holder(Entry e) {
        String[] ocs = e.getAttributeValues("objectClass");
        return new io.github.spndoctor.core.directory.SpnHolder(e.getDN(), e.getAttributeValue("sAMAccountName"),
                io.github.spndoctor.core.model.AccountKind.fromObjectClasses(java.util.Arrays.asList(ocs)),
                e.getAttributeValue("dNSHostName"), List.of(e.getAttributeValues("servicePrincipalName")));
    }

    static long usedAfterGc() throws InterruptedException {
        var mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    static void heap(int port, int servedSpns) throws Exception {
        LDAPConnectionPool pool = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", port), 1, 2);
        LdapDirectory dir = new LdapDirectory(pool, "", pool, new DirectoryInfo(false, "in-memory:" + port, "anonymous", true),
                600, pool::close);
        // warm the code paths on a cancelled scan, then measure
        ForestScanner.scan(dir, 1000, new ScanListener() {
            int pages;

            @Override
            public void progress(ScanProgress p) { pages++; }

            @Override
            public boolean cancelled() { return pages > 20; }
        });
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        ForestScanner.Index index = new ForestScanner.Index(ScanListener.NONE, t0);
        dir.scanSpns(1000, index);
        double streamSeconds = (System.nanoTime() - t0) / 1e9;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "streamed %,d SPNs on %,d accounts in %.2f s (%.0f SPNs/s)%n", index.spns,
                index.accounts, streamSeconds, index.spns / streamSeconds);
        System.out.printf(Locale.ROOT, "retained heap of the scan index: %,d bytes = %.1f bytes/SPN (arrays alone: %.1f bytes/SPN)%n",
                after - before, (after - before) / (double) index.spns, index.footprintBytes() / (double) index.spns);
        java.lang.ref.Reference.reachabilityFence(index);
        index = null;
        if (servedSpns > 0) {
            System.out.printf(Locale.ROOT, "seeded findings in the served mix: %d%n", seededFindings(accounts(servedSpns)));
        }
        for (int run = 1; run <= 3; run++) {
            long s = System.nanoTime();
            ScanReport r = ForestScanner.scan(dir, 1000, ScanListener.NONE);
            System.out.printf(Locale.ROOT, "full scan %d: %.2f s, %d findings (%s)%n", run, (System.nanoTime() - s) / 1e9,
                    r.findings().size(), summary(r));
        }
        dir.close();
    }

    /**
     * The scan index's retained heap at SPNS values, fed the same entry mix as {@code server} builds, straight from
     * memory (no LDAP): isolates the scanner's own memory from any server or transport.
     */
    static void feed(int spns) throws Exception {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        ForestScanner.Index index = new ForestScanner.Index(ScanListener.NONE, t0);
        int accounts = accounts(spns);
        for (int i = 0; i < accounts; i++) {
            index.accept(holder(entry(i)));
            if (i % 1000 == 999) {
                index.pageDone(i + 1);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "fed %,d SPNs on %,d accounts in %.2f s (%.0f SPNs/s of index work)%n", index.spns,
                index.accounts, seconds, index.spns / seconds);
        System.out.printf(Locale.ROOT, "retained heap of the scan index: %,d bytes = %.1f bytes/SPN (arrays alone: %.1f bytes/SPN); "
                + "%d duplicate candidates, %d HTTP-on-service candidates%n", after - before, (after - before) / (double) index.spns,
                index.footprintBytes() / (double) index.spns, index.duplicates.size(), index.httpOnServiceAccounts.size());
        java.lang.ref.Reference.reachabilityFence(index);
    }

    static void versus(int port, int runs) throws Exception {
        LDAPConnectionPool pool = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", port), 1, 2);
        LdapDirectory dir = new LdapDirectory(pool, "", pool, new DirectoryInfo(false, "bench:" + port, "anonymous", true),
                600, pool::close);
        ProcessBuilder dump = new ProcessBuilder("ldapsearch", "-LLL", "-o", "ldif-wrap=no", "-H", "ldap://127.0.0.1:" + port,
                "-x", "-b", "", "-E", "pr=1000/noprompt", "(servicePrincipalName=*)", "servicePrincipalName")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        ScanReport warm = ForestScanner.scan(dir, 1000, ScanListener.NONE);
        System.out.printf(Locale.ROOT, "warm-up scan: %,d SPNs, %d findings%n", warm.spns(), warm.findings().size());
        double[] dumps = new double[runs];
        double[] scans = new double[runs];
        for (int run = 0; run < runs; run++) {
            long s = System.nanoTime();
            int rc = dump.start().waitFor();
            dumps[run] = (System.nanoTime() - s) / 1e9;
            if (rc != 0) {
                throw new IllegalStateException("ldapsearch exited with " + rc);
            }
            s = System.nanoTime();
            ScanReport r = ForestScanner.scan(dir, 1000, ScanListener.NONE);
            scans[run] = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: ldapsearch dump %.2f s, full scan %.2f s (%,d SPNs, %d findings %s)%n",
                    run + 1, dumps[run], scans[run], r.spns(), r.findings().size(), summary(r));
        }
        double d = median(dumps);
        double sc = median(scans);
        System.out.printf(Locale.ROOT, "medians: ldapsearch dump %.2f s, full scan %.2f s, ratio %.2f%n", d, sc, sc / d);
        dir.close();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void samba(int runs) throws Exception {
        try (Directory dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray())) {
            ForestScanner.scan(dir, ScanListener.NONE); // warm-up
            for (int run = 1; run <= runs; run++) {
                long s = System.nanoTime();
                ScanReport r = ForestScanner.scan(dir, 1000, ScanListener.NONE);
                System.out.printf(Locale.ROOT, "samba scan %d: %.3f s, %,d SPNs, %d findings (%s)%n", run,
                        (System.nanoTime() - s) / 1e9, r.spns(), r.findings().size(), summary(r));
            }
        }
    }

    private static String summary(ScanReport r) {
        return r.findings().stream().collect(java.util.stream.Collectors.groupingBy(f -> f.cause().id(),
                java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString();
    }
}
