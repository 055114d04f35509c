package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.page.lookup.LookupRow;
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
import java.util.List;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Look up table keeps the rows and cells its idle-time rehearsal made (ADR 0106), hidden, until the first real
 * rows replace them: no table is shown while the lookup waits, the first rows fill the rehearsed cells (JavaFX makes
 * them all anew when a table's item count goes up from 0), and every row on the screen shows its own status (a reused
 * cell whose badge had been left out of its children would show none).
 */
@ExtendWith(ApplicationExtension.class)
class LookupTableRowsTest {
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

    private static List<Node> rowCells(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?>).toList();
    }

    @Test
    void noTableWhileTheLookupWaits_thenTheRehearsedCellsShowTheRows_eachWithItsOwnStatus(FxRobot robot) {
        fx.describeSrv003(robot);
        waitUntil(v -> onFx(() -> fx.composition.wizard().currentStep() == Step.LOOKUP
                && fx.composition.wizard().busyProperty().get()));
        // this wizard's table: an earlier test's window may still hold one of its own
        TableView<?> table = robot.from(fx.composition.shell()).lookup("#lookupTable").queryAs(TableView.class);
        assertFalse(onFx(table::isVisible), "no table while the lookup waits");
        List<Node> rehearsed = onFx(() -> rowCells(table));   // nodes compare by identity
        assertTrue(rehearsed.size() >= 10, "the rehearsal left a row cell for every row the page shows: " + rehearsed.size());
        fx.waitFor(Step.LOOKUP);
        assertTrue(onFx(table::isVisible), "the table shows the rows");
        List<Node> filled = onFx(() -> rowCells(table).stream()
                .filter(n -> n.isVisible() && !((TableRow<?>) n).isEmpty() && ((TableRow<?>) n).getItem() != null).toList());
        int items = onFx(() -> table.getItems().size());
        assertTrue(filled.size() > 4 && filled.size() <= items, filled.size() + " rows on the screen for " + items + " items");
        assertTrue(filled.stream().allMatch(rehearsed::contains), "every row on the screen is a cell the rehearsal made");
        assertTrue(onFx(() -> table.getItems().stream().noneMatch(r -> r.toString().contains("rehearsal"))),
                "the session's rows only");
        // each row on the screen shows its own status, drawn: a reused cell that kept a hidden badge would be blank
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), onFx(() -> blankStatuses(filled)), "rows without their status on the screen");
    }

    /** The rows whose status cell shows no badge, or another row's words, or a badge with no size. */
    private static List<String> blankStatuses(List<Node> rows) {
        List<String> blank = new java.util.ArrayList<>();
        for (Node n : rows) {
            TableRow<?> row = (TableRow<?>) n;
            LookupRow item = (LookupRow) row.getItem();
            javafx.scene.control.Label badge = row.lookupAll(".status-badge").stream()
                    .filter(b -> b instanceof javafx.scene.control.Label).map(b -> (javafx.scene.control.Label) b)
                    .findFirst().orElse(null);
            if (badge == null || !badge.isVisible() || !item.statusText().equals(badge.getText())
                    || badge.getWidth() <= 0 || badge.getHeight() <= 0) {
                blank.add(item.spn() + " -> " + (badge == null ? "no badge on the screen" : "'" + badge.getText() + "' visible "
                        + badge.isVisible() + " " + badge.getWidth() + "x" + badge.getHeight()));
            }
        }
        return blank;
    }
}
