package io.github.spndoctor.app.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The head start on the theme: registered once, waited for, and never after the UI thread has decided. */
class PreparedThemeTest {
    private static final URL PRIMER = PreparedThemeTest.class.getResource("/atlantafx/base/theme/primer-light.bss");
    private final List<Stylesheet> registered = new CopyOnWriteArrayList<>();

    private static Stylesheet tiny(URL url) throws IOException {
        return new CssParser().parse(url.toExternalForm(), ".button { -fx-background-color: #ff00ff; }");
    }

    @Test
    void theRealStylesheetIsReadAndRegisteredOnce() {
        PreparedTheme p = new PreparedTheme(Stylesheet::loadBinary, registered::add, 2000);
        p.prepare(PRIMER);
        p.prepare(PRIMER);
        assertEquals(PRIMER.toExternalForm(), p.decide());
        assertEquals(1, registered.size());
        assertTrue(registered.get(0).getRules().size() > 1000, "Primer's rules: " + registered.get(0).getRules().size());
        assertEquals(PRIMER.toExternalForm(), registered.get(0).getUrl(), "registered under the URL the UI thread sets");
    }

    @Test
    void aPreparationAfterTheDecisionRegistersNothing() {
        PreparedTheme p = new PreparedTheme(PreparedThemeTest::tiny, registered::add, 2000);
        assertNull(p.decide());
        p.prepare(PRIMER);
        assertEquals(List.of(), registered);
    }

    @Test
    void anUnreadableStylesheetIsNoHeadStart() {
        PreparedTheme p = new PreparedTheme(url -> { throw new IOException("not a stylesheet"); }, registered::add, 2000);
        p.prepare(PRIMER);
        assertNull(p.decide());
        assertEquals(List.of(), registered);
        PreparedTheme unreachable = new PreparedTheme(PreparedThemeTest::tiny,
                sheet -> { throw new IllegalAccessError("module not open"); }, 2000);
        unreachable.prepare(PRIMER);
        assertNull(unreachable.decide(), "a style manager that cannot be reached is no head start either");
    }

    @Test
    void theUiThreadWaitsForAPreparationUnderWay() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PreparedTheme p = new PreparedTheme(url -> {
            reading.countDown();
            await(release);
            return tiny(url);
        }, registered::add, 60_000);
        Thread preload = new Thread(() -> p.prepare(PRIMER));
        preload.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        Thread releaser = new Thread(() -> {
            sleep(200);
            release.countDown();
        });
        releaser.start();
        assertEquals(PRIMER.toExternalForm(), p.decide(), "decided only after the reading under way had finished");
        assertEquals(1, registered.size());
        preload.join();
    }

    @Test
    void aLatePreparationIsGivenUpAndThenRegistersNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PreparedTheme p = new PreparedTheme(url -> {
            await(release);
            return tiny(url);
        }, registered::add, 50);
        Thread preload = new Thread(() -> p.prepare(PRIMER));
        preload.start();
        while (preload.getState() != Thread.State.WAITING && preload.isAlive()) {
            Thread.onSpinWait();
        }
        assertNull(p.decide(), "the UI thread stops waiting and reads the stylesheet itself");
        release.countDown();
        preload.join();
        assertEquals(List.of(), registered, "what finished after the decision was not handed to JavaFX");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
