package io.github.spndoctor.core.scan;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.DirectoryInfo;
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
 *   <li>{@code versus PORT RUNS}: RUNS rounds against a server on loopback PORT, each: a raw paged {@code ldapsearch}
 *       dump of servicePrincipalName (a child process), the same dump of the scan's 4 attributes, the scan's paged
 *       search with UnboundID dropping the entries, and a full scan in this warm JVM; medians, ratios and CPU
 *       seconds (the server's from /proc when its pid is given as a third argument).</li>
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
            case "versus" -> versus(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : -1);
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
        long indexNanos = 0;
        List<io.github.spndoctor.core.directory.SpnHolder> page = new ArrayList<>(1000);
        for (int i = 0; i < accounts; i++) {
            page.add(holder(entry(i)));
            if (page.size() == 1000 || i == accounts - 1) { // only the index's own work is timed
                long s = System.nanoTime();
                page.forEach(index::accept);
                index.pageDone(i + 1);
                indexNanos += System.nanoTime() - s;
                page.clear();
            }
        }
        double seconds = indexNanos / 1e9;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "fed %,d SPNs on %,d accounts in %.2f s (%.0f SPNs/s of index work)%n", index.spns,
                index.accounts, seconds, index.spns / seconds);
        System.out.printf(Locale.ROOT, "retained heap of the scan index: %,d bytes = %.1f bytes/SPN (arrays alone: %.1f bytes/SPN); "
                + "%d duplicate candidates, %d HTTP-on-service candidates%n", after - before, (after - before) / (double) index.spns,
                index.footprintBytes() / (double) index.spns, index.duplicates.size(), index.httpOnServiceAccounts.size());
        java.lang.ref.Reference.reachabilityFence(index);
    }

    static void versus(int port, int runs, long serverPid) throws Exception {
        LDAPConnectionPool pool = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", port), 1, 2);
        LdapDirectory dir = new LdapDirectory(pool, "", pool, new DirectoryInfo(false, "bench:" + port, "anonymous", true),
                600, pool::close);
        ScanReport warm = ForestScanner.scan(dir, 1000, ScanListener.NONE);
        rawPagedRead(pool);
        System.out.printf(Locale.ROOT, "warm-up scan: %,d SPNs, %d findings%n", warm.spns(), warm.findings().size());
        String[] names = {"ldapsearch dump, SPN only", "ldapsearch dump, the scan's 4 attributes",
                "UnboundID paged read, 4 attributes, entries dropped", "full scan (stream + index + verify)"};
        double[][] wall = new double[names.length][runs];
        double[][] serverCpu = new double[names.length][runs];
        double[][] clientCpu = new double[names.length][runs];
        double[] verify = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < runs; run++) {
            ScanReport r = null;
            long entries = 0;
            for (int k = 0; k < names.length; k++) {
                double server0 = cpuSeconds(serverPid);
                double children0 = childrenCpuSeconds();
                long self0 = os.getProcessCpuTime();
                long s = System.nanoTime();
                switch (k) {
                    case 0 -> ldapsearch(port, "servicePrincipalName");
                    case 1 -> ldapsearch(port, "objectClass", "sAMAccountName", "dNSHostName", "servicePrincipalName");
                    case 2 -> entries = rawPagedRead(pool);
                    default -> {
                        long[] verifying = {0};
                        r = ForestScanner.scan(dir, 1000, new ScanListener() {
                            @Override
                            public void progress(ScanProgress p) {
                                if (p.phase().equals("verifying")) {
                                    verifying[0] = System.nanoTime();
                                }
                            }
                        });
                        verify[run] = (System.nanoTime() - verifying[0]) / 1e9;
                    }
                }
                wall[k][run] = (System.nanoTime() - s) / 1e9;
                serverCpu[k][run] = cpuSeconds(serverPid) - server0;
                clientCpu[k][run] = k < 2 ? childrenCpuSeconds() - children0 : (os.getProcessCpuTime() - self0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "run %d: wall %.2f / %.2f / %.2f (%,d entries) / %.2f s (verify %.2f s; %,d SPNs, "
                            + "%d findings %s)%n", run + 1, wall[0][run], wall[1][run], wall[2][run], entries, wall[3][run],
                    verify[run], r.spns(), r.findings().size(), summary(r));
        }
        double dump = median(wall[0]);
        System.out.printf(Locale.ROOT, "%-52s %8s %8s %11s %11s%n", "median of " + runs + " runs", "wall s", "ratio",
                "server CPU", "client CPU");
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "%-52s %8.2f %8.2f %11.2f %11.2f%n", names[i], median(wall[i]),
                    median(wall[i]) / dump, median(serverCpu[i]), median(clientCpu[i]));
        }
        System.out.printf(Locale.ROOT, "verify phase of the full scan (median): %.2f s; client CPU of ldapsearch from "
                + "/proc/self/stat (children), of the JVM rows from this JVM (all threads, GC and JIT included)%n", median(verify));
        dir.close();
    }

    /** User + system CPU seconds of a process from /proc (NaN when unknown). */
    private static double cpuSeconds(long pid) throws java.io.IOException {
        if (pid <= 0) {
            return Double.NaN;
        }
        return procTicks("/proc/" + pid + "/stat", 13) / 100.0;
    }

    /** CPU seconds of this JVM's reaped children (the ldapsearch runs). */
    private static double childrenCpuSeconds() throws java.io.IOException {
        return procTicks("/proc/self/stat", 15) / 100.0;
    }

    /** Sum of two consecutive tick fields (0-based index after the command name's closing parenthesis + 2). */
    private static long procTicks(String file, int field) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of(file));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[field - 2]) + Long.parseLong(f[field - 1]);
    }

    /** A raw paged dump with {@code ldapsearch} (a child process, output discarded); wall seconds. */
    private static double ldapsearch(int port, String... attributes) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ldapsearch", "-LLL", "-o", "ldif-wrap=no", "-H",
                "ldap://127.0.0.1:" + port, "-x", "-b", "", "-E", "pr=1000/noprompt", "(servicePrincipalName=*)"));
        cmd.addAll(List.of(attributes));
        long s = System.nanoTime();
        int rc = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("ldapsearch exited with " + rc);
        }
        return (System.nanoTime() - s) / 1e9;
    }

    /** The scan's paged search with UnboundID, entries decoded and dropped: the client's floor in Java. */
    private static long rawPagedRead(LDAPConnectionPool pool) throws Exception {
        long[] count = {0};
        com.unboundid.ldap.sdk.SearchResultListener drop = new com.unboundid.ldap.sdk.SearchResultListener() {
            @Override
            public void searchEntryReturned(com.unboundid.ldap.sdk.SearchResultEntry e) { count[0]++; }

            @Override
            public void searchReferenceReturned(com.unboundid.ldap.sdk.SearchResultReference r) {}
        };
        com.unboundid.asn1.ASN1OctetString cookie = null;
        do {
            com.unboundid.ldap.sdk.SearchRequest r = new com.unboundid.ldap.sdk.SearchRequest(drop, "",
                    com.unboundid.ldap.sdk.SearchScope.SUB, com.unboundid.ldap.sdk.Filter.createPresenceFilter(
                    "servicePrincipalName"), "objectClass", "sAMAccountName", "dNSHostName", "servicePrincipalName");
            r.setControls(new com.unboundid.ldap.sdk.controls.SimplePagedResultsControl(1000, cookie, true));
            var paged = com.unboundid.ldap.sdk.controls.SimplePagedResultsControl.get(pool.search(r));
            cookie = paged != null && paged.moreResultsToReturn() ? paged.getCookie() : null;
        } while (cookie != null);
        return count[0];
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
