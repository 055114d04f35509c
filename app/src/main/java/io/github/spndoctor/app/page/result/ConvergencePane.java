package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.core.converge.DcState;
import io.github.spndoctor.core.converge.DcStatus;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The per-domain-controller table of the Result page: one row per DC with its site, its state as icon + word +
 * colour, the time since the write and where the value came from; the countdown with Stop while watching; the
 * verdict and the steps left on the clients. Hidden until a watch starts.
 */
public final class ConvergencePane extends VBox {
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);
    private final GridPane table = new GridPane();

    public ConvergencePane(ConvergenceModel model) {
        setId("convergence");
        getStyleClass().add("convergence");
        setSpacing(4);
        Label title = new Label("Domain controllers");
        title.getStyleClass().add(Styles.HEADING);
        table.setId("convergenceTable");
        table.setHgap(14);
        table.setVgap(2);
        Label verdict = Ui.text(model.verdictProperty(), Styles.HEADING);
        verdict.setId("convergenceVerdict");
        Label countdown = Ui.text(model.countdownProperty(), Styles.NOTE);
        countdown.setId("convergenceCountdown");
        Button stop = new Button("_Stop watching");
        stop.setId("convergenceStop");
        stop.setMnemonicParsing(true);
        stop.setOnAction(e -> model.stop());
        stop.visibleProperty().bind(model.watchingProperty());
        stop.managedProperty().bind(model.watchingProperty());
        HBox wait = new HBox(8, countdown, stop);
        Label compared = Ui.text(model.comparedProperty(), Styles.NOTE);
        compared.setId("convergenceCompared");
        Label steps = Ui.text(model.stepsProperty(), Styles.NOTE);
        steps.setId("convergenceSteps");
        getChildren().addAll(title, table, verdict, wait, compared, steps, new KdcPane(model.kdcs()));
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(model.shownProperty());
        model.dcs().addListener((ListChangeListener<DcStatus>) c -> rebuild(model));
    }

    private void rebuild(ConvergenceModel model) {
        table.getChildren().clear();
        int row = 0;
        for (DcStatus d : model.dcs()) {
            Label name = new Label(d.dc().name());
            Label site = new Label(d.dc().site());
            Label state = new Label(icon(d.state()) + " " + d.state().words());
            state.setId("dc-state-" + d.dc().shortName().toLowerCase(java.util.Locale.ROOT));
            state.getStyleClass().add("dc-" + d.state().id());
            state.getStyleClass().addAll(Styles.TONED, Styles.STRONG);
            tone(d.state()).applyTo(state);
            Label time = new Label(d.state() == DcState.CONVERGED ? "after " + d.secondsText() : d.secondsText() + " so far");
            Label origin = new Label(d.origin().map(o -> "written on " + o.originatingDc() + " at "
                    + TIME.format(o.changedAt())).orElse(""));
            if (!d.detail().isEmpty()) {
                state.setTooltip(new Tooltip(d.detail()));
            }
            for (Label l : new Label[]{name, site, state, time, origin}) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            table.addRow(row++, name, site, state, time, origin);
            if (!d.detail().isEmpty() && d.state() != DcState.CONVERGED) {
                Label detail = new Label(d.detail());
                detail.setWrapText(true);
                detail.setMaxWidth(760);
                detail.getStyleClass().add(Styles.NOTE);
                table.add(detail, 0, row++, 5, 1);
            }
        }
    }

    static String icon(DcState s) {
        return switch (s) {
            case CONVERGED -> "✓";
            case STALE -> "…";
            case UNREACHABLE -> "✗";
        };
    }

    /** Converged green, stale amber, unreachable red. */
    static Tone tone(DcState s) {
        return switch (s) {
            case CONVERGED -> Tone.GOOD;
            case STALE -> Tone.WARNING;
            case UNREACHABLE -> Tone.BAD;
        };
    }
}
