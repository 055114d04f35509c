package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** View of the Lookup page: busy state, then the SPN table; or the failure with its details. */
public final class LookupPage implements PageView {
    private final VBox root = new VBox();
    private final Label summary;
    private final Label verdictLine;
    private final TableView<LookupRow> table;
    private final VBox extras = new VBox();
    private final javafx.collections.ObservableList<LookupRow> shown = javafx.collections.FXCollections.observableArrayList();
    private final LookupPageModel model;
    /** Set while a rehearsal lays the table out: it is shown then, with sample rows, off the screen. */
    private final javafx.beans.property.BooleanProperty rehearsing = new javafx.beans.property.SimpleBooleanProperty();

    public LookupPage(LookupPageModel model) {
        root.getStyleClass().add(Styles.PAGE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("lookupStatus");
        HBox busy = new HBox(progress, status);
        busy.getStyleClass().add("busy-row");
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        // the verdict first on the page, boxed: icon + word + colour from core's verdict, then its sentence
        verdictLine = Ui.heading(model.verdictProperty());
        verdictLine.setId("lookupVerdict");
        javafx.scene.layout.HBox verdict = io.github.spndoctor.app.ui.VerdictBox.of(verdictLine, model.hostVerdictProperty(), "lookupVerdictWord");
        summary = Ui.text(model.summaryProperty(), Styles.NOTE);
        summary.setId("lookupSummary");

        // the table shows a list of its own that follows the model's rows: a rehearsal fills the same list (a new
        // items list would make the table throw its rows and cells away and build them again). While the model has
        // no rows the table is hidden and keeps the rows it had: a table whose items go from none to some throws
        // all its cells away and makes new ones, and that would undo the rehearsal in the frame the rows arrive.
        table = new TableView<>(shown);
        this.model = model;
        model.rows().addListener((javafx.collections.ListChangeListener<LookupRow>) c -> {
            if (!model.rows().isEmpty()) {
                shown.setAll(model.rows());
                shareColumns();
            }
        });
        table.setId("lookupTable");
        table.getColumns().add(column(Messages.get("lookup.col.spn"), LookupRow::spn));
        table.getColumns().add(column(Messages.get("lookup.col.holder"), LookupRow::holder));
        table.getColumns().add(column(Messages.get("lookup.col.kind"), LookupRow::kind));
        TableColumn<LookupRow, LookupRow> statusColumn = new TableColumn<>(Messages.get("lookup.col.status"));
        statusColumn.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        statusColumn.setCellFactory(c -> new io.github.spndoctor.app.ui.StatusCell<>(LookupPage::statusId, LookupRow::statusText, LookupRow::why));
        table.getColumns().add(statusColumn);
        // widths in proportion (the constrained policy shares the table's width by pref width); no binding to the
        // table's width, which followed the page's overflow and squeezed the status words to "wrong …"
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        shareColumns();
        table.setMinHeight(160);
        table.setPlaceholder(new Label(""));
        VBox.setVgrow(table, Priority.ALWAYS);
        // shown when there are rows of the session's own and no error (or while a rehearsal lays it out)
        table.visibleProperty().bind(model.errorProperty().isEmpty()
                .and(javafx.beans.binding.Bindings.isNotEmpty(model.rows()).or(rehearsing)));
        table.managedProperty().bind(table.visibleProperty());

        Label error = Ui.error(model.errorProperty());
        error.setId("lookupError");
        VBox details = Ui.details(model.errorDetailProperty(), "lookupDetails");
        Button retry = new Button(Messages.get("lookup.retry"));
        retry.setId("retryLookup");
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> model.start());
        retry.visibleProperty().bind(model.errorProperty().isNotEmpty().and(model.busyProperty().not()));
        retry.managedProperty().bind(retry.visibleProperty());

        root.getChildren().addAll(busy, verdict, summary, table, error, details, retry, extras);
    }

    /** The status id the row's badge is toned by. */
    static String statusId(LookupRow row) {
        return row.spnStatus().id();
    }

    @Override
    public VBox extras() { return extras; }

    private static TableColumn<LookupRow, String> column(String title, Function<LookupRow, String> value) {
        TableColumn<LookupRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /**
     * Two steps: a few sample rows, then more than a 1024×768 window shows, a row per SPN state (rows, cells, badges,
     * text); each puts the model's rows back if it has any. Until it has, the sample rows stay in the hidden table:
     * the table keeps the cells it made, and the first real lookup only fills them in.
     */
    @Override
    public java.util.List<Runnable> rehearsal() {
        return java.util.List.of(() -> layOutRows(4), () -> layOutRows(REHEARSAL_ROWS));
    }

    private void layOutRows(int count) {
        var statuses = io.github.spndoctor.core.lookup.SpnStatus.values();
        java.util.List<LookupRow> sample = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            var st = statuses[i % statuses.length];
            sample.add(new LookupRow("HTTP/rehearsal" + i + ".example.test:5985", "svc-rehearsal", "user",
                    io.github.spndoctor.core.lookup.LookupResult.Status.values()[i % 4], st, st.words()));
        }
        shown.setAll(sample);
        rehearsing.set(true);
        root.applyCss();
        root.layout();
        // as tall as the whole page, the table makes a row cell for every row the page could show; the page's next
        // layout gives it its own height again and keeps the cells
        table.resize(table.getWidth(), Math.max(table.getHeight(), root.getHeight()));
        table.layout();
        rehearsing.set(false);
        if (!model.rows().isEmpty()) {
            shown.setAll(model.rows());
        }
        shareColumns();
    }

    /**
     * Gives the columns their shares of the width again. The constrained policy only rescales the widths it has, so a
     * first layout at another width (a rehearsal, a page still growing) would leave its proportions behind — a "Kind"
     * column squeezed to "…". Each new set of rows starts from the shares.
     */
    private void shareColumns() {
        double[] share = {35, 17, 8, 40};
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (int i = 0; i < share.length; i++) {
            // a column's width follows its pref width when that changes: set it off and back
            table.getColumns().get(i).setPrefWidth(share[i] * 10 + 1);
            table.getColumns().get(i).setPrefWidth(share[i] * 10);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    /** Rows laid out in a rehearsal: more than a 1024×768 window shows, so every visible row has its cell ready. */
    static final int REHEARSAL_ROWS = 14;

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return verdictLine; }
}
