package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.page.lookup.LookupRow;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.spn.WinrmClient;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client per session, on screen: wac01 with PowerShell remoting's own text is healthy with a warning (amber) on
 * the Look up page, its table saying WSMAN/ is missing but not needed; picking pypsrp in the client pane makes the
 * table and the verdict say it is a problem (red) — assessed again off the UI thread — and the Diagnosis page repeats
 * that verdict. srv004 with the same error is healthy, and says where the error comes from instead.
 */
@ExtendWith(ApplicationExtension.class)
class LookupClientVerdictTest {
    static final String PS = "Connecting to remote server %s failed with the following error message : WinRM cannot "
            + "process the request. The following error with errorcode 0x80090322 occurred while using Kerberos "
            + "authentication: An unknown security error occurred.";
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

    private void lookUp(FxRobot robot, String host) {
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        robot.interact(() -> robot.lookup("#symptomText").queryAs(TextArea.class).setText(String.format(PS, host)));
        // the text names the host: the field may fill itself from it, so it is set, not typed into
        robot.interact(() -> robot.lookup("#targetField").queryAs(javafx.scene.control.TextField.class).setText(host));
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP);
        waitUntil(v -> !text(robot, "#lookupVerdictWord").isEmpty() && !text(robot, "#clientHeadline").isEmpty());
    }

    private static String status(FxRobot robot, String spn) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<LookupRow> table = robot.lookup("#lookupTable").queryAs(TableView.class);
        return WizardFixture.onFx(() -> table.getItems().stream().filter(r -> r.spn().equals(spn)).map(LookupRow::statusText)
                .findFirst().orElse(""));
    }

    private static boolean toned(FxRobot robot, io.github.spndoctor.app.ui.Tone tone) throws Exception {
        javafx.scene.Node box = robot.lookup("#lookupVerdict").query().getParent().getParent();   // label, text column, box
        return WizardFixture.onFx(() -> io.github.spndoctor.app.ui.Tone.shownBy(box)).orElse(null) == tone;
    }

    @Test
    void wac01_pickingPypsrp_turnsTheWarningIntoAProblem_onTheTableTheVerdictAndTheDiagnosis() throws Exception {
        FxRobot robot = new FxRobot();
        lookUp(robot, "wac01.contoso.com");
        assertEquals("Healthy, with a warning", text(robot, "#lookupVerdictWord"), text(robot, "#lookupVerdict"));
        assertTrue(toned(robot, io.github.spndoctor.app.ui.Tone.WARNING), "amber, not green and not red");
        assertTrue(text(robot, "#lookupVerdict").startsWith("No SPN problem found for wac01.contoso.com: PowerShell asks for HTTP/"),
                text(robot, "#lookupVerdict"));
        assertTrue(text(robot, "#clientHeadline").startsWith("PowerShell"), text(robot, "#clientHeadline"));
        assertTrue(text(robot, "#clientVerdict").contains("Works"), "the lead line and the verdict agree");
        assertEquals("answered by the computer's HOST/ SPN", status(robot, "HTTP/wac01.contoso.com"));
        assertEquals("missing, not needed by this client", status(robot, "WSMAN/wac01.contoso.com"));
        assertTrue(text(robot, "#lookupVerdictCaveat").startsWith("Warning: WSMAN/wac01.contoso.com"), text(robot, "#lookupVerdictCaveat"));
        WizardFixture.shot(robot, "lookup-wac01-powershell");

        @SuppressWarnings("unchecked")
        ComboBox<WinrmClient> picker = robot.lookup("#clientPicker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(WinrmClient.PYPSRP));
        waitUntil(v -> text(robot, "#lookupVerdictWord").equals("Problem"));
        assertTrue(toned(robot, io.github.spndoctor.app.ui.Tone.BAD));
        assertEquals("missing, and needed by this client", status(robot, "WSMAN/wac01.contoso.com"));
        assertTrue(text(robot, "#lookupVerdict").contains("pypsrp asks for it"), text(robot, "#lookupVerdict"));
        waitUntil(v -> text(robot, "#clientHeadline").startsWith("pypsrp asks for WSMAN/wac01.contoso.com"));
        String problem = text(robot, "#lookupVerdict");
        WizardFixture.shot(robot, "lookup-wac01-pypsrp");

        robot.interact(() -> picker.setValue(WinrmClient.POWERSHELL));
        waitUntil(v -> text(robot, "#lookupVerdictWord").equals("Healthy, with a warning"));
        robot.interact(() -> picker.setValue(WinrmClient.PYPSRP));
        waitUntil(v -> text(robot, "#lookupVerdictWord").equals("Problem"));
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !text(robot, "#diagnosisVerdictWord").isEmpty());
        assertEquals(problem, text(robot, "#diagnosisHeadline"), "the Diagnosis page repeats the Look up verdict");
        assertEquals("Problem", text(robot, "#diagnosisVerdictWord"));
        WizardFixture.shot(robot, "diagnosis-wac01-pypsrp");
    }

    @Test
    void srv004_withTheError_saysSpnsFine_andWhereTheErrorComesFrom() throws Exception {
        FxRobot robot = new FxRobot();
        lookUp(robot, "srv004.rwwilden01.local");
        assertEquals("SPNs fine, error elsewhere", text(robot, "#lookupVerdictWord"), text(robot, "#lookupVerdict"));
        assertTrue(toned(robot, io.github.spndoctor.app.ui.Tone.WARNING), "a healthy host with an error at hand is not green");
        assertTrue(text(robot, "#lookupVerdictCaveat").contains("0x80090322 most likely comes from elsewhere"),
                text(robot, "#lookupVerdictCaveat"));
        assertFalse(text(robot, "#lookupVerdict").contains("SPN problem for"));
        WizardFixture.shot(robot, "lookup-srv004");
        String verdict = text(robot, "#lookupVerdict");
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !text(robot, "#diagnosisVerdictWord").isEmpty());
        assertEquals(verdict, text(robot, "#diagnosisHeadline"));
        WizardFixture.shot(robot, "diagnosis-srv004");
    }

    @Test
    void wac01_withPowerShell_theDiagnosisPageRepeatsTheAmberVerdict() throws Exception {
        FxRobot robot = new FxRobot();
        lookUp(robot, "wac01.contoso.com");
        String verdict = text(robot, "#lookupVerdict");
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !text(robot, "#diagnosisVerdictWord").isEmpty());
        assertEquals(verdict, text(robot, "#diagnosisHeadline"));
        assertEquals("Healthy, with a warning", text(robot, "#diagnosisVerdictWord"));
        WizardFixture.shot(robot, "diagnosis-wac01-powershell");
    }
}
