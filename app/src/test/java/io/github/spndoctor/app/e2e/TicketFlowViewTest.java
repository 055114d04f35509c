package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticket flow on the Diagnosis and Result pages, through the real wizard on the demo: srv003 broken (the MSA's
 * key, ✗ KRB_AP_ERR_MODIFIED), stepped through with the keys, saved as SVG and PNG; after the fix redrawn with the
 * computer as holder and ✓ accepted; after the undo ✗ again.
 */
@ExtendWith(ApplicationExtension.class)
class TicketFlowViewTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    /** Every text drawn in the picture {@code id}, in order, joined by blanks. */
    static String drawn(FxRobot robot, String id) {
        return onFx(() -> String.join(" ", robot.lookup("#" + id + "-picture").queryAll().stream().findFirst()
                .map(n -> texts(n)).orElse(List.of())));
    }

    /** The node and every parent are visible (a closed expander hides its content, not the content's nodes). */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    static List<String> texts(Node n) {
        List<String> out = new java.util.ArrayList<>();
        if (n instanceof Text t) {
            out.add(t.getText());
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    private void next(FxRobot robot, Step to) {
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == to && !fx.composition.wizard().busyProperty().get());
    }

    private void fire(FxRobot robot, String id) {
        Button b = robot.lookup("#" + id).queryButton();
        robot.interact(b::fire);
    }

    /** srv003 with Server Manager's error text, up to the Diagnosis page, its picture drawn (✗). */
    private void toBrokenDiagnosis(FxRobot robot) {
        waitUntil(v -> fx.ready());
        next(robot, Step.SYMPTOM);
        robot.interact(() -> {
            robot.lookup("#symptomText").queryAs(TextArea.class).setText(WizardFixture.seed000ErrorText());
            robot.lookup("#targetField").queryAs(TextField.class).setText(SRV003);
        });
        next(robot, Step.LOOKUP);
        next(robot, Step.DIAGNOSIS);
        waitUntil(v -> text(robot, "#diagnosisFlow-verdict").equals("KRB_AP_ERR_MODIFIED"));
    }

    @Test
    void srv003_brokenThenFixedThenUndone_andSteppedThroughAndSaved() throws Exception {
        FxRobot robot = new FxRobot();
        toBrokenDiagnosis(robot);
        String broken = drawn(robot, "diagnosisFlow");
        for (String label : List.of("Server Manager", "svc-srv003-web$", SRV003, "SRV003$", "\u2717 wrong key", "0x80090322",
                "Outcome: \u2717 KRB_AP_ERR_MODIFIED")) {
            assertTrue(broken.contains(label), label + " in " + broken);
        }
        assertEquals("All 6 steps", text(robot, "#diagnosisFlow-position"));
        // on the Diagnosis page the picture waits behind its expander; the closed line still shows the outcome
        javafx.scene.control.TitledPane expander = robot.lookup("#diagnosisFlow-expander").queryAs(javafx.scene.control.TitledPane.class);
        assertFalse(onFx(expander::isExpanded), "closed at first: the causes come first");
        assertTrue(onFx(() -> shown(robot.lookup("#diagnosisFlow-verdict").query())), "the outcome badge is on the closed line");
        assertFalse(onFx(() -> shown(robot.lookup("#diagnosisFlow-picture").query())), "the picture is behind it");
        robot.clickOn("#diagnosisFlow-verdict");
        waitUntil(v -> onFx(expander::isExpanded) && onFx(() -> shown(robot.lookup("#diagnosisFlow-picture").query())));

        // step through with the keys while the picture has the focus; the wizard stays where it is
        Node picture = robot.lookup("#diagnosisFlow-picture").query();
        robot.interact(picture::requestFocus);
        robot.type(KeyCode.HOME);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 1 of 6"));
        assertFalse(drawn(robot, "diagnosisFlow").contains("svc-srv003-web$"), "step 1 shows only the client and the KDC");
        robot.type(KeyCode.RIGHT);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 2 of 6"));
        assertTrue(drawn(robot, "diagnosisFlow").contains("svc-srv003-web$"), "step 2: the KDC finds the holder");
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 3 of 6"));
        robot.type(KeyCode.LEFT);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 2 of 6"));
        fire(robot, "diagnosisFlow-next");
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 3 of 6"));
        fire(robot, "diagnosisFlow-back");
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 2 of 6"));
        robot.type(KeyCode.END);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("All 6 steps"));
        assertEquals(Step.DIAGNOSIS, fx.composition.wizard().currentStep(), "the picture's keys never move the wizard");

        fire(robot, "diagnosisFlow-svg");
        Path svg = home.resolve("ticket-flow-" + SRV003 + ".svg");
        waitUntil(v -> Files.exists(svg) && text(robot, "#diagnosisFlow-message").startsWith("Saved"));
        String svgText = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(svgText.startsWith("<?xml") && svgText.contains("svc-srv003-web$") && svgText.contains("KRB_AP_ERR_MODIFIED"));
        fire(robot, "diagnosisFlow-png");
        Path png = home.resolve("ticket-flow-" + SRV003 + ".png");
        waitUntil(v -> Files.exists(png) && text(robot, "#diagnosisFlow-message").contains(".png"));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 1000, "drawn at twice its size: " + img.getWidth());

        next(robot, Step.REMEDY);
        next(robot, Step.REVIEW);
        next(robot, Step.RESULT);
        try {
            waitUntil(v -> text(robot, "#resultFlow-verdict").equals("accepted"));
        } catch (AssertionError e) {
            throw new AssertionError(text(robot, "#outcome") + " | " + text(robot, "#checkResult") + " | " + drawn(robot, "resultFlow")
                    + " | " + fx.msaHoldsHttpSpn() + " | " + text(robot, "#resultFlow-verdict"), e);
        }
        String fixed = drawn(robot, "resultFlow");
        assertTrue(fixed.contains("Outcome: \u2713 accepted") && fixed.contains("\u2713 its key fits"), fixed);
        assertTrue(fixed.contains("SRV003$") && fixed.contains("HOST/" + SRV003), "the new holder, through HOST/: " + fixed);
        assertFalse(fixed.contains("svc-srv003-web$"), fixed);

        fire(robot, "undoButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        next(robot, Step.RESULT);
        try {
            waitUntil(v -> text(robot, "#resultFlow-verdict").equals("KRB_AP_ERR_MODIFIED"));
        } catch (AssertionError e) {
            throw new AssertionError(text(robot, "#outcome") + " | " + text(robot, "#checkResult") + " | " + drawn(robot, "resultFlow")
                    + " | " + fx.msaHoldsHttpSpn(), e);
        }
        assertTrue(drawn(robot, "resultFlow").contains("svc-srv003-web$"), "after the undo the MSA holds it again");
    }

    /**
     * Presenting (F5) opens the Diagnosis page's picture for the trainer, who steps through it with the keys; ending
     * it (F5) closes the picture again, which the user had not opened — one the user opened stays open.
     */
    @Test
    void presentationMode_opensThePicture_forStepping_andClosesItAfter() {
        FxRobot robot = new FxRobot();
        toBrokenDiagnosis(robot);
        javafx.scene.control.TitledPane expander = robot.lookup("#diagnosisFlow-expander").queryAs(javafx.scene.control.TitledPane.class);
        var presenting = onFx(() -> io.github.spndoctor.app.ui.Presentation.of(expander.getScene()).orElseThrow().presentingProperty());
        assertFalse(onFx(expander::isExpanded));

        robot.clickOn("#mainInstruction");
        robot.push(KeyCode.F5);
        waitUntil(v -> onFx(presenting::get) && onFx(expander::isExpanded));
        Node picture = robot.lookup("#diagnosisFlow-picture").query();
        waitUntil(v -> onFx(() -> shown(picture)));
        robot.interact(picture::requestFocus);
        robot.type(KeyCode.HOME);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 1 of 6"));
        robot.type(KeyCode.RIGHT);
        waitUntil(v -> text(robot, "#diagnosisFlow-position").equals("Step 2 of 6"));
        robot.push(KeyCode.F5);
        waitUntil(v -> !onFx(presenting::get) && !onFx(expander::isExpanded));

        robot.interact(() -> expander.setExpanded(true));   // opened by the user: presenting leaves it open
        robot.clickOn("#mainInstruction");
        robot.push(KeyCode.F5);
        waitUntil(v -> onFx(presenting::get));
        robot.push(KeyCode.F5);
        waitUntil(v -> !onFx(presenting::get));
        assertTrue(onFx(expander::isExpanded), "the user's open picture stays open");
        assertEquals(Step.DIAGNOSIS, fx.composition.wizard().currentStep());

        // Enter on the expander's title line is still the page's main action, as everywhere on the page
        robot.interact(expander::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REMEDY);
        assertTrue(onFx(expander::isExpanded), "Enter did not fold the picture");
    }
}
