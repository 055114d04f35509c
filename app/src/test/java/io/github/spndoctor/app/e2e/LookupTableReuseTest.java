package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Look up table shows the first real rows in the row cells its idle-time rehearsal made (ADR 0106): a table whose
 * items went from none to some would throw its cells away and build new ones in the very frame the rows arrive. While
 * the lookup waits, the table (which keeps the rehearsal's rows meanwhile) is not shown at all.
 */
@ExtendWith(ApplicationExtension.class)
class LookupTableReuseTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        // slowed, so the page is seen waiting before the rows arrive
        fx = new WizardFixture(DemoDirectory.start(DemoDirectory.Options.DEFAULT.withSearchDelay(800)), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    private static Set<Node> rowCells(TableView<?> table) {
        Set<Node> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        rows.addAll(table.lookupAll(".table-row-cell"));
        rows.removeIf(n -> !(n instanceof TableRow<?>));
        return rows;
    }

    @Test
    void theFirstRowsAppearInTheRehearsedCells_andNoTableIsShownWhileTheLookupWaits(FxRobot robot) {
        fx.describeSrv003(robot);
        waitUntil(v -> onFx(() -> fx.composition.wizard().currentStep() == Step.LOOKUP
                && fx.composition.wizard().busyProperty().get()));
        TableView<?> table = robot.lookup("#lookupTable").queryAs(TableView.class);
        assertFalse(onFx(table::isVisible), "no table while the lookup waits");
        Set<Node> rehearsed = onFx(() -> rowCells(table));
        assertTrue(rehearsed.size() >= 10, "the rehearsal left a row cell in the table for every row the page shows: "
                + rehearsed.size());

        fx.waitFor(Step.LOOKUP);
        assertTrue(onFx(table::isVisible), "the table shows the rows");
        List<Node> filled = onFx(() -> rowCells(table).stream()
                .filter(n -> n.isVisible() && !((TableRow<?>) n).isEmpty() && ((TableRow<?>) n).getItem() != null).toList());
        int items = onFx(() -> table.getItems().size());
        assertTrue(filled.size() > 4 && filled.size() <= items, filled.size() + " rows on the screen for " + items + " items");
        assertTrue(filled.stream().allMatch(rehearsed::contains), "every filled row is a cell the rehearsal made");
        assertTrue(onFx(() -> table.getItems().stream().noneMatch(r -> r.toString().contains("rehearsal"))),
                "the session's rows only");
    }
}
