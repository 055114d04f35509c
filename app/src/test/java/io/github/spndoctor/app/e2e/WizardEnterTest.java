package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.showing;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enter does the page's main action on every page and never closes the wizard, even with the focus on Cancel; Esc
 * during a slowed lookup shows what it waits for, then stops it; closing with changes applied asks first.
 */
@ExtendWith(ApplicationExtension.class)
class WizardEnterTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        fx.stop();
    }

    private void enterOnCancel(FxRobot robot) {
        robot.interact(() -> fx.composition.shell().cancelButton().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx.composition.shell().cancelButton().isFocused());
        robot.type(KeyCode.ENTER);
    }

    @Test
    void enterWalksForwardOnEveryPage_evenFromCancel_andNeverCloses() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        enterOnCancel(robot);                                    // Connect: Enter on Cancel goes on, not out
        fx.waitFor(Step.SYMPTOM);
        assertFalse(fx.closed);
        robot.interact(() -> ((javafx.scene.control.TextInputControl) robot.lookup("#symptomText").query())
                .setText(WizardFixture.seed000ErrorText()));
        robot.press(KeyCode.ALT).press(KeyCode.H).release(KeyCode.H).release(KeyCode.ALT);
        robot.write(SRV003);
        robot.type(KeyCode.ENTER);                               // Symptom: Enter in the host field looks up
        fx.waitFor(Step.LOOKUP);
        enterOnCancel(robot);                                    // Look up
        fx.waitFor(Step.DIAGNOSIS);
        robot.type(KeyCode.ENTER);                               // Diagnosis (focus on the verdict)
        fx.waitFor(Step.REMEDY);
        waitUntil(v -> fx.composition.shell().getScene().getFocusOwner() instanceof javafx.scene.control.RadioButton r && r.isSelected());
        robot.type(KeyCode.ENTER);                               // Remedy: focus on the chosen fix, Enter reviews it
        fx.waitFor(Step.REVIEW);
        assertTrue(fx.msaHoldsHttpSpn());
        robot.type(KeyCode.ENTER);                               // Review on the demo directory: Enter applies
        fx.waitFor(Step.RESULT);
        assertFalse(fx.msaHoldsHttpSpn(), "applied");
        robot.type(KeyCode.ENTER);                               // Result: nothing further, and no quitting
        enterOnCancel(robot);                                    // not even from Close
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx.closed, "Enter never closes the wizard");
        assertEquals(Step.RESULT, fx.composition.wizard().currentStep());

        robot.type(KeyCode.ESCAPE);                              // Close with a change applied asks first
        waitUntil(v -> showing(robot, "#closeConfirm"));
        robot.type(KeyCode.ENTER);                               // the default answer is Stay
        waitUntil(v -> !showing(robot, "#closeConfirm"));
        assertFalse(fx.closed, "Enter in the question keeps the wizard open");
        robot.type(KeyCode.ESCAPE);
        waitUntil(v -> showing(robot, "#closeConfirm"));
        robot.clickOn("#closeConfirmClose");
        waitUntil(v -> fx.closed);
    }

    @Test
    void aSlowLookup_showsWhatItWaitsFor_andEscStopsIt() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        DemoDirectory slow = DemoDirectory.start(DemoDirectory.Options.DEFAULT.withSearchDelay(20_000));
        try {
            robot.interact(() -> fx.composition.wizard().next());
            fx.waitFor(Step.SYMPTOM);
            robot.interact(() -> fx.composition.session().directoryProperty().set(slow));
            robot.press(KeyCode.ALT).press(KeyCode.H).release(KeyCode.H).release(KeyCode.ALT);
            robot.write(SRV003);
            robot.type(KeyCode.ENTER);
            waitUntil(v -> showing(robot, "#waitOverlay"));      // after ~300 ms: what, since when, Stop
            String server = slow.info().server();
            assertTrue(text(robot, "#waitText").contains(SRV003) && text(robot, "#waitText").contains(server),
                    text(robot, "#waitText"));
            waitUntil(v -> text(robot, "#waitElapsed").matches("Waiting for \\d+ seconds?"));
            assertTrue(showing(robot, "#waitStop"));
            robot.type(KeyCode.ESCAPE);
            waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            assertFalse(showing(robot, "#waitOverlay"));
            assertFalse(fx.closed, "Esc stops the wait; it does not close the wizard");
            assertTrue(text(robot, "#lookupError").contains("You stopped waiting"), text(robot, "#lookupError"));
            assertTrue(fx.composition.session().lookup().isEmpty());
            robot.type(KeyCode.ENTER);                           // after the stop Enter goes on (unknown), never quits
            fx.waitFor(Step.DIAGNOSIS);
            assertFalse(fx.closed);
            robot.press(KeyCode.ALT).press(KeyCode.B).release(KeyCode.B).release(KeyCode.ALT);   // Back: looks up again
            waitUntil(v -> showing(robot, "#waitOverlay"));
            robot.clickOn("#waitStop");                          // the Stop button does what Esc does
            waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            assertFalse(fx.closed);
        } finally {
            slow.close();
        }
    }
}
