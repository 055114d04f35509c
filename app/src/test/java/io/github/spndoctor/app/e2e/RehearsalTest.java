package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.ui.StatusBadge;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages prepared in idle time (built, then rehearsed with sample rows and cards, ADR 0106) show only what the
 * session found: no sample row, card or verdict is left behind; the diagnosis shows every card, the later ones a
 * frame after the first; and a status badge shown again keeps its icon and style classes.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalTest {
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

    private static boolean anyRehearsalNode(Node n) {
        if (n.getId() != null && n.getId().contains("rehearsal")) {
            return true;
        }
        if (n instanceof Label l && l.getText() != null && l.getText().contains("rehearsal.example.test")) {
            return true;
        }
        return n instanceof javafx.scene.Parent p && p.getChildrenUnmodifiable().stream().anyMatch(RehearsalTest::anyRehearsalNode);
    }

    @Test
    void thePreparedPagesShowOnlyWhatTheSessionFound(FxRobot robot) {
        fx.describeSrv003(robot);
        fx.waitFor(Step.LOOKUP);
        TableView<?> table = robot.lookup("#lookupTable").queryAs(TableView.class);
        assertTrue(onFx(() -> !table.getItems().isEmpty()
                && table.getItems().stream().noneMatch(r -> r.toString().contains("rehearsal"))), "real rows only");
        Node scene = fx.composition.shell();
        assertTrue(onFx(() -> !anyRehearsalNode(scene)), "nothing of a rehearsal on the Look up page");

        robot.clickOn("#nextButton");
        fx.waitFor(Step.DIAGNOSIS);
        int causes = onFx(() -> ((io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel)
                fx.composition.wizard().page(Step.DIAGNOSIS)).causes().size());
        assertTrue(causes > 2, "srv003's diagnosis ranks more causes than the first frame shows: " + causes);
        // the first two cards come at once, the others (and the one-line list of the rest) a frame later
        int cards = Math.min(causes, 5);
        waitUntil(v -> onFx(() -> robot.lookup(".card").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("cause-")).count()) == cards);
        List<String> ids = onFx(() -> robot.lookup(".card").queryAll().stream().map(Node::getId)
                .filter(id -> id != null && id.startsWith("cause-")).toList());
        List<String> ranked = onFx(() -> ((io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel)
                fx.composition.wizard().page(Step.DIAGNOSIS)).causes().stream().limit(cards).map(c -> "cause-" + c.id()).toList());
        assertEquals(ranked, ids, "every card in rank order, none twice");
        assertTrue(onFx(() -> !anyRehearsalNode(scene)), "no sample card or verdict on the Diagnosis page");

        robot.clickOn("#nextButton");
        fx.waitFor(Step.REMEDY);
        assertTrue(robot.lookup("#remedy-remove-spn").tryQuery().isPresent(), "the real remedies");
        assertTrue(onFx(() -> !anyRehearsalNode(scene)), "no sample remedy card on the Remedy page");
    }

    @Test
    void aBadgeShownAgainKeepsItsIconAndStyleClasses_andChangesToneAsAState(FxRobot robot) {
        Label badge = onFx(Label::new);
        robot.interact(() -> StatusBadge.set(badge, Tone.BAD, "wrong account"));
        Node icon = onFx(badge::getGraphic);
        robot.interact(() -> StatusBadge.set(badge, Tone.BAD, "wrong account"));
        assertSame(icon, onFx(badge::getGraphic), "the same tone keeps its icon node");
        assertEquals(List.of("label", "status-badge"), onFx(() -> List.copyOf(badge.getStyleClass())));
        assertEquals(java.util.Optional.of(Tone.BAD), onFx(() -> Tone.shownBy(badge)));
        robot.interact(() -> StatusBadge.set(badge, Tone.GOOD, "held by the computer"));
        assertEquals(List.of("label", "status-badge"), onFx(() -> List.copyOf(badge.getStyleClass())),
                "a new tone changes no style class (that would make JavaFX look the styles up again)");
        assertEquals(java.util.Optional.of(Tone.GOOD), onFx(() -> Tone.shownBy(badge)), "one tone at a time");
        assertSame(icon, onFx(badge::getGraphic), "another tone keeps the icon node too");
        FontIcon now = (FontIcon) icon;
        assertEquals(java.util.Optional.of(Tone.GOOD), onFx(() -> Tone.shownBy(now)), "the icon takes the new tone");
        assertEquals(Tone.GOOD.icon().getDescription(), onFx(() -> now.getIconCode().getDescription()));
    }

    @Test
    void aToneColoursTheBadgeAndItsIcon_throughTheStylesheet(FxRobot robot) {
        Label bad = onFx(() -> StatusBadge.of(Tone.BAD, "wrong account"));
        Label good = onFx(() -> StatusBadge.of(Tone.GOOD, "held by the computer"));
        javafx.scene.layout.VBox box = onFx(() -> new javafx.scene.layout.VBox(bad, good));
        robot.interact(() -> {
            javafx.scene.Scene s = new javafx.scene.Scene(box);
            io.github.spndoctor.app.ui.Theme.style(s);
            box.applyCss();
        });
        javafx.scene.paint.Paint badFill = onFx(bad::getTextFill);
        javafx.scene.paint.Paint goodFill = onFx(good::getTextFill);
        assertNotEquals(badFill, goodFill, "two tones, two colours");
        assertEquals(badFill, onFx(() -> ((FontIcon) bad.getGraphic()).getIconColor()), "the icon has the word's colour");
        robot.interact(() -> {
            StatusBadge.set(bad, Tone.GOOD, "held by the computer");
            box.applyCss();
        });
        assertEquals(goodFill, onFx(bad::getTextFill), "a badge that changes tone changes colour");
        assertEquals(goodFill, onFx(() -> ((FontIcon) bad.getGraphic()).getIconColor()));
    }
}
