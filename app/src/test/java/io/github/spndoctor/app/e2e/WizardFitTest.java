package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At 1024×768, for every demo host (the broken ones, the healthy srv004, an unknown name and an IP address), every
 * page the wizard reaches shows its primary button inside the window and visible — or, on a page without one, the
 * Close button; long pages scroll instead of pushing the button bar out.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFitTest {
    /** The scene's size; {@link WizardFitDefaultSizeTest} repeats everything at the app's own start size. */
    double width() { return 1024; }

    double height() { return 768; }

    /** Whether the top cause's title must be on the Diagnosis page's first screen too (the verdict always must). */
    boolean topCauseOnFirstScreen() { return true; }

    @TempDir
    static Path home;
    private WizardFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFixture(DemoDirectory.start(), home, width(), height());
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        fx.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"srv003.rwwilden01.local", "DYNAMICS-CRM.kimconnect.com", "mem1.contoso.com",
            "wac01.contoso.com", "srv004.rwwilden01.local", "nohost.rwwilden01.local", "nosuch01", "10.0.0.23"})
    void everyPage_showsItsPrimaryButtonInsideTheWindow(String host) {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        List<Step> seen = new ArrayList<>();
        assertButtonsFit(robot, host, seen);
        robot.interact(() -> fx.composition.wizard().next());
        fx.waitFor(Step.SYMPTOM);
        robot.interact(() -> {
            Scene s = stage.getScene();
            ((TextInputControl) s.lookup("#symptomText")).setText("Connecting to remote server " + host
                    + " failed: WinRM cannot process the request. The following error with errorcode 0x80090322 occurred"
                    + " while using Kerberos authentication: An unknown security error occurred.");
            ((TextInputControl) s.lookup("#targetField")).setText(host);
        });
        assertButtonsFit(robot, host, seen);
        for (Step next : new Step[] {Step.LOOKUP, Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW, Step.RESULT}) {
            Step before = fx.composition.wizard().currentStep();
            robot.interact(() -> fx.composition.wizard().next());
            waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            waitUntil(v -> !fx.composition.wizard().busyProperty().get());
            if (fx.composition.wizard().currentStep() == before) {
                break;   // nothing to fix on this host: the wizard stays, with its message
            }
            assertEquals(next, fx.composition.wizard().currentStep(), host);
            assertButtonsFit(robot, host, seen);
        }
        assertTrue(seen.containsAll(List.of(Step.CONNECT, Step.SYMPTOM, Step.LOOKUP, Step.DIAGNOSIS, Step.REMEDY)),
                host + ": pages checked " + seen);
        assertFalse(fx.closed);
    }

    private void assertButtonsFit(FxRobot robot, String host, List<Step> seen) {
        Step step = fx.composition.wizard().currentStep();
        Button primary = fx.composition.shell().primaryButton();
        Button main = primary.isVisible() ? primary : fx.composition.shell().cancelButton();
        robot.interact(() -> {
            Scene scene = stage.getScene();
            double w = width();
            double h = height();
            assertEquals(w, scene.getWidth(), 0.5);
            assertEquals(h, scene.getHeight(), 0.5);
            Bounds b = main.localToScene(main.getBoundsInLocal());
            String where = host + " on " + step + ": " + main.getText() + " at " + b;
            assertTrue(b.getWidth() > 10 && b.getHeight() > 10, where);
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= w && b.getMaxY() <= h, where);
            for (Node n = main; n != null; n = n.getParent()) {
                assertTrue(n.isVisible(), where + ": hidden by " + n);
            }
            // and the button bar's buttons are really on top there: what is under the button's centre is the button
            Node hit = pick(scene.getRoot(), b.getCenterX(), b.getCenterY());
            boolean self = false;
            for (Node n = hit; n != null; n = n.getParent()) {
                self |= n == main;
            }
            assertTrue(self, where + ": covered by " + hit);
            // a text set since the last pulse is laid out (and clipped or not) only on the next one: lay out now,
            // so what is compared is what the next frame shows
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> cut = new ArrayList<>();
            cutTexts(scene.getRoot(), cut);
            assertTrue(cut.isEmpty(), host + " on " + step + ": wrapped text cut off: " + cut);
            for (Node n : firstScreen(scene, step, topCauseOnFirstScreen())) {
                assertTrue(inView(scene, n), host + " on " + step + ": not on the first screen: " + n
                        + (n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : ""));
            }
        });
        seen.add(step);
    }

    /**
     * What a page must show without scrolling, as it opens: the verdict sentence of the Look up and Diagnosis pages
     * and the top cause's title (the ticket-flow picture must not push it down), the first remedy, the changes to
     * review, the Result page's outcome.
     */
    private static List<Node> firstScreen(Scene scene, Step step, boolean topCause) {
        List<Node> out = new ArrayList<>();
        switch (step) {
            case LOOKUP -> out.add(scene.lookup("#lookupVerdict"));
            case DIAGNOSIS -> {
                out.add(scene.lookup("#diagnosisHeadline"));
                javafx.scene.Parent cards = (javafx.scene.Parent) scene.lookup(".cards");
                if (topCause && cards != null && !cards.getChildrenUnmodifiable().isEmpty()
                        && cards.getChildrenUnmodifiable().get(0) instanceof javafx.scene.Parent card
                        && card.getId() != null && card.getId().startsWith("cause-")) {
                    Node head = card.getChildrenUnmodifiable().get(0);   // the card's title and its likelihood
                    out.add(head instanceof javafx.scene.Parent p && !p.getChildrenUnmodifiable().isEmpty()
                            ? p.getChildrenUnmodifiable().get(0) : head);
                }
            }
            case REMEDY -> scene.getRoot().lookupAll(".radio-button").stream().filter(Node::isVisible).findFirst().ifPresent(out::add);
            case REVIEW -> out.add(scene.lookup("#reviewChanges"));
            case RESULT -> out.add(scene.lookup("#outcome"));
            default -> { }
        }
        out.removeIf(n -> n == null || !n.isVisible() || n.getLayoutBounds().getHeight() <= 0);
        return out;
    }

    /** The node lies wholly inside the visible part of the page's scroll pane. */
    static boolean inView(Scene scene, Node n) {
        Node sp = scene.lookup("#pageScroll");
        Bounds port = sp.localToScene(sp.getLayoutBounds());
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMinY() >= port.getMinY() - 0.5 && b.getMaxY() <= port.getMaxY() + 0.5;
    }

    /**
     * Wrapped labels whose shown text is not their whole text (JavaFX ends a label it has no room for with "…"):
     * text meant to wrap must get the height it needs, and a page that does not fit must scroll instead.
     */
    private static void cutTexts(Node node, List<String> cut) {
        // a table's cells are recycled and measured off screen (their words are checked on the screenshots)
        if (!node.isVisible() || node instanceof javafx.scene.control.TableView<?>) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.isWrapText() && l.getText() != null && !l.getText().isBlank()) {
            for (Node kid : l.getChildrenUnmodifiable()) {
                if (kid instanceof javafx.scene.text.Text t && !t.getText().replace("\n", "").equals(
                        (l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText()).replace("\n", ""))) {
                    cut.add(l.getText().length() > 60 ? l.getText().substring(0, 60) + "…" : l.getText());
                }
            }
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node kid : p.getChildrenUnmodifiable()) {
                cutTexts(kid, cut);
            }
        }
    }

    private static Node pick(Node root, double x, double y) {
        if (!root.isVisible() || !root.contains(root.sceneToLocal(x, y))) {
            return null;
        }
        if (root instanceof javafx.scene.Parent p) {
            var kids = p.getChildrenUnmodifiable();
            for (int i = kids.size() - 1; i >= 0; i--) {
                Node hit = pick(kids.get(i), x, y);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return root;
    }
}
