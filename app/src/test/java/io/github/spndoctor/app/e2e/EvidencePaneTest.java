package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.cli.EvidenceCliTest;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.evidence.EvidenceKind;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
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
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Symptom page's evidence pane at 1024×768 (issue 12): pasted event XML and a file (the clipboard carries files
 * the way Explorer's Copy does; the file dialog itself cannot be driven here) show "From your evidence" lines with
 * their source, the target fills in from the requested SPN, klist output is read, Clear empties it and gives the
 * name back, and what is there on Look up reaches the repair session's evidence and the report.
 */
@ExtendWith(ApplicationExtension.class)
class EvidencePaneTest {
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

    static List<String> lines(FxRobot robot) {
        return onFx(() -> robot.lookup("#evidenceLines").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
    }

    static String target(FxRobot robot) {
        return onFx(() -> robot.lookup("#targetField").queryAs(TextField.class).getText());
    }

    static void clip(FxRobot robot, ClipboardContent c) {
        robot.interact(() -> Clipboard.getSystemClipboard().setContent(c));
    }

    @Test
    void pasteAndFileShowWhatTheEvidenceProves_targetFills_clearEmpties_andTheReportListsIt() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        assertTrue(onFx(() -> robot.lookup("#evidenceClear").queryAs(Button.class).isDisabled()), "nothing to clear yet");

        ClipboardContent xml = new ClipboardContent();
        xml.putString(EvidenceCliTest.event4("HTTP/" + SRV003, "srv003$"));
        clip(robot, xml);
        WizardFixture.scrollTo(robot, "#evidencePaste");
        robot.clickOn("#evidencePaste");
        waitUntil(v -> !lines(robot).isEmpty());
        List<String> l = lines(robot);
        assertTrue(l.get(0).startsWith("From your evidence: the client asked for HTTP/" + SRV003 + " (pasted evidence, event 4"), l.toString());
        assertTrue(l.stream().anyMatch(s -> s.equals("1 event was read but says nothing about Kerberos or WinRM (not used).")), l.toString());
        assertEquals(SRV003, target(robot), "the requested SPN's host fills the empty target");
        WizardFixture.shot(robot, "symptom-evidence-pasted");

        Path klist = home.resolve("klist.txt");
        Files.writeString(klist, "\nCurrent LogonId is 0:0x4c7a1\n\nCached Tickets: (1)\n\n#0>\tClient: alice @ RWWILDEN01.LOCAL\n"
                + "\tServer: HTTP/" + SRV003 + " @ RWWILDEN01.LOCAL\n\tKerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96\n"
                + "\tKdc Called: dc1.rwwilden01.local\n", StandardCharsets.UTF_8);
        ClipboardContent file = new ClipboardContent();
        file.putFiles(List.of(klist.toFile()));
        clip(robot, file);
        WizardFixture.scrollTo(robot, "#evidencePaste");
        robot.clickOn("#evidencePaste");
        waitUntil(v -> lines(robot).stream().anyMatch(s -> s.startsWith("From your evidence: klist.txt")));
        WizardFixture.shot(robot, "symptom-evidence-file");

        WizardFixture.scrollTo(robot, "#evidenceClear");
        robot.clickOn("#evidenceClear");
        waitUntil(v -> lines(robot).isEmpty());
        assertEquals("", target(robot), "the name the evidence filled in goes with it");
        assertTrue(onFx(() -> robot.lookup("#evidenceClear").queryAs(Button.class).isDisabled()));

        clip(robot, xml);
        WizardFixture.scrollTo(robot, "#evidencePaste");
        robot.clickOn("#evidencePaste");
        waitUntil(v -> !lines(robot).isEmpty());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && !fx.composition.wizard().busyProperty().get());
        var repair = fx.composition.session().repair();
        assertEquals(1, repair.evidence().size(), repair.evidence().toString());
        assertEquals(EvidenceKind.EVENT_XML, repair.evidence().get(0).kind());
        String report = repair.report().toMarkdown();
        assertTrue(report.contains("## Evidence\n"), report);
        assertTrue(report.contains("Requested SPN: HTTP/" + SRV003), report);
        assertFalse(report.contains("<Event"), "the raw event XML is not copied into the report");
    }
}
