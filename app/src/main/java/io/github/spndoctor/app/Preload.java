package io.github.spndoctor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads and links, on a second thread, the classes the first wizard page needs, while the JavaFX toolkit starts on
 * the first (ADR 0105). First it reads the two files the UI thread's first turn would otherwise wait for, neither
 * of which needs the toolkit: the theme's stylesheet, handed to JavaFX ahead ({@code Theme.prepare}), and the
 * wizard's texts ({@code Messages.readAhead}). Then the list {@code startup-classes.txt}, written by
 * {@code scripts/startup-classes.sh} from a logged start; then, after the first frame, {@code page-classes.txt}, which
 * the other pages load while they are built and rehearsed (so their first turns on the UI thread do not wait for
 * class loading). Listed classes are never initialized, so no static initializer of theirs runs early or on the
 * wrong thread; a name that no longer exists is skipped. It only changes when the work happens, never what happens.
 */
public final class Preload {
    static final String LIST = "startup-classes.txt";
    /** Then the classes the other pages need while they are prepared in idle time after the first frame. */
    static final String PAGES_LIST = "page-classes.txt";

    private Preload() {}

    /** Starts the preloading thread unless {@code -Dspndoctor.preload=false}. */
    public static void start() {
        if (!Boolean.parseBoolean(System.getProperty("spndoctor.preload", "true"))) {
            return;
        }
        Thread t = new Thread(Preload::run, "spn-doctor-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        // the UI thread's first step is setting the theme: read it now, while the toolkit starts
        io.github.spndoctor.app.ui.Theme.prepare();
        StartupProbe.mark("theme prepared");
        io.github.spndoctor.app.ui.Messages.readAhead();
        StartupProbe.mark("texts read");
        ClassLoader loader = Preload.class.getClassLoader();
        StartupProbe.mark("preloaded " + loadAll(loader, LIST) + " classes");
        try {
            // the second list waits for the first frame: before it, it would only compete with the first page
            if (FIRST_FRAME.await(1, java.util.concurrent.TimeUnit.MINUTES)) {
                StartupProbe.mark("preloaded " + loadAll(loader, PAGES_LIST) + " classes for the other pages");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final java.util.concurrent.CountDownLatch FIRST_FRAME = new java.util.concurrent.CountDownLatch(1);

    /** Called once the first page has been drawn: the classes for the other pages may load now. */
    static void firstFrameShown() {
        FIRST_FRAME.countDown();
    }

    /** Loads the classes of one list; returns how many were found (an unreadable list only means they load later). */
    static int loadAll(ClassLoader loader, String list) {
        int n = 0;
        try (InputStream in = Preload.class.getResourceAsStream(list)) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String name = r.readLine(); name != null; name = r.readLine()) {
                    n += load(loader, name.strip()) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            // the rest of the list loads when first used
        }
        return n;
    }

    static boolean load(ClassLoader loader, String name) {
        if (name.isEmpty() || name.startsWith("#")) {
            return false;
        }
        try {
            // asking for the declared constructors links (and verifies) the class without initializing it
            Class.forName(name, false, loader).getDeclaredConstructors();
            return true;
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
