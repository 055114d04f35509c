package io.github.spndoctor.app;

import io.github.spndoctor.app.ui.PreparedThemeJavaFxTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wizard's real start-up ({@link Main}, no arguments) in a JVM of its own, headless, until its first page is
 * interactive: the preloading thread read Primer ahead and the UI thread used it; without preloading the UI thread
 * reads it itself, and the page comes up just the same.
 */
class StartupThemeTest {
    private static List<String> start(String... properties) throws Exception {
        return PreparedThemeJavaFxTest.runJvm(Main.class, List.of(properties), List.of());
    }

    @Test
    void thePreloadingThreadReadsTheThemeAhead() throws Exception {
        List<String> lines = start("-Dspndoctor.startupProbe=true", "-Dspndoctor.exitAfterStartup=true");
        String theme = PreparedThemeJavaFxTest.value(lines, "THEME");
        assertTrue(theme.endsWith("primer-light.bss (read ahead)"), theme);
        assertTrue(PreparedThemeJavaFxTest.value(lines, "FIRST_PAGE_INTERACTIVE_MS").contains("focus=true"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("ms: theme prepared")), String.join("\n", lines));
    }

    @Test
    void withoutPreloadingTheUiThreadReadsIt() throws Exception {
        List<String> lines = start("-Dspndoctor.preload=false", "-Dspndoctor.startupProbe=true", "-Dspndoctor.exitAfterStartup=true");
        String theme = PreparedThemeJavaFxTest.value(lines, "THEME");
        assertTrue(theme.endsWith("primer-light.bss (read on the UI thread)"), theme);
        assertTrue(PreparedThemeJavaFxTest.value(lines, "FIRST_PAGE_INTERACTIVE_MS").contains("focus=true"), String.join("\n", lines));
    }

    @Test
    void aDarkThemeIsReadAheadToo() throws Exception {
        List<String> lines = start("-Dspndoctor.theme=dark", "-Dspndoctor.startupProbe=true", "-Dspndoctor.exitAfterStartup=true");
        String theme = PreparedThemeJavaFxTest.value(lines, "THEME");
        assertTrue(theme.endsWith("primer-dark.bss (read ahead)"), theme);
    }
}
