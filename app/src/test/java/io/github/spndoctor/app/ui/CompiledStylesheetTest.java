package io.github.spndoctor.app.ui;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build compiles app.css to app.bss (app/pom.xml, ADR 0105), and JavaFX reads the binary file when it lies beside
 * the text: it must say exactly what the text says, or the wizard would show another stylesheet than the one edited.
 */
class CompiledStylesheetTest {
    private static final String CSS = "/io/github/spndoctor/app/app.css";

    @Test
    void theCompiledStylesheetLiesBesideTheText_andHasTheSameRules() throws Exception {
        URL css = Theme.class.getResource(CSS);
        URL bss = Theme.class.getResource(CSS.replace(".css", ".bss"));
        assertNotNull(css);
        assertNotNull(bss, "app.bss is written by the build (exec-maven-plugin, process-classes)");
        List<Rule> text = new CssParser().parse(css).getRules();
        List<Rule> binary = Stylesheet.loadBinary(bss).getRules();
        assertTrue(text.size() > 20, "the stylesheet was read: " + text.size() + " rules");
        assertEquals(text.size(), binary.size(), "as many rules");
        for (int i = 0; i < text.size(); i++) {
            // a binary rule reads its declarations when first asked for them
            assertEquals(text.get(i).getSelectors().toString(), binary.get(i).getSelectors().toString(), "rule " + i);
            assertEquals(text.get(i).getDeclarations().toString(), binary.get(i).getDeclarations().toString(), "rule " + i);
        }
    }

    @Test
    void theWizardAddsTheTextsUrl_soJavaFxPicksTheCompiledOneBesideIt() {
        assertTrue(Theme.stylesheet().endsWith("/app.css"), Theme.stylesheet());
    }
}
