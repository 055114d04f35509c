package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.spn.WinrmClient;
import javafx.scene.control.ComboBox;
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

import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client picked on the Look up page is the one the Diagnosis page's ticket flow draws: on the demo's alias
 * reports.rwwilden01.local, pywinrm follows the CNAME to SRV004 (accepted), PowerShell asks for the alias itself
 * (nobody holds it: the KDC refuses).
 */
@ExtendWith(ApplicationExtension.class)
class ClientFlowWizardTest {
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

    private void next(FxRobot robot, Step to) {
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == to && !fx.composition.wizard().busyProperty().get());
    }

    private void back(FxRobot robot, Step to) {
        robot.clickOn("#backButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == to && !fx.composition.wizard().busyProperty().get());
    }

    private static String squashed(FxRobot robot) { return TicketFlowViewTest.drawn(robot, "diagnosisFlow").replace(" ", ""); }

    @Test
    void theChosenClientIsTheOneDrawn(FxRobot robot) throws Exception {
        waitUntil(v -> fx.ready());
        next(robot, Step.SYMPTOM);
        robot.interact(() -> {
            robot.lookup("#symptomText").queryAs(TextArea.class).setText("winrm.exceptions.InvalidCredentialsError: kerberos "
                    + "authentication failed connecting to " + Breaks.DEFAULT_ALIAS);
            robot.lookup("#targetField").queryAs(TextField.class).setText(Breaks.DEFAULT_ALIAS);
        });
        next(robot, Step.LOOKUP);
        @SuppressWarnings("unchecked")
        ComboBox<WinrmClient> picker = robot.lookup("#clientPicker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(WinrmClient.PYWINRM));
        waitUntil(v -> text(robot, "#clientHeadline").startsWith("pywinrm asks for HTTP/" + Breaks.DEFAULT_HOST));
        next(robot, Step.DIAGNOSIS);
        waitUntil(v -> text(robot, "#diagnosisFlow-verdict").equals("accepted"));
        robot.interact(() -> robot.lookup("#diagnosisFlow-expander").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        String py = squashed(robot);
        assertTrue(py.contains("pywinrmasksforHTTP/" + Breaks.DEFAULT_HOST) && py.contains("SRV004$"), py);
        WizardFixture.shot(robot, "diagnosis-flow-pywinrm");

        back(robot, Step.LOOKUP);
        robot.interact(() -> picker.setValue(WinrmClient.POWERSHELL));
        waitUntil(v -> text(robot, "#clientHeadline").startsWith("PowerShell (") && text(robot, "#clientHeadline")
                .contains(" asks for HTTP/" + Breaks.DEFAULT_ALIAS));
        next(robot, Step.DIAGNOSIS);
        waitUntil(v -> !text(robot, "#diagnosisFlow-verdict").equals("accepted"));
        String ps = squashed(robot);
        assertTrue(ps.contains("PowerShellasksforHTTP/" + Breaks.DEFAULT_ALIAS) && ps.contains("0x7"), ps);
        WizardFixture.shot(robot, "diagnosis-flow-powershell");
    }
}
