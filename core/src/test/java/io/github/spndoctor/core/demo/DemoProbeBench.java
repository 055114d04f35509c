package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;

import java.nio.file.Files;

/**
 * Benchmark (not a test): the live probe on the trainer's demo ("Test the connection", {@code probe --demo}) in one
 * fresh JVM: demo directory start, demo Kerberos start (KDCs + WinRM hosts), the first probe, then 20 more
 * alternating a healthy host (srv004, accepted) and a hijacked one (srv003, rejected). With the argument
 * {@code warm}, {@link TrainerDemo#warmUp()} runs first (as the wizard does after its first frame). See docs/benchmarks.
 * Run: java -cp core/target/test-classes:core/target/classes:CP io.github.spndoctor.core.demo.DemoProbeBench [warm]
 */
public final class DemoProbeBench {
    public static void main(String[] args) throws Exception {
        boolean warm = args.length > 0 && args[0].equals("warm");
        long t0 = System.nanoTime();
        TrainerDemo demo = TrainerDemo.unsaved(Files.createTempDirectory("bench"), DemoDirectory.start());
        long t1 = System.nanoTime();
        if (warm) {
            demo.warmUp();
        } else {
            demo.kerberos();
        }
        long t2 = System.nanoTime();
        Sampler sampler = System.getProperty("sample") != null ? Sampler.begin() : null;
        long[] mark = {System.nanoTime()};
        StringBuilder phases = new StringBuilder();
        ProbeResult first = new LiveProbe(demo.directory(), demo.probeEnvironment("srv004.rwwilden01.local"))
                .run(Endpoint.parse("srv004.rwwilden01.local"), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> {
                    long now = System.nanoTime();
                    phases.append(String.format("  %s %s: %d ms%n", s.kind(), s.status(), (now - mark[0]) / 1_000_000));
                    mark[0] = now;
                });
        long t3 = System.nanoTime();
        if (sampler != null) {
            sampler.stopAndPrint();
        }
        long best = Long.MAX_VALUE;
        long sum = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            if (i == n - 1 && System.getProperty("phases") != null) {
                long[] m = {System.nanoTime()};
                new LiveProbe(demo.directory(), demo.probeEnvironment("srv004.rwwilden01.local"))
                        .run(Endpoint.parse("srv004.rwwilden01.local"), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> {
                            long now = System.nanoTime();
                            phases.append(String.format("  warm %s %s: %d ms%n", s.kind(), s.status(), (now - m[0]) / 1_000_000));
                            m[0] = now;
                        });
            } else {
                probe(demo, i % 2 == 0 ? "srv003.rwwilden01.local" : "srv004.rwwilden01.local");
            }
            long d = System.nanoTime() - a;
            best = Math.min(best, d);
            sum += d;
        }
        System.out.printf("demo start %d ms; %s %d ms; first probe %d ms (%s); next %d probes: mean %d ms, best %d ms%n",
                (t1 - t0) / 1_000_000, warm ? "warm-up" : "Kerberos start", (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                first.winrm().id(), n, sum / n / 1_000_000, best / 1_000_000);
        if (System.getProperty("phases") != null) {
            System.out.print(phases);
        }
        demo.close();
    }

    static ProbeResult probe(TrainerDemo demo, String host) {
        return new LiveProbe(demo.directory(), demo.probeEnvironment(host))
                .run(Endpoint.parse(host), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
    }

    /** A poor man's profiler for the first probe: every 5 ms, the innermost "interesting" frame of each busy thread. */
    static final class Sampler extends Thread {
        final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean on = true;

        static Sampler begin() {
            Sampler s = new Sampler();
            s.setDaemon(true);
            s.start();
            return s;
        }

        @Override
        public void run() {
            while (on) {
                for (var e : Thread.getAllStackTraces().entrySet()) {
                    if (e.getKey() == this) {
                        continue;
                    }
                    if (System.getProperty("raw") != null) {
                        StackTraceElement[] st = e.getValue();
                        StringBuilder k = new StringBuilder(e.getKey().getName().replaceAll("\\d+", "N") + " " + e.getKey().getState());
                        int shown = 0;
                        for (StackTraceElement f : st) {
                            if (f.getClassName().startsWith("java.") && shown == 0) {
                                continue;
                            }
                            k.append(" < ").append(f.getClassName().replaceAll(".*\\.", "")).append('.').append(f.getMethodName());
                            if (++shown == 3) {
                                break;
                            }
                        }
                        if (st.length > 0) {
                            counts.merge(k.toString(), 1, Integer::sum);
                        }
                        continue;
                    }
                    if (e.getKey().getState() != Thread.State.RUNNABLE) {
                        continue;
                    }
                    StackTraceElement[] st = e.getValue();
                    String key = null;
                    for (StackTraceElement f : st) {
                        String c = f.getClassName();
                        if (c.startsWith("java.lang.ClassLoader") || c.startsWith("jdk.internal.loader")) { key = "class loading"; break; }
                        if (c.contains("PBKDF2") || c.contains("Pbkdf2") || c.contains("Pbkdf")) { key = "PBKDF2 " + c; break; }
                        if (c.contains("krb5.Config") || c.endsWith("KrbServiceLocator")) { key = "krb5 config " + c + "." + f.getMethodName(); break; }
                        if (c.startsWith("io.github.spndoctor") || c.startsWith("org.apache.kerby") || c.startsWith("sun.security")
                                || c.startsWith("javax.security") || c.startsWith("com.sun.security")) {
                            key = c + "." + f.getMethodName(); break;
                        }
                    }
                    if (key != null && st.length > 0 && !st[0].getMethodName().equals("accept0") && !st[0].getMethodName().startsWith("poll")
                            && !st[0].getMethodName().equals("epollWait") && !st[0].getMethodName().startsWith("socketRead")) {
                        counts.merge(key, 1, Integer::sum);
                    }
                }
                try { Thread.sleep(5); } catch (InterruptedException x) { return; }
            }
        }

        void stopAndPrint() {
            on = false;
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                    .forEach(e -> System.out.println("  " + e.getValue() * 5 + " ms  " + e.getKey()));
        }
    }
}
