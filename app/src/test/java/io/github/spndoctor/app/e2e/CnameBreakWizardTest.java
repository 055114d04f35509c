package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.session.RepairSession;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNAME break through the wizard: picked on the Connect page, previewed on Review (nothing changed yet), made on
 * Result with a journal, undone from the Result page through Review again — and the demo is as before.
 */
@ExtendWith(ApplicationExtension.class)
class CnameBreakWizardTest {
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
        fx.composition.close();
        fx.stop();
    }

    private void next(FxRobot robot, Step expect) {
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == expect && !fx.composition.wizard().busyProperty().get());
    }

    private String alias() {
        return onFx(() -> fx.composition.connections().trainer().orElseThrow().dns().aliases().get(Breaks.DEFAULT_ALIAS));
    }

    @Test
    void cnameBreak_reviewApplyUndo(FxRobot robot) throws Exception {
        waitUntil(v -> fx.ready() && fx.composition.connections().trainer().isPresent());
        String original = fx.composition.connections().trainer().orElseThrow().export();
        String before = alias();
        WizardFixture.openTrainerTools(robot);
        robot.interact(() -> fx.composition.breaks().chosenProperty().set(Breaks.CNAME));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        String shown = onFx(() -> robot.lookup("#breakChoice").queryAs(javafx.scene.control.ComboBox.class).getButtonCell().getText());
        assertTrue(shown.contains(Breaks.DEFAULT_ALIAS), shown);
        WizardFixture.shot(robot, "connect-break-cname");
        WizardFixture.scrollTo(robot, "#reviewBreak");
        robot.clickOn("#reviewBreak");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        assertEquals("Break the demo on purpose with this change?", onFx(() -> fx.composition.wizard().mainInstructionProperty().get()));
        String rows = onFx(() -> String.join("\n", robot.lookup("#reviewChanges").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : n.toString()).toList()));
        assertTrue(rows.contains("Point the DNS alias " + Breaks.DEFAULT_ALIAS + " at " + Breaks.DEFAULT_ALIAS_TARGET), rows);
        assertEquals(before, alias(), "previewed, not yet changed");
        WizardFixture.shot(robot, "review-break-cname");

        next(robot, Step.RESULT);
        assertEquals(Breaks.DEFAULT_ALIAS_TARGET, alias(), "changed after the confirmation");
        assertTrue(text(robot, "#checkResult").startsWith(Breaks.DEFAULT_ALIAS + ": broken on purpose"), text(robot, "#checkResult"));
        try (var journals = Files.list(home.resolve("demo").resolve("journals"))) {
            assertEquals(1, journals.count(), "the break's journal, with the demo's journals");
        }
        WizardFixture.shot(robot, "result-break-cname");

        WizardFixture.scrollTo(robot, "#undoButton");
        robot.clickOn("#undoButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        assertEquals(RepairSession.Purpose.UNDO, onFx(() -> fx.composition.session().repair().purpose()));
        next(robot, Step.RESULT);
        assertEquals(before, alias(), "undone");
        assertEquals(original, fx.composition.connections().trainer().orElseThrow().export(), "the demo as before");
        WizardFixture.shot(robot, "result-undo-cname");
    }
}
