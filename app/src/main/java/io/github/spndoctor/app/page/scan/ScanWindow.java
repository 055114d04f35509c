package io.github.spndoctor.app.page.scan;

import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Theme;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.core.scan.ScanTable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The forest scan view: a window beside the wizard with progress, Stop, and the findings as a table (finding, SPN,
 * holders, hosts affected, cause) that sorts by any column and filters as you type; the shown rows export as CSV or
 * HTML (core's text), and "Diagnose this host" opens the wizard at Look up for the selected finding's host.
 */
public final class ScanWindow {
    private ScanWindow() {}

    /**
     * Opens the view for {@code model} and starts the scan.
     *
     * @param diagnose opens the wizard at Look up for a host name (the window stays open)
     */
    public static Stage open(Window owner, ScanModel model, FileDialogs files, Consumer<String> diagnose) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(model.runningProperty());
        Label progress = Ui.text(model.progressProperty(), null);
        progress.setId("scanProgress");
        Label outcome = Ui.heading(model.outcomeProperty());
        outcome.setId("scanOutcome");

        TextField filter = new TextField();
        filter.setId("scanFilter");
        filter.setPromptText(Messages.get("scan.filter.prompt"));
        HBox.setHgrow(filter, Priority.ALWAYS);
        FilteredList<ScanTable.Row> filtered = new FilteredList<>(model.rows(), r -> true);
        filter.textProperty().addListener((o, a, b) -> {
            String q = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(r -> q.isEmpty() || r.cells().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(q)));
        });
        SortedList<ScanTable.Row> sorted = new SortedList<>(filtered);
        TableView<ScanTable.Row> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("scanTable");
        table.getColumns().add(column(Messages.get("scan.col.finding"), ScanTable.Row::finding, 0.32));
        table.getColumns().add(column(Messages.get("scan.col.spn"), ScanTable.Row::spn, 0.20));
        table.getColumns().add(column(Messages.get("scan.col.holders"), ScanTable.Row::holders, 0.16));
        table.getColumns().add(column(Messages.get("scan.col.hosts"), ScanTable.Row::hosts, 0.14));
        table.getColumns().add(column(Messages.get("scan.col.cause"), ScanTable.Row::cause, 0.16));
        table.getColumns().forEach(c -> c.prefWidthProperty().bind(table.widthProperty().multiply((Double) c.getUserData())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("scan.table.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = new Label();
        count.setId("scanCount");
        Runnable recount = () -> count.setText(Messages.get("scan.shown", filtered.size(), model.rows().size()));
        filtered.addListener((javafx.collections.ListChangeListener<ScanTable.Row>) c -> recount.run());
        recount.run();

        TextArea detailText = Ui.code("");
        detailText.textProperty().bind(model.detailProperty());
        TitledPane details = new TitledPane(Messages.get("details"), detailText);
        details.setExpanded(false);
        Ui.hideWhenEmpty(details, model.detailProperty());

        Button diagnoseButton = new Button(Messages.get("scan.diagnose"));
        diagnoseButton.setId("scanDiagnose");
        diagnoseButton.setMnemonicParsing(true);
        diagnoseButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        diagnoseButton.setDefaultButton(true);
        diagnoseButton.setOnAction(e -> {
            ScanTable.Row r = table.getSelectionModel().getSelectedItem();
            if (r != null && !r.hostNames().isEmpty()) {
                diagnose.accept(r.hostNames().get(0));
            }
        });
        Button csv = new Button(Messages.get("scan.export.csv"));
        csv.setId("scanExportCsv");
        csv.setMnemonicParsing(true);
        Button html = new Button(Messages.get("scan.export.html"));
        html.setId("scanExportHtml");
        html.setMnemonicParsing(true);
        Label saved = new Label();
        saved.setId("scanSaved");
        Ui.wrap(saved);
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows()));
        html.disableProperty().bind(csv.disableProperty());
        csv.setOnAction(e -> export(files, table, "spn-doctor-scan.csv", model.csv(java.util.List.copyOf(sorted)), saved));
        html.setOnAction(e -> export(files, table, "spn-doctor-scan.html", model.html(java.util.List.copyOf(sorted)), saved));

        Button stop = new Button(Messages.get("scan.stop"));
        stop.setMnemonicParsing(true);
        stop.setId("scanStop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.cancel());
        Button again = new Button(Messages.get("scan.again"));
        again.setMnemonicParsing(true);
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(e -> model.start());
        Stage stage = new Stage();
        Button close = new Button(Messages.get("button.close"));
        close.setMnemonicParsing(true);
        close.setCancelButton(true);
        close.setOnAction(e -> {
            model.cancel();
            stage.close();
        });
        HBox filterRow = new HBox(Ui.labelFor(Messages.get("scan.filter"), filter), filter, count);
        filterRow.getStyleClass().add("button-row");
        HBox exportRow = new HBox(diagnoseButton, csv, html);
        exportRow.getStyleClass().add("button-row");
        HBox buttons = new HBox(stop, again, close);
        buttons.getStyleClass().add("button-row");
        VBox root = new VBox(new HBox(spinner, progress), outcome, filterRow, table, exportRow, saved, details, buttons);
        root.getStyleClass().add(Styles.PAGE);
        Scene scene = new Scene(root, 980, 600);
        Theme.style(scene);
        stage.initOwner(owner);
        stage.setTitle(Messages.get("scan.title", model.banner()));
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        model.start();
        return stage;
    }

    private static TableColumn<ScanTable.Row, String> column(String title, Function<ScanTable.Row, String> value, double share) {
        TableColumn<ScanTable.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setUserData(share);
        c.setSortable(true);
        return c;
    }

    private static void export(FileDialogs files, javafx.scene.Node owner, String name, String text, Label saved) {
        files.saveFile(owner, Messages.get("scan.export.title"), name).ifPresent(p -> {
            try {
                Files.writeString(p, text, StandardCharsets.UTF_8);
                saved.setText(Messages.get("scan.export.saved", p));
            } catch (IOException ex) {
                saved.setText(Messages.get("scan.export.failed", p, ex.getMessage()));
            }
        });
    }
}
