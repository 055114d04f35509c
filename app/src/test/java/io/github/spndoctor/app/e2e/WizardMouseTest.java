package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.SRV003;
import static io.github.spndoctor.app.e2e.WizardFixture.showing;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the whole wizard with the mouse on the demo directory: the fix, the read-only path, a failed lookup. */
@ExtendWith(ApplicationExtension.class)
class WizardMouseTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home);
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        fx.stop();
    }

    private void connectAndDescribe(FxRobot robot, boolean allowChanges) {
        waitUntil(v -> fx.ready());
        assertTrue(text(robot, "#modeBanner").isEmpty() || !showing(robot, "#modeBanner"));
        if (!allowChanges) {
            WizardFixture.scrollTo(robot, "#allowChanges");   // the Connect page scrolls (the trainer panes above)
            robot.clickOn("#allowChanges");
        }
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        String banner = text(robot, "#modeBanner");
        assertTrue(banner.startsWith("DEMO · "), banner);
        assertTrue(banner.endsWith(allowChanges ? "changes allowed" : "read-only"), banner);

        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(WizardFixture.seed000ErrorText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#symptomText").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(v -> text(robot, "#recognised").contains("0x80090322"));
        assertTrue(robot.lookup("#symptomText").queryAs(TextArea.class).getText().contains("Configuration refresh failed"));
        robot.clickOn("#targetField").write(SRV003);
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && !fx.composition.wizard().busyProperty().get());
    }

    @Test
    void wholePath_removesTheSpnAndCheckAgainShowsSrv003Fixed() throws Exception {
        assertTrue(fx.msaHoldsHttpSpn());
        connectAndDescribe(robot(), true);
        FxRobot robot = robot();

        TableView<?> table = robot.lookup("#lookupTable").queryAs(TableView.class);
        assertTrue(table.getItems().stream().map(Object::toString)
                .anyMatch(r -> r.contains("HTTP/" + SRV003) && r.contains("svc-srv003-web$") && r.contains("msa")
                        && r.contains("WRONG_ACCOUNT")), table.getItems().toString());
        assertTrue(table.getItems().stream().noneMatch(r -> r.toString().contains("rehearsal")),
                "the idle-time rehearsal's sample rows never stay: " + table.getItems());

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !fx.composition.wizard().busyProperty().get());
        VBox firstCard = (VBox) robot.lookup(".card").query();
        assertEquals("cause-http-spn-on-service-account", firstCard.getId());
        assertTrue(text(robot, "#diagnosisHeadline").startsWith("SPN problem for "), text(robot, "#diagnosisHeadline"));

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REMEDY && !fx.composition.wizard().busyProperty().get());
        assertTrue(robot.lookup("#remedy-remove-spn").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        assertTrue(robot.lookup("#remedy-rehearsal").tryQuery().isEmpty(), "no rehearsal card is left on the page");
        // Server Manager cannot ask for a port SPN: that remedy is folded away with the others that cannot help
        assertTrue(robot.lookup("#remedy-port-spn").tryQuery().isEmpty(), "port SPNs are not offered up front");
        assertTrue(text(robot, "#otherRemedies .title").matches("\\d+ remed(y|ies) that cannot help this host"), text(robot, "#otherRemedies .title"));
        WizardFixture.scrollTo(robot, "#otherRemedies");
        robot.clickOn("#otherRemedies");
        waitUntil(v -> robot.lookup("#remedy-port-spn").tryQuery().isPresent());
        assertTrue(WizardFixture.onFx(() -> robot.lookup("#remedy-port-spn").query().isDisabled()), "listed, not choosable");
        assertTrue(robot.lookup("#remedy-remove-spn").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        // CredSSP fits this client but not what was found: it waits in its own folded list, and can still be chosen
        assertTrue(robot.lookup("#remedy-credssp").tryQuery().isEmpty(), "CredSSP is not offered up front for an SPN problem");
        assertTrue(text(robot, "#otherCauses .title").matches("\\d+ remed(y|ies) for (another cause|other causes)"), text(robot, "#otherCauses .title"));
        WizardFixture.scrollTo(robot, "#otherCauses");
        robot.clickOn("#otherCauses");
        waitUntil(v -> robot.lookup("#remedy-credssp").tryQuery().isPresent());
        assertFalse(WizardFixture.onFx(() -> robot.lookup("#remedy-credssp").query().isDisabled()), "listed and choosable");
        assertTrue(robot.lookup("#remedy-remove-spn").queryAs(javafx.scene.control.RadioButton.class).isSelected(), "opening a list changes no choice");

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        Button commit = robot.lookup("#nextButton").queryButton();
        assertEquals("_Apply 1 change", commit.getText());
        assertTrue(text(robot, "#recheck").startsWith("When you apply, SPN Doctor first re-reads"), text(robot, "#recheck"));
        assertTrue(robot.lookup("#preview-setspn").queryAs(TextArea.class).getText()
                .contains("setspn -D HTTP/" + SRV003 + " svc-srv003-web$"));
        assertTrue(fx.msaHoldsHttpSpn(), "nothing may be written before the commit button");

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.RESULT && !fx.composition.wizard().busyProperty().get());
        assertTrue(text(robot, "#change-0").startsWith("✓ Applied"), text(robot, "#change-0"));
        assertFalse(fx.msaHoldsHttpSpn(), "the demo directory must really have changed");
        assertTrue(robot.lookup("#backButton").queryButton().isDisabled());
        assertEquals("_Close", robot.lookup("#cancelButton").queryButton().getText());

        robot.clickOn("#checkAgain");
        waitUntil(v -> text(robot, "#checkResult").contains(": fixed"));
        assertTrue(text(robot, "#checkResult").startsWith(SRV003 + ": fixed"), text(robot, "#checkResult"));

        WizardFixture.scrollTo(robot, "#saveReport");   // the page is taller than the window (the ticket flow)
        robot.clickOn("#saveReport");
        waitUntil(v -> Files.exists(home.resolve("spn-doctor-report.md")));
        waitUntil(v -> text(robot, "#resultNotice").startsWith("Report saved"));
        String report = Files.readString(home.resolve("spn-doctor-report.md"));
        assertTrue(report.contains("http-spn-on-service-account"), report);
        assertTrue(report.contains("svc-srv003-web$"), report);
    }

    @Test
    void readOnlyConnection_createsAScriptAndWritesNothing() throws Exception {
        connectAndDescribe(robot(), false);
        FxRobot robot = robot();
        for (Step s : List.of(Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW)) {
            robot.clickOn("#nextButton");
            waitUntil(v -> fx.composition.wizard().currentStep() == s && !fx.composition.wizard().busyProperty().get());
        }
        assertEquals("_Create a script for an administrator", robot.lookup("#nextButton").queryButton().getText());
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.RESULT);
        Path script = fx.composition.session().scriptFileProperty().get();
        assertTrue(Files.readString(script).contains("HTTP/" + SRV003), Files.readString(script));
        assertTrue(text(robot, "#outcome").contains("Nothing in the directory was changed"));
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertTrue(clip[0] != null && clip[0].contains("HTTP/" + SRV003) && clip[0].contains("Set-AD"), String.valueOf(clip[0]));
        assertTrue(fx.msaHoldsHttpSpn(), "a read-only connection never writes");
        assertEquals("_Close", robot.lookup("#cancelButton").queryButton().getText());
    }

    @Test
    void deadDirectory_showsTheFailureAndNeverAHealthyHost() throws Exception {
        waitUntil(v -> fx.ready());
        robot().clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        fx.demo.server().shutDown(true);   // the domain controller goes away after connecting
        FxRobot robot = robot();
        robot.clickOn("#targetField").write(SRV003);
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && !fx.composition.wizard().busyProperty().get());
        assertTrue(showing(robot, "#lookupError"));
        assertTrue(text(robot, "#lookupError").contains("cannot be reached"), text(robot, "#lookupError"));
        assertTrue(text(robot, "#lookupError").contains("not a healthy result"));
        assertTrue(showing(robot, "#retryLookup"));
        assertTrue(fx.composition.session().lookup().isEmpty());

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.DIAGNOSIS && !fx.composition.wizard().busyProperty().get());
        String headline = text(robot, "#diagnosisHeadline");
        assertTrue(headline.startsWith("Not known whether"), headline);
        assertFalse(headline.contains("No SPN conflict"));

        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REMEDY);
        robot.clickOn("#nextButton");
        waitUntil(v -> showing(robot, "#remedyError"));
        assertEquals(Step.REMEDY, fx.composition.wizard().currentStep(), "no plan without a lookup");
    }

    @Test
    void aTenMegabytePaste_isCutWithANotice_andTheWindowKeepsResponding() {
        waitUntil(v -> fx.ready());
        FxRobot robot = robot();
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.SYMPTOM);
        StringBuilder big = new StringBuilder(10_000_000);
        while (big.length() < 10_000_000) {
            big.append("WinRM cannot process the request. errorcode 0x80090322 KRB_AP_ERR_MODIFIED ");
        }
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(big.toString());
            Clipboard.getSystemClipboard().setContent(c);
        });
        long t0 = System.nanoTime();
        robot.clickOn("#symptomText").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(v -> text(robot, "#symptomNotice").contains("10,000,0"));
        waitUntil(v -> text(robot, "#recognised").contains("0x80090322"));
        System.out.printf("10 MB paste: cut and recognised after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(SymptomPageModel.MAX_TEXT, robot.lookup("#symptomText").queryAs(TextArea.class).getLength());
        robot.clickOn("#targetField").write("srv004");
        assertEquals("srv004", robot.lookup("#targetField").queryAs(TextField.class).getText(), "the UI still takes input");

        // Look up reads all 10 MB (redacted, then parsed: seconds on a small machine) away from the UI thread: the
        // click returns at once, the wait says what it reads, and the lookup follows
        long t1 = System.nanoTime();
        robot.clickOn("#nextButton");
        boolean[] readingShown = new boolean[1];
        robot.interact(() -> readingShown[0] = fx.composition.wizard().currentStep() == Step.SYMPTOM
                && fx.composition.wizard().busyProperty().get()
                && fx.composition.wizard().waitingForProperty().get().startsWith("Reading the error text"));
        assertTrue(readingShown[0], "the UI thread was free while the text was read");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && !fx.composition.wizard().busyProperty().get());
        System.out.printf("10 MB paste: read for the lookup and looked up after %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertTrue(fx.composition.session().symptomTextProperty().get().length() > SymptomPageModel.MAX_TEXT, "all of it was read");
    }

    @Test
    void scanButton_opensTheForestScanWithProgressAndFindings() {
        waitUntil(v -> fx.ready());
        FxRobot robot = robot();
        WizardFixture.scrollTo(robot, "#scanButton");   // the Connect page scrolls (the trainer panes above)
        robot.clickOn("#scanButton");
        waitUntil(v -> robot.lookup("#scanOutcome").tryQuery().map(n -> !((javafx.scene.control.Labeled) n).getText().isEmpty()).orElse(false));
        assertTrue(text(robot, "#scanOutcome").contains("conflicts found"), text(robot, "#scanOutcome"));
        javafx.scene.control.TableView<?> table = robot.lookup("#scanTable").queryAs(javafx.scene.control.TableView.class);
        assertTrue(table.getItems().stream().anyMatch(i -> i.toString().contains("svc-srv003-web$")), table.getItems().toString());
        assertEquals(Step.CONNECT, fx.composition.wizard().currentStep(), "the scan opens beside the wizard");
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#scanOutcome").query().getScene().getWindow()).close());
    }

    private FxRobot robot() {
        return new FxRobot();
    }
}
