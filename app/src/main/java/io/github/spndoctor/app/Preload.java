package io.github.spndoctor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads and links, on a second thread, the classes the first wizard page needs, while the JavaFX toolkit starts on
 * the first (ADR 0105). The list, {@code startup-classes.txt}, is written by {@code scripts/startup-classes.sh} from
 * a logged start. Classes are never initialized here, so no static initializer runs early or on the wrong thread; a
 * name that no longer exists is skipped. It only changes when the work happens, never what happens.
 */
final class Preload {
    static final String LIST = "startup-classes.txt";

    private Preload() {}

    /** Starts the preloading thread unless {@code -Dspndoctor.preload=false}. */
    static void start() {
        if (!Boolean.parseBoolean(System.getProperty("spndoctor.preload", "true"))) {
            return;
        }
        Thread t = new Thread(Preload::run, "spn-doctor-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        ClassLoader loader = Preload.class.getClassLoader();
        try (InputStream in = Preload.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String name = r.readLine(); name != null; name = r.readLine()) {
                n += load(loader, name.strip()) ? 1 : 0;
            }
            StartupProbe.mark("preloaded " + n + " classes");
        } catch (IOException e) {
            // an unreadable list only means the classes load when first used
        }
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
