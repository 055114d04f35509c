package io.github.spndoctor.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Start-up measurement for the benchmark script (enabled with {@code -Dspndoctor.startupProbe=true}): prints the
 * milliseconds from JVM start to the first frame after the first page was shown, then exits when
 * {@code -Dspndoctor.exitAfterStartup=true}. Not used otherwise.
 */
final class StartupProbe {
    private StartupProbe() {}

    /** Prints a phase time when probing. */
    static void mark(String phase) {
        if (Boolean.getBoolean("spndoctor.startupProbe")) {
            System.out.println("  " + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms: " + phase + cpu());
        }
    }

    /** CPU used so far by the whole process and by the calling (UI) thread, in ms: less sensitive to load than wall time. */
    private static String cpu() {
        long process = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        return " cpu=" + process / 1_000_000 + " uiCpu=" + thread / 1_000_000;
    }

    /**
     * Prints when every page has been built and rehearsed after the first frame (the end of the page classes' list,
     * scripts/startup-classes.sh), then exits when {@code -Dspndoctor.exitAfterPagesPrepared=true}.
     */
    static void pagesPrepared() {
        System.out.println("PAGES_PREPARED_MS=" + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + cpu());
        if (Boolean.getBoolean("spndoctor.exitAfterPagesPrepared")) {
            Platform.exit();
        }
    }

    /**
     * With {@code -Dspndoctor.startupProbe.threads=true}: every native thread's CPU so far and its time spent waiting
     * for a core (Linux /proc: stat in clock ticks of 10 ms, schedstat in ns), grouped by name — JIT compilers and
     * GC threads included, which Java's thread beans do not see. Where a start-up's CPU went (benchmark doc).
     */
    private static void printThreads() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                byName.merge(name, ticks * 10, Long::sum);
                String[] q = java.nio.file.Files.readString(task.toPath().resolve("schedstat")).trim().split(" ");
                byName.merge(name + " (runqueue wait)", Long.parseLong(q[1]) / 1_000_000, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        byName.forEach((name, ms) -> System.out.println("  thread " + name + " " + ms + " ms"));
        // what each Java thread allocated so far: the young collections before the first frame follow from it
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            long bytes = t == null ? -1 : threads.getThreadAllocatedBytes(t.getThreadId());
            if (bytes > 0) {
                System.out.println("  allocated " + t.getThreadName() + " " + bytes / 1024 + " KB");
            }
        }
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.println("  gc " + gc.getName() + " " + gc.getCollectionCount() + " collections, " + gc.getCollectionTime() + " ms");
        }
    }

    static void report(Scene scene) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the second pulse after show: the first page has been laid out and rendered once
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("FIRST_PAGE_INTERACTIVE_MS=" + ms + " focus=" + (scene.getFocusOwner() != null) + cpu());
                System.out.println("THEME=" + io.github.spndoctor.app.ui.Theme.describe());
                if (Boolean.getBoolean("spndoctor.startupProbe.threads")) {
                    printThreads();
                }
                if (Boolean.getBoolean("spndoctor.exitAfterStartup")) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
