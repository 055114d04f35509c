package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Check again" on the Result page at 1024×768 keeps the user's place: pressed by mouse or by keyboard, the page does
 * not jump elsewhere while the check runs, and the check's verdict is in view when it is done.
 */
@ExtendWith(ApplicationExtension.class)
class ResultCheckAgainTest {
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

    /** {@code query}'s node lies wholly inside the visible part of the page's scroll pane. */
    static boolean inView(FxRobot robot, String query) {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            ScrollPane sp = robot.lookup("#pageScroll").queryAs(ScrollPane.class);
            Bounds port = sp.localToScene(sp.getLayoutBounds());
            Bounds b = n.localToScene(n.getLayoutBounds());
            return n.isVisible() && b.getHeight() > 0 && b.getMinY() >= port.getMinY() - 0.5 && b.getMaxY() <= port.getMaxY() + 0.5;
        });
    }

    /** How many checks the session's timeline holds: a click that ran no check is not a kept place. */
    private int checks() {
        return (int) fx.composition.session().repair().timeline().stream()
                .filter(e -> e.kind() == io.github.spndoctor.core.report.TimelineEntry.Kind.CHECK).count();
    }

    private static double vvalue(FxRobot robot) {
        return onFx(() -> robot.lookup("#pageScroll").queryAs(ScrollPane.class).getVvalue());
    }

    @Test
    void checkAgain_keepsTheVerdictInView_byMouseAndByKeyboard() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        fx.waitFor(Step.SYMPTOM);
        robot.interact(() -> {
            robot.lookup("#symptomText").queryAs(TextArea.class).setText(WizardFixture.seed000ErrorText());
            robot.lookup("#targetField").queryAs(TextField.class).setText(SRV003);
        });
        robot.clickOn("#nextButton");
        fx.waitFor(Step.LOOKUP);
        for (Step s : new Step[] {Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW, Step.RESULT}) {
            robot.type(KeyCode.ENTER);
            fx.waitFor(s);
        }
        assertFalse(fx.msaHoldsHttpSpn(), "the fix was applied");
        waitUntil(v -> !onFx(() -> robot.lookup("#checkAgain").query().isDisabled()));
        String first = text(robot, "#checkResult");
        assertFalse(first.isBlank(), "the check after the apply is shown");

        // by mouse, from where the page opened
        double before = vvalue(robot);
        assertTrue(inView(robot, "#checkAgain"), "the button is on the first screen");
        int checksBefore = checks();
        robot.clickOn("#checkAgain");
        try {
            waitUntil(v -> checks() > checksBefore && !fx.composition.wizard().busyProperty().get()
                    && !text(robot, "#checkResult").startsWith("Looking up"));
        } catch (AssertionError e) {
            throw new AssertionError("no check after the click on " + onFx(() -> robot.lookup("#checkAgain").query()
                    .localToScreen(robot.lookup("#checkAgain").query().getLayoutBounds())) + " in the window at "
                    + onFx(() -> robot.listWindows().get(0).getX() + "," + robot.listWindows().get(0).getY()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        WizardFixture.shot(robot, "result-after-check-again");
        assertEquals(first, text(robot, "#checkResult"), "the same state is checked again");
        assertTrue(inView(robot, "#checkResult"), "the verdict is in view after Check again (scroll " + before + " → " + vvalue(robot) + ")");
        assertTrue(inView(robot, "#checkAgain"), "the user's place, the button just pressed, is still in view");

        // by keyboard: the focus stays on the page's button, the page does not jump to whatever takes the focus next
        robot.interact(() -> robot.lookup("#checkAgain").query().requestFocus());
        int checksThen = checks();
        robot.push(KeyCode.SPACE);
        waitUntil(v -> checks() > checksThen && !fx.composition.wizard().busyProperty().get()
                && !text(robot, "#checkResult").startsWith("Looking up"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(inView(robot, "#checkResult"), "the verdict is in view after Check again by keyboard");
        assertTrue(onFx(() -> robot.lookup("#checkAgain").query().isFocused()), "the focus is back on Check again: "
                + onFx(() -> String.valueOf(robot.lookup("#checkAgain").query().getScene().getFocusOwner())));
        assertEquals(Step.RESULT, fx.composition.wizard().currentStep());
        assertFalse(fx.closed);
    }
}
