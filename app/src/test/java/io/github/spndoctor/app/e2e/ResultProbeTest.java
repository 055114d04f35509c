package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 on the wizard: the connection test on Look up is rejected; after Apply the Result page tests again by
 * itself and says the host now accepts Kerberos; after Undo it tests again and is rejected; the saved report has
 * the three runs in its "Live probe" table and the probe steps in its timeline.
 */
@ExtendWith(ApplicationExtension.class)
class ResultProbeTest {
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

    /** The text of the shown page's probe summary ("" while none is shown). */
    static String summary(FxRobot robot) {
        return onFx(() -> robot.lookup("#probeSummary").queryAll().stream().filter(ResultProbeTest::shown)
                .map(n -> ((Label) n).getText()).findFirst().orElse(""));
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    void next(FxRobot robot, Step to) {
        robot.clickOn("#nextButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == to && !fx.composition.wizard().busyProperty().get());
    }

    @Test
    void afterApplyAndAfterUndo_theResultPageTestsAgainByItself_andTheReportHasEveryRun() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        next(robot, Step.SYMPTOM);
        robot.interact(() -> robot.lookup("#symptomText").queryAs(TextArea.class).setText(WizardFixture.seed000ErrorText()));
        robot.clickOn("#targetField").write(SRV003);
        next(robot, Step.LOOKUP);
        WizardFixture.scrollTo(robot, "#probeButton");
        robot.clickOn("#probeButton");
        waitUntil(v -> summary(robot).contains("rejected a Kerberos ticket"));
        assertTrue(summary(robot).startsWith("✖ Rejected"), summary(robot));

        next(robot, Step.DIAGNOSIS);
        next(robot, Step.REMEDY);
        next(robot, Step.REVIEW);
        robot.clickOn("#nextButton");   // Apply 1 change
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.RESULT);
        waitUntil(v -> summary(robot).contains("now accepts Kerberos"));
        assertEquals("✔ Accepted  WinRM on " + SRV003 + " now accepts Kerberos for HTTP/" + SRV003 + ".", summary(robot));
        WizardFixture.shot(robot, "result-probe-after-fix");

        waitUntil(v -> !fx.composition.wizard().busyProperty().get());
        WizardFixture.scrollTo(robot, "#undoButton");
        robot.clickOn("#undoButton");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.REVIEW && !fx.composition.wizard().busyProperty().get());
        robot.clickOn("#nextButton");   // Undo 1 change
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.RESULT);
        waitUntil(v -> summary(robot).contains("rejected a Kerberos ticket"));
        assertTrue(summary(robot).startsWith("✖ Rejected"), summary(robot));
        WizardFixture.shot(robot, "result-probe-after-undo");

        waitUntil(v -> !fx.composition.wizard().busyProperty().get());
        WizardFixture.scrollTo(robot, "#saveReport");
        robot.clickOn("#saveReport");
        waitUntil(v -> Files.exists(home.resolve("spn-doctor-report.md")));
        waitUntil(v -> fx.composition.session().repair().timeline().size() > 0);
        String report = Files.readString(home.resolve("spn-doctor-report.md"));
        int at = report.indexOf("## Live probe");
        assertTrue(at > 0, report);
        List<String> rows = report.substring(at).lines().takeWhile(l -> !l.startsWith("## ") || l.startsWith("## Live"))
                .filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertEquals(3, rows.size(), report.substring(at));
        assertTrue(rows.get(0).contains("before any change") && rows.get(0).contains("| rejected"), rows.get(0));
        assertTrue(rows.get(1).contains("after the fix") && rows.get(1).contains("| accepted"), rows.get(1));
        assertTrue(rows.get(2).contains("after the undo") && rows.get(2).contains("| rejected"), rows.get(2));
        assertTrue(report.contains("Kerberos: asking the KDC for a ticket to HTTP/" + SRV003), "probe steps in the report");
    }
}
