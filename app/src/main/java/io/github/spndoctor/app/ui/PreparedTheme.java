package io.github.spndoctor.app.ui;

import javafx.css.Stylesheet;

import java.io.IOException;
import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads Primer's compiled stylesheet and hands it to JavaFX's style manager on the preloading thread, while the
 * toolkit starts (ADR 0105). Setting a user-agent stylesheet reads it and sorts the selectors of its 1,072 rules:
 * about 70 ms of the UI thread's first turn. JavaFX keeps a user-agent stylesheet it already holds under the same
 * URL, so {@link Theme#applyUserAgent()} then costs almost nothing.
 * <p>
 * Only ever a head start. The UI thread still decides the theme (high contrast is known only there) and sets it as
 * before; if it decides for another stylesheet, JavaFX replaces this one. A preparation under way when the UI thread
 * decides is waited for (its reading at most {@code waitMs}); one that finishes after the decision registers nothing.
 * Where JavaFX's style manager cannot be reached (JavaFX on the module path, as under {@code javafx:run}) or the
 * stylesheet cannot be read, nothing is prepared and the UI thread reads it itself, as it always did.
 * <p>
 * What runs here early: the static initializers of JavaFX's CSS values and converters, of {@code Paint} and
 * {@code Image}, and the static part of {@code Toolkit} (never the toolkit itself, which only {@code getToolkit()}
 * starts). Their order is always {@code Paint}, then {@code Toolkit}, then {@code Image}, the same as the toolkit's
 * own start, whose {@code Toolkit} and {@code Image} need nothing from {@code Paint}: two threads cannot wait on each
 * other's initializers.
 */
final class PreparedTheme {
    /** Reads a compiled stylesheet. */
    interface Reader {
        Stylesheet read(URL url) throws IOException;
    }

    /** The one of this JVM: JavaFX's reader, JavaFX's style manager, two seconds at most. */
    static final PreparedTheme JVM = new PreparedTheme(Stylesheet::loadBinary, PreparedTheme::register, 2000);

    private final Reader reader;
    private final Consumer<Stylesheet> register;
    private final long waitMs;
    private final Object lock = new Object();
    private final CountDownLatch done = new CountDownLatch(1);
    /** Guarded by lock: a preparation has started (only then does the UI thread wait). */
    private boolean started;
    /** Guarded by lock: the UI thread has decided; a later preparation must not register anything. */
    private boolean decided;
    /** Guarded by lock: the URL of the stylesheet handed to the style manager, or null. */
    private String registered;

    /** Hands {@code sheet} to JavaFX's style manager as the default user-agent stylesheet, under its own URL. */
    static void register(Stylesheet sheet) {
        com.sun.javafx.css.StyleManager.getInstance().setDefaultUserAgentStylesheet(sheet);
    }

    PreparedTheme(Reader reader, Consumer<Stylesheet> register, long waitMs) {
        this.reader = reader;
        this.register = register;
        this.waitMs = waitMs;
    }

    /**
     * Reads and registers the stylesheet at {@code url}, on the calling (preloading) thread, before the first scene
     * exists. Does nothing on a second call, or once the UI thread has decided.
     */
    void prepare(URL url) {
        synchronized (lock) {
            if (started || decided || url == null) {
                return;
            }
            started = true;
        }
        try {
            Stylesheet sheet = reader.read(url);
            synchronized (lock) {
                if (!decided && sheet != null) {
                    // no scene exists yet, so the style manager restyles nothing
                    register.accept(sheet);
                    registered = sheet.getUrl();
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // no head start: the UI thread reads the stylesheet itself
        } finally {
            done.countDown();
        }
    }

    /**
     * Called once by the UI thread just before it sets its user-agent stylesheet: waits for a preparation under way,
     * then closes the door on late ones. Returns the URL registered ahead, or null when nothing was.
     */
    String decide() {
        boolean wait;
        synchronized (lock) {
            wait = started && !decided;
        }
        if (wait) {
            try {
                done.await(waitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            decided = true;
            return registered;
        }
    }
}
