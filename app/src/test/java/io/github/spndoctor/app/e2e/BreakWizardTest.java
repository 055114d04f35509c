package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.session.RepairSession;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's loop on the demo, all through the wizard: break it yourself (previewed and confirmed on Review,
 * committed with a journal) → the connection test is rejected → diagnose → fix → accepted → undo the fix → rejected.
 */
@ExtendWith(ApplicationExtension.class)
class BreakWizardTest {
    static final String SRV004 = "srv004.rwwilden01.local";
    @TempDir
    static Path home;
    private WizardFixture fx;

    /** The build turns the demo Kerberos warm-up off for wizard tests; this one runs with it, as the app does. */
    private final String warmupBefore = System.getProperty("spndoctor.demo.warmup");

    @Start
    void start(Stage stage) {
        System.setProperty("spndoctor.demo.warmup", "true");
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        if (warmupBefore == null) {
            System.clearProperty("spndoctor.demo.warmup");
        } else {
            System.setProperty("spndoctor.demo.warmup", warmupBefore);
        }
        fx.composition.close();   // the trainer's demo: its KDCs and WinRM hosts too
        fx.stop();
    }

    private void next(FxRobot robot, Step expect) {
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == expect && !fx.composition.wizard().busyProperty().get());
    }

    /** Runs the current page's connection test and waits for its answer. */
    private WinrmOutcome probe(FxRobot robot) {
        WizardFixture.scrollTo(robot, "#probeButton");   // the page scrolls: the button may sit below the fold
        Button button = onFx(() -> robot.lookup("#probeButton").match(Node::isVisible).queryButton());
        waitUntil(v -> !onFx(button::isDisabled));          // after a commit the Result page re-tests by itself first
        onFx(() -> {
            fx.composition.session().probeResultProperty().set(null);
            return true;
        });
        robot.clickOn(button);
        waitUntil(v -> onFx(() -> fx.composition.session().probeResultProperty().get() != null));
        return onFx(() -> fx.composition.session().probeResultProperty().get().winrm());
    }

    private String instruction() { return onFx(() -> fx.composition.wizard().mainInstructionProperty().get()); }

    private boolean holds(String dn, String spn) throws Exception {
        return fx.demo.readAccount(dn).orElseThrow().holds(Spn.parse(spn));
    }

    @Test
    void breakProbeDiagnoseFixProbeUndoProbe(FxRobot robot) throws Exception {
        waitUntil(v -> fx.ready() && fx.composition.connections().trainer().isPresent());
        String original = fx.composition.connections().trainer().orElseThrow().export();
        WizardFixture.openTrainerTools(robot);
        assertEquals("hijack-http", onFx(() -> fx.composition.breaks().chosenProperty().get()));
        assertTrue(text(robot, "#breakClassSees").startsWith("The class will see: Enter-PSSession"), text(robot, "#breakClassSees"));
        assertFalse(text(robot, "#breakChoice .list-cell").contains("<"), "the real host, not a placeholder");

        shot(robot, "connect-break");
        // break it yourself: a plan on the Review page, nothing written before the confirmation
        WizardFixture.scrollTo(robot, "#reviewBreak");
        robot.clickOn("#reviewBreak");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        assertEquals("Break the demo on purpose with these 2 changes?", instruction());
        assertTrue(text(robot, "#breakStory").contains("The class will see:"), text(robot, "#breakStory"));
        assertTrue(text(robot, "#nextButton").contains("the demo: 2 changes"), text(robot, "#nextButton"));
        assertEquals(2, onFx(() -> robot.lookup("#reviewChanges").queryAs(javafx.scene.layout.VBox.class).getChildren().size()));
        String pool = onFx(() -> fx.composition.session().repair().currentPlan().orElseThrow().changes().get(0).account().dn());
        assertFalse(holds(pool, "HTTP/" + SRV004), "previewed, not yet written");
        shot(robot, "review-break");
        next(robot, Step.RESULT);
        assertTrue(holds(pool, "HTTP/" + SRV004), "the break is written after the confirmation");
        assertTrue(text(robot, "#checkResult").startsWith(SRV004 + ": broken on purpose"), text(robot, "#checkResult"));
        try (var journals = Files.list(home.resolve("demo").resolve("journals"))) {
            assertEquals(1, journals.count(), "the break's journal, with the demo's journals");
        }
        assertEquals(WinrmOutcome.REJECTED, probe(robot), "the host rejects the ticket once the break stands");
        shot(robot, "result-break");

        // the class diagnoses and fixes it
        WizardFixture.scrollTo(robot, "#startOver");
        robot.clickOn("#startOver");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        robot.interact(() -> robot.lookup("#symptomText").queryAs(TextArea.class).setText("Enter-PSSession " + SRV004
                + " : Connecting to remote server " + SRV004 + " failed with the following error message : WinRM cannot "
                + "process the request. The following error with errorcode 0x80090322 occurred while using Kerberos "
                + "authentication: An unknown security error occurred."));
        robot.interact(() -> robot.lookup("#targetField").queryAs(javafx.scene.control.TextField.class).setText(SRV004));
        next(robot, Step.LOOKUP);
        next(robot, Step.DIAGNOSIS);
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, onFx(() -> fx.composition.session().repair().assess().diagnosis().top().id()),
                () -> onFx(() -> fx.composition.session().repair().assess().diagnosis().causes().toString()));
        next(robot, Step.REMEDY);
        next(robot, Step.REVIEW);
        assertEquals(RepairSession.Purpose.FIX, onFx(() -> fx.composition.session().repair().purpose()));
        assertFalse(WizardFixture.showing(robot, "#breakStory"), "a fix tells no break story");
        next(robot, Step.RESULT);
        assertFalse(holds(pool, "HTTP/" + SRV004), "fixed");
        assertEquals(WinrmOutcome.ACCEPTED, probe(robot), "the host accepts the ticket after the fix");

        // undo the fix: the break is back
        WizardFixture.scrollTo(robot, "#undoButton");
        robot.clickOn("#undoButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        assertTrue(instruction().startsWith("Undo"), instruction());
        next(robot, Step.RESULT);
        assertTrue(holds(pool, "HTTP/" + SRV004), "undone");
        assertEquals(WinrmOutcome.REJECTED, probe(robot), "rejected again after the undo");

        // Reset demo (the Connect page's button runs this) is the CLI's demo reset: the original demo, byte for byte
        assertFalse(original.equals(fx.composition.connections().trainer().orElseThrow().export()));
        robot.interact(() -> fx.composition.scenarios().reset());
        waitUntil(v -> onFx(() -> fx.composition.scenarios().statusProperty().get()).startsWith("The demo is reset"));
        assertEquals(original, fx.composition.connections().trainer().orElseThrow().export());
    }

    /** A picture of the window when {@code -Dspndoctor.screenshots=DIR} is set (to look at the pages by eye). */
    private static void shot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("spndoctor.screenshots");
        if (dir == null) {
            return;
        }
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = robot.listWindows().get(0).getScene().snapshot(null));
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img[0].getWidth(), (int) img[0].getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img[0].getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
    }
}
