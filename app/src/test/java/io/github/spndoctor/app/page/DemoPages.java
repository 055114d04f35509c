package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.lookup.LookupPageModel;
import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.page.symptom.SymptomReader;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.session.SessionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The base of the page-model tests that walk the wizard's pages without a window: a fresh demo directory and wizard
 * session per test, tasks run at once, and the walk from the Symptom page to the Look up page as the pages do it.
 */
abstract class DemoPages {
    @TempDir
    Path home;
    DemoDirectory demo;
    WizardSession session;
    final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    @BeforeEach
    void startDemo() {
        demo = DemoDirectory.start();
        session = new WizardSession(SessionConfig.under(home));
        session.directoryProperty().set(demo);
    }

    @AfterEach
    void closeDemo() { demo.close(); }

    /** Symptom (this text, this host) → Look up, as the pages do it; the lookup must have succeeded. */
    LookupPageModel upToLookup(String host, String text) {
        SymptomPageModel symptom = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        symptom.textProperty().set(text);
        symptom.targetProperty().set(host);
        symptom.next(() -> { });
        LookupPageModel lookup = new LookupPageModel(session, runner);
        lookup.onEnter();
        assertTrue(lookup.errorProperty().get().isEmpty(), lookup.errorProperty().get());
        return lookup;
    }
}
