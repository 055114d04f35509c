package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.scan.ScanTable;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forest scan as a table: columns, sorting, filtering, CSV/HTML export (core's text), and "Diagnose this host". */
@ExtendWith(ApplicationExtension.class)
class ScanWindowTest {
    @TempDir
    static Path home;
    private WizardFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        fx.stop();
    }

    @SuppressWarnings("unchecked")
    @Test
    void findingsAreATable_thatSortsFiltersExports_andOpensAHostInTheWizard() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#scanButton");
        waitUntil(v -> robot.lookup("#scanOutcome").tryQuery().map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));
        TableView<ScanTable.Row> table = robot.lookup("#scanTable").queryAs(TableView.class);
        List<String> titles = table.getColumns().stream().map(TableColumn::getText).toList();
        assertEquals(List.of("Finding", "SPN", "Holders", "Hosts affected", "Cause"), titles);
        int all = table.getItems().size();
        assertTrue(all >= 2, "the demo forest has several conflicts: " + all);

        // sorting by the SPN column puts the rows in SPN order
        robot.interact(() -> {
            table.getSortOrder().setAll(table.getColumns().get(1));
            table.sort();
        });
        List<String> spns = table.getItems().stream().map(ScanTable.Row::spn).toList();
        @SuppressWarnings("rawtypes")
        java.util.Comparator<Object> order = (java.util.Comparator) table.getColumns().get(1).getComparator();
        assertEquals(spns.stream().sorted(order).toList(), spns);
        assertTrue(!spns.equals(table.getItems().stream().map(ScanTable.Row::spn).sorted(order.reversed()).toList()));

        // the filter keeps only matching rows, and says how many are shown
        robot.clickOn("#scanFilter").write("svc-srv003-web");
        waitUntil(v -> table.getItems().size() < all);
        assertTrue(table.getItems().stream().allMatch(r -> String.join(" ", r.cells()).toLowerCase().contains("svc-srv003-web")));
        assertEquals(table.getItems().size() + " of " + all + " findings shown", text(robot, "#scanCount"));

        // export: the shown rows as core's CSV and HTML
        robot.clickOn("#scanExportCsv");
        Path csv = home.resolve("spn-doctor-scan.csv");
        waitUntil(v -> Files.exists(csv));
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(ScanTable.csv(List.copyOf(table.getItems())), written);
        assertTrue(written.startsWith("Finding,SPN,Holders,Hosts affected,Cause"));
        robot.clickOn("#scanExportHtml");
        Path html = home.resolve("spn-doctor-scan.html");
        waitUntil(v -> Files.exists(html));
        assertTrue(Files.readString(html).contains("<td>HTTP/srv003.rwwilden01.local</td>"), Files.readString(html));

        // Diagnose this host: the wizard opens Look up for the finding's host, on the scanned connection
        robot.interact(() -> table.getSelectionModel().select(0));
        String host = table.getItems().get(0).hostNames().get(0);
        robot.clickOn("#scanDiagnose");
        waitUntil(v -> fx.composition.wizard().currentStep() == Step.LOOKUP && !fx.composition.wizard().busyProperty().get());
        assertEquals(host, fx.composition.session().targetProperty().get().asTyped().toLowerCase());
        assertTrue(fx.composition.session().lookup().isPresent(), "looked up");
    }
}
