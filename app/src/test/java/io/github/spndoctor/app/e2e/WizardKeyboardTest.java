package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path by keyboard only — no clicks: mnemonics (Alt + letter), Ctrl+V to paste, typing — from seed 000's
 * error text to "Check again" showing srv003 fixed, then Undo restoring the demo directory.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {
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

    private void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).press(key).release(key).release(KeyCode.ALT);
    }

    /** Mnemonic letters of the visible, enabled labelled nodes of the scene, lower-cased. */
    private static java.util.List<String> mnemonics(javafx.scene.Node node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!node.isVisible()) {
            return out;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.isMnemonicParsing() && l.getText() != null) {
            int i = l.getText().indexOf('_');
            if (i >= 0 && i + 1 < l.getText().length()) {
                out.add(l.getText().substring(i + 1, i + 2).toLowerCase(java.util.Locale.ROOT) + " in " + l.getText());
            }
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                out.addAll(mnemonics(c));
            }
        }
        return out;
    }

    private void assertUniqueMnemonics(FxRobot robot) {
        java.util.List<String> list = new java.util.ArrayList<>();
        robot.interact(() -> list.addAll(mnemonics(robot.lookup("#nextButton").query().getScene().getRoot())));
        java.util.Map<String, java.util.List<String>> byKey = new java.util.TreeMap<>();
        list.forEach(m -> byKey.computeIfAbsent(m.substring(0, 1), k -> new java.util.ArrayList<>()).add(m));
        byKey.values().forEach(v -> assertEquals(1, v.size(), fx.composition.wizard().currentStep() + ": " + v));
        java.util.Set<String> registered = new java.util.HashSet<>();
        robot.interact(() -> robot.lookup("#nextButton").query().getScene().getMnemonics().forEach((k, v) -> {
            if (!v.isEmpty()) {
                registered.add(k.toString().toLowerCase(java.util.Locale.ROOT));
            }
        }));
        for (String key : byKey.keySet()) {
            assertTrue(registered.stream().anyMatch(r -> r.contains("'" + key + "'")),
                    fx.composition.wizard().currentStep() + ": mnemonic " + key + " is not registered: " + registered);
        }
        assertFalse(list.isEmpty());
    }

    @Test
    void everyPage_hasUniqueMnemonics() {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        assertUniqueMnemonics(robot);
        robot.clickOn("#liveChoice");
        assertUniqueMnemonics(robot);
        robot.clickOn("#demoChoice");
        robot.interact(() -> fx.composition.wizard().next());
        fx.waitFor(Step.SYMPTOM);
        robot.clickOn("#targetField").write(SRV003);
        assertUniqueMnemonics(robot);
        for (Step s : new Step[] {Step.LOOKUP, Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW, Step.RESULT}) {
            robot.interact(() -> fx.composition.wizard().next());
            fx.waitFor(s);
            assertUniqueMnemonics(robot);
        }
    }

    @Test
    void escWhileASlowLookupRuns_stopsWaiting_withoutClosingOrClaimingHealth() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        DemoDirectory slow = DemoDirectory.start(DemoDirectory.Options.DEFAULT.withSearchDelay(20_000));
        try {
            alt(robot, KeyCode.N);
            fx.waitFor(Step.SYMPTOM);
            robot.interact(() -> fx.composition.session().directoryProperty().set(slow));
            alt(robot, KeyCode.H);
            robot.write("srv004.rwwilden01.local");
            alt(robot, KeyCode.L);
            waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && fx.composition.wizard().busyProperty().get());
            assertTrue(text(robot, "#lookupStatus").startsWith("Looking up srv004.rwwilden01.local"));
            assertTrue(robot.lookup("#nextButton").queryButton().isDisabled());
            assertTrue(robot.lookup("#backButton").queryButton().isDisabled());
            robot.type(KeyCode.ESCAPE);
            waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            assertFalse(fx.closed, "Esc while busy stops waiting; it does not close the wizard");
            assertTrue(text(robot, "#lookupError").contains("You stopped waiting"), text(robot, "#lookupError"));
            assertTrue(text(robot, "#lookupError").contains("not a healthy result"));
            assertTrue(fx.composition.session().lookup().isEmpty());
        } finally {
            slow.close();
        }
    }

    @Test
    void onALiveDirectory_enterNeverPressesTheCommitButton() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        alt(robot, KeyCode.N);
        fx.waitFor(Step.SYMPTOM);
        // the demo directory dressed as a live one (a live DC is not available to UI tests)
        robot.interact(() -> fx.composition.session().directoryProperty().set(
                new io.github.spndoctor.app.session.DelegatingDirectory(fx.demo) {
                    @Override
                    public io.github.spndoctor.core.model.DirectoryInfo info() {
                        return new io.github.spndoctor.core.model.DirectoryInfo(false, "dc1.example.test:636", "alice@example.test", false);
                    }

                    @Override
                    public void close() { }
                }));
        alt(robot, KeyCode.H);
        robot.write(SRV003);
        alt(robot, KeyCode.L);
        fx.waitFor(Step.LOOKUP);
        for (Step s : new Step[] {Step.DIAGNOSIS, Step.REMEDY}) {
            robot.type(KeyCode.ENTER);
            fx.waitFor(s);
        }
        alt(robot, KeyCode.R);                                   // _Review the changes (Enter would pick the radio)
        fx.waitFor(Step.REVIEW);
        assertEquals("_Apply 1 change", robot.lookup("#nextButton").queryButton().getText());
        assertFalse(robot.lookup("#nextButton").queryButton().isDefaultButton());
        robot.type(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.REVIEW, fx.composition.wizard().currentStep());
        assertTrue(fx.msaHoldsHttpSpn(), "Enter did not apply anything");
    }

    @Test
    void wholePathByKeyboard_fixesSrv003_andUndoRestoresIt() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        assertTrue(fx.msaHoldsHttpSpn());

        alt(robot, KeyCode.N);                                   // Connect: _Next
        fx.waitFor(Step.SYMPTOM);
        waitUntil(v -> robot.lookup("#symptomText").query().isFocused());   // focus lands in the first input
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(WizardFixture.seed000ErrorText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(v -> text(robot, "#recognised").contains("0x80090322"));
        alt(robot, KeyCode.H);                                   // Target _host
        assertTrue(robot.lookup("#targetField").queryAs(TextField.class).isFocused());
        robot.write(SRV003);
        alt(robot, KeyCode.L);                                   // _Look up
        fx.waitFor(Step.LOOKUP);
        assertTrue(text(robot, "#lookupSummary").contains("SRV003$"), text(robot, "#lookupSummary"));

        robot.type(KeyCode.ENTER);                               // Next is the default button
        fx.waitFor(Step.DIAGNOSIS);
        assertEquals("cause-http-spn-on-service-account", robot.lookup(".card").query().getId());
        alt(robot, KeyCode.C);                                   // _Choose a fix
        fx.waitFor(Step.REMEDY);
        alt(robot, KeyCode.R);                                   // _Review the changes
        fx.waitFor(Step.REVIEW);
        assertEquals("_Apply 1 change", robot.lookup("#nextButton").queryButton().getText());
        assertTrue(fx.msaHoldsHttpSpn());
        alt(robot, KeyCode.A);                                   // _Apply 1 change
        fx.waitFor(Step.RESULT);
        assertFalse(fx.msaHoldsHttpSpn(), "applied to the demo directory");

        alt(robot, KeyCode.A);                                   // Check _again
        waitUntil(v -> text(robot, "#checkResult").contains(": fixed"));
        assertTrue(text(robot, "#checkResult").startsWith(SRV003 + ": fixed"), text(robot, "#checkResult"));

        alt(robot, KeyCode.U);                                   // _Undo these changes…
        fx.waitFor(Step.REVIEW);
        assertEquals("_Undo 1 change", robot.lookup("#nextButton").queryButton().getText());
        assertTrue(text(robot, "#reviewChanges .label").startsWith("1. Add HTTP/" + SRV003 + " to svc-srv003-web$"),
                text(robot, "#reviewChanges .label"));
        alt(robot, KeyCode.U);                                   // _Undo 1 change
        fx.waitFor(Step.RESULT);
        assertTrue(fx.msaHoldsHttpSpn(), "undo restored the SPN exactly");
        assertTrue(text(robot, "#change-0").startsWith("✓ Restored"), text(robot, "#change-0"));   // an undo, not another apply
        // the Result page re-checks by itself after the undo: the conflict is back, never "fixed"
        waitUntil(v -> text(robot, "#checkResult").contains("undone"));
        assertFalse(text(robot, "#checkResult").contains(": fixed"), text(robot, "#checkResult"));

        robot.type(KeyCode.ESCAPE);                              // Close: changes were applied, so it asks first
        waitUntil(v -> WizardFixture.showing(robot, "#closeConfirm"));
        assertFalse(fx.closed);
        alt(robot, KeyCode.C);                                   // _Close SPN Doctor
        waitUntil(v -> fx.closed);
    }
}
