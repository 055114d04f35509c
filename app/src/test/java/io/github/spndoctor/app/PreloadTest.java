package io.github.spndoctor.app;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preloading thread's list and its one rule: classes are loaded and linked, never initialized. */
class PreloadTest {
    /** Set by the static initializer of {@link Marked}: proof of whether it ran. */
    static volatile boolean markedInitialized;

    static final class Marked {
        static {
            markedInitialized = true;
        }
    }

    private static List<String> listed() throws Exception {
        return listed(Preload.LIST);
    }

    private static List<String> listed(String list) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = Preload.class.getResourceAsStream(list)) {
            assertNotNull(in, "the list is packaged beside Preload");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        return names;
    }

    @Test
    void everyListedClassStillExists() throws Exception {
        List<String> names = new ArrayList<>(listed());
        names.addAll(listed(Preload.PAGES_LIST));
        List<String> gone = new ArrayList<>();
        for (String n : names) {
            try {
                Class.forName(n, false, Preload.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                gone.add(n);
            }
        }
        assertEquals(List.of(), gone, "renamed or removed since the list was written: run scripts/startup-classes.sh");
    }

    @Test
    void theListCoversTheFirstPage() throws Exception {
        List<String> names = listed();
        for (Class<?> c : List.of(Composition.class, io.github.spndoctor.app.wizard.WizardShell.class,
                io.github.spndoctor.app.page.connect.ConnectPage.class, javafx.scene.control.Button.class)) {
            assertTrue(names.contains(c.getName()), c.getName());
        }
    }

    @Test
    void theSecondListCoversTheOtherPages() throws Exception {
        List<String> names = listed(Preload.PAGES_LIST);
        for (Class<?> c : List.of(io.github.spndoctor.app.page.diagnosis.DiagnosisPage.class,
                io.github.spndoctor.app.page.remedy.RemedyPage.class, javafx.scene.control.TableView.class)) {
            assertTrue(names.contains(c.getName()), c.getName());
        }
        assertTrue(java.util.Collections.disjoint(names.stream().filter(n -> n.startsWith("io.github.spndoctor.app.")).toList(),
                listed()), "a class of the first page is not listed again for the others");
    }

    @Test
    void loadingLinksWithoutRunningStaticInitializers() {
        assertTrue(Preload.load(getClass().getClassLoader(), Marked.class.getName()));
        assertFalse(markedInitialized, "preloading must not run a static initializer");
        assertFalse(Preload.load(getClass().getClassLoader(), "io.github.spndoctor.app.NoSuchClass"));
        assertFalse(Preload.load(getClass().getClassLoader(), "# a comment"));
        assertFalse(Preload.load(getClass().getClassLoader(), ""));
    }

    @Test
    void everyLineOfBothListsIsLoaded() throws Exception {
        // every listed class exists (above), so loadAll finds exactly the names the list holds, comments left out
        assertEquals(listed().size(), Preload.loadAll(getClass().getClassLoader(), Preload.LIST));
        assertEquals(listed(Preload.PAGES_LIST).size(), Preload.loadAll(getClass().getClassLoader(), Preload.PAGES_LIST));
        assertEquals(0, Preload.loadAll(getClass().getClassLoader(), "no-such-list.txt"));
    }
}
