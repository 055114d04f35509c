package io.github.spndoctor.app;

import io.github.spndoctor.app.fixture.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wizard's real start-up ({@link Main}, no arguments) in a JVM of its own, headless, until its first page is
 * interactive: the preloading thread read Primer ahead and the UI thread used it; without preloading the UI thread
 * reads it itself, and the page comes up just the same.
 */
class StartupThemeTest {
    @TempDir
    Path home;

    private ChildJvm.Run start(String... properties) throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.HEADLESS);
        options.addAll(List.of("-Dspndoctor.startupProbe=true", "-Dspndoctor.exitAfterStartup=true"));
        options.addAll(List.of(properties));
        return ChildJvm.succeeds(home, options, Main.class);
    }

    @Test
    void thePreloadingThreadReadsTheThemeAhead() throws Exception {
        ChildJvm.Run run = start();
        assertTrue(run.value("THEME").endsWith("primer-light.bss (read ahead)"), run.value("THEME"));
        assertTrue(run.value("FIRST_PAGE_INTERACTIVE_MS").contains("focus=true"), run.out());
        assertTrue(run.lines().stream().anyMatch(l -> l.contains("ms: theme prepared")), run.out());
    }

    @Test
    void withoutPreloadingTheUiThreadReadsIt() throws Exception {
        ChildJvm.Run run = start("-Dspndoctor.preload=false");
        assertTrue(run.value("THEME").endsWith("primer-light.bss (read on the UI thread)"), run.value("THEME"));
        assertTrue(run.value("FIRST_PAGE_INTERACTIVE_MS").contains("focus=true"), run.out());
    }

    @Test
    void aDarkThemeIsReadAheadToo() throws Exception {
        ChildJvm.Run run = start("-Dspndoctor.theme=dark");
        assertTrue(run.value("THEME").endsWith("primer-dark.bss (read ahead)"), run.value("THEME"));
    }
}
