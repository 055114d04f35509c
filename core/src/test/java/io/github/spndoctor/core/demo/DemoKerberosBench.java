package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;

/**
 * Benchmark (not a test): the demo directory's start, the demo Kerberos start (KDCs + WinRM hosts) on top of it, and
 * demo WinRM connects (ticket from the demo KDC + the host's answer), in one fresh JVM. See docs/benchmarks.
 * Run: java -cp core/target/test-classes:core/target/classes:CP io.github.spndoctor.core.demo.DemoKerberosBench
 */
public final class DemoKerberosBench {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        DemoDirectory dir = DemoDirectory.start();
        long t1 = System.nanoTime();
        DemoKerberos k = DemoKerberos.start(dir);
        long t2 = System.nanoTime();
        DemoWinrmCheck.Result first = DemoWinrmCheck.connect(k, "srv003.rwwilden01.local");
        long t3 = System.nanoTime();
        long best = Long.MAX_VALUE;
        long sum = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            DemoWinrmCheck.connect(k, i % 2 == 0 ? "srv004.rwwilden01.local" : "srv003.rwwilden01.local");
            long d = System.nanoTime() - a;
            best = Math.min(best, d);
            sum += d;
        }
        System.out.printf("demo directory start %d ms; demo Kerberos start %d ms; first connect %d ms (%s); next %d connects: mean %d ms, best %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, first.accepted() ? "accepted" : "rejected",
                n, sum / n / 1_000_000, best / 1_000_000);
        k.close();
        dir.close();
    }
}
