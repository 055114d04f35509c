package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer's scenario picker: each scenario opens the Symptom page with its own error text and target. */
@ExtendWith(ApplicationExtension.class)
class ScenarioPickerTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    @Test
    void everyScenarioOpensTheSymptomPageWithItsTextAndTarget(FxRobot robot) {
        // idle first: a lookup from this thread must not race the pages prepared on the UI thread
        waitUntil(v -> fx.ready() && !fx.composition.scenarios().scenarios().isEmpty());
        List<Scenario> all = List.copyOf(fx.composition.scenarios().scenarios());
        // folded at start: a sysadmin's first page is the choice of directory; the panes are built when opened
        assertTrue(robot.lookup("#scenarioChoice").tryQuery().isEmpty(), "the trainer tools are built only when opened");
        WizardFixture.openTrainerTools(robot);
        assertEquals(8, all.size());
        for (Scenario s : all) {
            robot.interact(() -> fx.composition.scenarios().chosenProperty().set(s));
            assertTrue(text(robot, "#scenarioStory").startsWith(s.story()), s.id());
            WizardFixture.scrollTo(robot, "#openScenario");
            robot.clickOn("#openScenario");
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM && !fx.composition.wizard().busyProperty().get());
            assertEquals(s.target(), robot.lookup("#targetField").queryAs(TextField.class).getText(), s.id());
            assertEquals(s.errorText(), robot.lookup("#symptomText").queryAs(TextArea.class).getText(), s.id());
            assertTrue(text(robot, "#modeBanner").endsWith("changes allowed"), s.id());
            robot.clickOn("#backButton");
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.CONNECT);
        }
    }

    /** Each scenario, walked on to the Diagnosis page as a trainer would: its cause leads (the healthy one: healthy). */
    @Test
    void everyScenarioLeadsTheDiagnosisPageWithItsCause(FxRobot robot) {
        waitUntil(v -> fx.ready() && !fx.composition.scenarios().scenarios().isEmpty());
        List<Scenario> all = List.copyOf(fx.composition.scenarios().scenarios());
        WizardFixture.openTrainerTools(robot);
        List<String> wrong = new java.util.ArrayList<>();
        for (Scenario s : all) {
            robot.interact(() -> fx.composition.scenarios().chosenProperty().set(s));
            WizardFixture.scrollTo(robot, "#openScenario");
            robot.clickOn("#openScenario");
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM && !fx.composition.wizard().busyProperty().get());
            // Next until the Diagnosis page (an IP address skips nothing: the Look up page says Kerberos is not used)
            for (int i = 0; i < 3 && fx.composition.wizard().currentStep() != Step.DIAGNOSIS; i++) {
                robot.clickOn("#nextButton");
                waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            }
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !fx.composition.wizard().busyProperty().get());
            String headline = text(robot, "#diagnosisHeadline");
            String first = WizardFixture.onFx(() -> robot.lookup(".card").queryAll().stream()
                    .map(javafx.scene.Node::getId).filter(id -> id != null && id.startsWith("cause-")).findFirst().orElse(""));
            String got = s.healthy() ? (headline.startsWith("No SPN problem found") ? "healthy" : headline) : first;
            String want = s.healthy() ? "healthy" : "cause-" + s.cause().id();
            if (!got.equals(want)) {
                wrong.add(s.id() + ": " + got + " (want " + want + ")");
            }
            robot.interact(() -> fx.composition.wizard().goTo(Step.CONNECT));
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.CONNECT);
        }
        assertEquals(List.of(), wrong);
    }
}
