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
                if (Boolean.getBoolean("spndoctor.exitAfterStartup")) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
