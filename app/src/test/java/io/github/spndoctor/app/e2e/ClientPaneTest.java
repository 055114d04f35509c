package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.spn.WinrmClient;
import javafx.scene.control.ComboBox;
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

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Look up page leads with the recognised client's SPN → who answers it → the verdict; flipping the client or a
 * setting re-evaluates; the connection test runs off the UI thread with per-step lines.
 */
@ExtendWith(ApplicationExtension.class)
class ClientPaneTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        // the scene is made at its size: resizing a shown stage under Monocle makes its painter copy a frame of
        // the old size into a buffer of the new one (BufferOverflowException in UploadingPainter, each frame)
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    @Test
    void serverManagerFromTheTextLeadsTheLookupPageAndSettingsReEvaluate() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        robot.interact(() -> robot.lookup("#symptomText").queryAs(TextArea.class).setText(WizardFixture.seed000ErrorText()));
        robot.clickOn("#targetField").write(SRV003);
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP);
        String expected = "Server Manager asks for HTTP/srv003.rwwilden01.local → held by svc-srv003-web$ (managed service "
                + "account) → the ticket is encrypted for the wrong account";
        waitUntil(v -> text(robot, "#clientHeadline").equals(expected));
        assertTrue(text(robot, "#clientVerdict").contains("Wrong account"));
        assertEquals(java.util.Optional.of(io.github.spndoctor.app.ui.Tone.BAD), toneOf(robot, "#clientVerdict"), "red");
        WizardFixture.shot(robot, "lookup-server-manager");

        @SuppressWarnings("unchecked")
        ComboBox<WinrmClient> picker = robot.lookup("#clientPicker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(WinrmClient.PYPSRP));
        waitUntil(v -> text(robot, "#clientHeadline").startsWith("pypsrp asks for WSMAN/srv003.rwwilden01.local → held by SRV003$"));
        assertTrue(text(robot, "#clientVerdict").contains("Works"));
        assertEquals(java.util.Optional.of(io.github.spndoctor.app.ui.Tone.GOOD), toneOf(robot, "#clientVerdict"),
                "green: the same badge changes colour with the client");
        robot.interact(() -> picker.setValue(WinrmClient.POWERSHELL));
        robot.clickOn("#includePort");
        waitUntil(v -> text(robot, "#clientHeadline").contains("HTTP/srv003.rwwilden01.local:5985 → held by no account"));
        WizardFixture.shot(robot, "lookup-include-port");

        WizardFixture.scrollTo(robot, "#probeButton");
        robot.clickOn("#probeButton");
        waitUntil(v -> !text(robot, "#probeSummary").isEmpty());
        // with the port SPN nobody holds the KDC issues no ticket: "not proven", blue, neither green nor red
        assertTrue(text(robot, "#probeSummary").contains("Not proven"), text(robot, "#probeSummary"));
        assertEquals(java.util.Optional.of(io.github.spndoctor.app.ui.Tone.FINE), toneOf(robot, "#probeSummary"));
        assertTrue(WizardFixture.onFx(() -> robot.lookup("#probeLines").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size()) >= 3);
        assertEquals(Step.LOOKUP, fx.composition.wizard().currentStep());
        WizardFixture.shot(robot, "lookup-probe");
    }

    private static java.util.Optional<io.github.spndoctor.app.ui.Tone> toneOf(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        return WizardFixture.onFx(() -> io.github.spndoctor.app.ui.Tone.shownBy(n));
    }
}
