package io.github.spndoctor.app.ui;

import io.github.spndoctor.app.fixture.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the head start relies on, in JavaFX itself: a user-agent stylesheet handed to the style manager before the
 * first scene is kept when the same URL is set, and not read again. Each case runs in a fresh JVM, because the
 * theme is set once per JVM (headless, as the other tests).
 */
class PreparedThemeJavaFxTest {
    @TempDir
    Path home;

    private ChildJvm.Run child(String... args) throws Exception {
        return ChildJvm.succeeds(home, ChildJvm.HEADLESS, PreparedThemeChild.class, args);
    }

    @Test
    void aStylesheetRegisteredAheadIsKept() throws Exception {
        ChildJvm.Run run = child();
        assertTrue(run.value("AHEAD").endsWith("primer-light.bss"), run.value("AHEAD"));
        assertEquals("0xff00ffff", run.value("BACKGROUND"), "the stand-in registered ahead styles the button");
        assertEquals("0", run.value("TOOLKIT_THREADS"), "reading and registering ahead did not start the toolkit");
    }

    @Test
    void withoutAHeadStartJavaFxReadsPrimer() throws Exception {
        ChildJvm.Run run = child("--no-preparation");
        assertEquals("null", run.value("AHEAD"));
        String bg = run.value("BACKGROUND");
        assertTrue(bg.startsWith("0x") && !bg.equals("0xff00ffff"), "Primer's own button colour: " + bg);
    }
}
