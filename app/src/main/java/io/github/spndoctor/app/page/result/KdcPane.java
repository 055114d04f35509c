package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * "Each domain controller's KDC" under the per-DC table: while asking, which DC's KDC it waits for and a Stop; then
 * one row per DC with whose key its ticket carries (icon + word + colour) and the plain-words reason; a button to
 * ask (again). Hidden until there is something to say.
 */
public final class KdcPane extends VBox {
    private final GridPane table = new GridPane();

    public KdcPane(KdcAskModel model) {
        setId("kdcCheck");
        setSpacing(4);
        Label title = new Label("Each domain controller's KDC");
        title.getStyleClass().add(Styles.HEADING);
        Label summary = Ui.text(model.summaryProperty(), null);
        summary.setId("kdcSummary");
        Label waiting = Ui.text(model.waitingForProperty(), Styles.NOTE);
        waiting.setId("kdcWaiting");
        Button stop = new Button("_Stop asking");
        stop.setId("kdcStop");
        stop.setMnemonicParsing(true);
        stop.setOnAction(e -> model.stop());
        stop.visibleProperty().bind(model.askingProperty());
        stop.managedProperty().bind(model.askingProperty());
        Button ask = new Button("Ask each _DC's KDC");
        ask.setId("kdcAsk");
        ask.setMnemonicParsing(true);
        ask.setOnAction(e -> model.ask());
        ask.visibleProperty().bind(model.canAskProperty());
        ask.managedProperty().bind(model.canAskProperty());
        ask.textProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(model.dcs()))
                .then("Ask each _DC's KDC").otherwise("Ask each _DC's KDC again"));
        table.setId("kdcTable");
        table.setHgap(14);
        table.setVgap(2);
        HBox wait = new HBox(8, waiting, stop, ask);
        getChildren().addAll(title, summary, wait, table);
        var shown = model.summaryProperty().isNotEmpty().or(model.askingProperty());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
        model.dcs().addListener((ListChangeListener<KdcReport.PerDc>) c -> rebuild(model));
    }

    private void rebuild(KdcAskModel model) {
        table.getChildren().clear();
        int row = 0;
        for (KdcReport.PerDc d : model.dcs()) {
            Label name = new Label(d.dc().dc().shortName());
            Label state = new Label(KdcAskModel.icon(d.verdict()) + " " + d.verdict().words());
            state.setId("kdc-state-" + d.dc().dc().shortName().toLowerCase(Locale.ROOT));
            state.getStyleClass().add("kdc-" + d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            state.getStyleClass().addAll(Styles.TONED, Styles.STRONG);
            tone(d.verdict()).applyTo(state);
            Label words = new Label(String.join("\n", d.words()));
            words.setWrapText(true);
            words.setMaxWidth(720);
            words.getStyleClass().add(Styles.NOTE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            state.setMinWidth(Region.USE_PREF_SIZE);
            table.addRow(row++, name, state, words);
        }
    }

    /** In effect green; not yet, unclear or no ticket amber; the old holder still answering red. */
    static Tone tone(KdcCheck.Verdict v) {
        return switch (v) {
            case IN_EFFECT -> Tone.GOOD;
            case UNCLEAR, NOT_YET, NO_TICKET -> Tone.WARNING;
            case OLD_HOLDER -> Tone.BAD;
        };
    }
}
