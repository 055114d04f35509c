package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.ui.Presentation;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presentation mode: Ctrl + / Ctrl − / Ctrl 0 zoom the whole wizard (the root's font, so labels grow) and the button
 * bar stays in the window; F11 toggles full screen; presentation mode shows the symptom text with its password blanked
 * and nothing on screen shows the password, while the user's own text is kept.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    static final String SECRET = "Hunter2!x7";
    @TempDir
    static Path home;
    private WizardFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    private Presentation presentation() {
        return onFx(() -> Presentation.of(fx.composition.shell().getScene()).orElseThrow());
    }

    private double instructionFont(FxRobot robot) {
        return onFx(() -> robot.lookup("#mainInstruction").queryAs(Label.class).getFont().getSize());
    }

    /** Every piece of text a viewer can see: Text nodes in visible subtrees of the scene. */
    static List<String> visibleTexts(Node n) {
        List<String> out = new ArrayList<>();
        if (!n.isVisible()) {
            return out;
        }
        if (n instanceof Text t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(visibleTexts(c)));
        }
        return out;
    }

    @Test
    void ctrlPlusMinusZero_zoomTheWizard_andTheButtonsStayInTheWindow(FxRobot robot) {
        waitUntil(v -> fx.ready());
        double base = instructionFont(robot);
        double root = presentation().fontSizeProperty().get();
        robot.clickOn("#mainInstruction");
        robot.push(KeyCode.CONTROL, KeyCode.PLUS);
        waitUntil(v -> Math.abs(presentation().zoomProperty().get() - 1.1) < 1e-9);
        waitUntil(v -> instructionFont(robot) > base);
        assertEquals(root * 1.1, presentation().fontSizeProperty().get(), 1e-6);
        assertTrue(onFx(() -> fx.composition.shell().getStyle()).contains("-fx-font-size"));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        waitUntil(v -> presentation().zoomProperty().get() == 1.0);
        waitUntil(v -> instructionFont(robot) == base);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        waitUntil(v -> Math.abs(presentation().zoomProperty().get() - 0.9) < 1e-9 && instructionFont(robot) < base);
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.ADD);
        }
        waitUntil(v -> presentation().zoomProperty().get() >= 2.0);
        assertTrue(onFx(() -> robot.lookup("#viewMenu").queryAs(javafx.scene.control.Labeled.class).getText()).startsWith("View 2"),
                "the menu shows the zoom");
        // Ctrl + zoomed to 200 %+: the page scrolls, the buttons are still inside the window
        for (String id : List.of("#nextButton", "#cancelButton")) {
            Bounds b = onFx(() -> { Node n = robot.lookup(id).query(); return n.localToScene(n.getBoundsInLocal()); });
            double h = onFx(() -> fx.composition.shell().getScene().getHeight());
            double w = onFx(() -> fx.composition.shell().getScene().getWidth());
            assertTrue(b.getMaxY() <= h && b.getMaxX() <= w && b.getMinY() >= 0, id + " at " + b + " in " + w + "x" + h);
        }
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        waitUntil(v -> instructionFont(robot) == base);
    }

    /** The connection password is in a PasswordField: shown masked, presenting or not; no text on screen holds it. */
    @Test
    void presentationMode_neverShowsTheConnectionPassword(FxRobot robot) {
        waitUntil(v -> fx.ready());
        robot.clickOn("#liveChoice");
        waitUntil(v -> onFx(() -> robot.lookup("#livePassword").query().isVisible()));
        robot.clickOn("#livePassword").write(SECRET);
        waitUntil(v -> onFx(() -> robot.lookup("#livePassword").queryAs(javafx.scene.control.PasswordField.class).getText()).equals(SECRET));
        robot.push(KeyCode.F5);
        waitUntil(v -> presentation().presentingProperty().get());
        List<String> seen = onFx(() -> visibleTexts(fx.composition.shell().getScene().getRoot()));
        assertTrue(seen.stream().noneMatch(t -> t.contains(SECRET)), "the password is never on screen: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.matches("[\u25cf\u2022*]{" + SECRET.length() + "}")), "it shows masked: " + seen);
    }

    @Test
    void f11_togglesFullScreen(FxRobot robot) {
        waitUntil(v -> fx.ready());
        robot.clickOn("#mainInstruction");
        assertFalse(onFx(stage::isFullScreen));
        robot.push(KeyCode.F11);
        waitUntil(v -> onFx(stage::isFullScreen));
        robot.push(KeyCode.ESCAPE);
        WizardFixture.onFx(() -> null);
        assertTrue(onFx(stage::isFullScreen), "Esc keeps its wizard meaning; F11 leaves full screen");
        robot.push(KeyCode.F11);
        waitUntil(v -> !onFx(stage::isFullScreen));
    }

    @Test
    void presentationMode_blanksThePasswordInTheSymptomText_andKeepsTheUsersText(FxRobot robot) {
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        String pasted = "PS> Enter-PSSession srv003 -Credential (New-Object PSCredential 'LAB\\bob', "
                + "(ConvertTo-SecureString '" + SECRET + "' -AsPlainText -Force))\n"
                + "password=" + SECRET + "\nConnecting to remote server srv003 failed: 0x80090322";
        robot.interact(() -> {
            robot.lookup("#symptomText").queryAs(TextArea.class).setText(pasted);
            robot.lookup("#targetField").queryAs(TextField.class).setText("srv003.rwwilden01.local");
        });
        WizardFixture.waitUntil(v -> visibleTexts(fx.composition.shell().getScene().getRoot()).stream().anyMatch(t -> t.contains(SECRET)));

        robot.clickOn("#viewMenu");
        robot.clickOn("#presentationMode");
        waitUntil(v -> presentation().presentingProperty().get());
        assertTrue(presentation().zoomProperty().get() >= Presentation.PRESENTING_ZOOM, "larger text while presenting");
        waitUntil(v -> onFx(() -> robot.lookup("#symptomText-redacted").queryAs(TextArea.class).isVisible()));
        String shown = onFx(() -> robot.lookup("#symptomText-redacted").queryAs(TextArea.class).getText());
        assertTrue(shown.contains("********") && shown.contains("0x80090322") && !shown.contains(SECRET), shown);
        List<String> seen = onFx(() -> visibleTexts(fx.composition.shell().getScene().getRoot()));
        assertTrue(seen.stream().noneMatch(t -> t.contains(SECRET)), "nothing on screen shows the password: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.contains("********")), seen.toString());

        robot.push(KeyCode.F5);   // F5 leaves it again
        waitUntil(v -> !presentation().presentingProperty().get());
        assertEquals(pasted, onFx(() -> robot.lookup("#symptomText").queryAs(TextArea.class).getText()), "the user's text is kept");
        assertTrue(onFx(() -> robot.lookup("#symptomText").queryAs(TextArea.class).isVisible()));
        assertEquals(1.0, presentation().zoomProperty().get(), 1e-9, "leaving presentation mode restores the zoom");
    }
}
