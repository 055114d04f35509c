package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start over on the Result page: after fixing srv003 the user checks a second host on the same connection — the
 * Symptom page comes back empty, the directory is the same one, and the second host gets its own verdict.
 */
@ExtendWith(ApplicationExtension.class)
class StartOverTest {
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

    private void lookUp(FxRobot robot, String text, String host) {
        robot.interact(() -> robot.lookup("#symptomText").queryAs(TextArea.class).setText(text));
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(host));
        robot.clickOn("#nextButton");
        fx.waitFor(Step.LOOKUP);
    }

    @Test
    void startOverChecksASecondHostOnTheSameConnection() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        fx.waitFor(Step.SYMPTOM);
        lookUp(robot, WizardFixture.seed000ErrorText(), SRV003);
        var directory = fx.composition.session().directory();
        for (Step s : new Step[] {Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW, Step.RESULT}) {
            robot.type(KeyCode.ENTER);
            fx.waitFor(s);
        }
        assertFalse(fx.msaHoldsHttpSpn(), "the fix was applied");
        WizardFixture.shot(robot, "start-over-before");

        robot.clickOn("#startOver");
        fx.waitFor(Step.SYMPTOM);
        assertEquals("", onFx(() -> robot.lookup("#symptomText").queryAs(TextArea.class).getText()), "the old text is gone");
        assertEquals("", onFx(() -> robot.lookup("#targetField").queryAs(TextField.class).getText()), "the old host is gone");
        assertSame(directory, fx.composition.session().directory(), "the same connection, not a new one");

        lookUp(robot, "", "srv004.rwwilden01.local");
        waitUntil(v -> !text(robot, "#lookupVerdict").isEmpty());
        String verdict = text(robot, "#lookupVerdict");
        assertTrue(verdict.contains("srv004.rwwilden01.local") && verdict.startsWith("No SPN problem"), verdict);
        assertFalse(verdict.contains("srv003"), "nothing of the first host is left: " + verdict);
        robot.type(KeyCode.ENTER);
        fx.waitFor(Step.DIAGNOSIS);
        WizardFixture.shot(robot, "start-over-second-host");
        assertFalse(fx.closed);
    }
}
