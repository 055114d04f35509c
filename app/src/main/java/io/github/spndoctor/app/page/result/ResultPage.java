package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.ui.Callout;
import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** View of the Result page: status per change, the outcome, and Check again / Undo / Save report. */
public final class ResultPage implements PageView {
    private final VBox root = new VBox();
    private final VBox rows = new VBox();
    private final Label outcome;
    private final Button startOver = new Button(Messages.get("button.startOver"));
    private final VBox extras = new VBox();

    public ResultPage(ResultPageModel model, FileDialogs files) {
        root.getStyleClass().add(Styles.PAGE);
        rows.setId("changeRows");
        model.rows().addListener((ListChangeListener<ChangeRow>) c -> rebuild(model));
        outcome = Ui.heading(model.outcomeProperty());
        outcome.setId("outcome");
        VBox details = Ui.details(model.detailProperty(), "resultDetails");

        Button check = new Button(Messages.get("button.checkAgain"));
        check.setId("checkAgain");
        check.setMnemonicParsing(true);
        check.disableProperty().bind(model.busyProperty().or(model.canCheckProperty().not()));
        Button undo = new Button(Messages.get("button.undoChanges"));
        undo.setId("undoButton");
        undo.setMnemonicParsing(true);
        undo.disableProperty().bind(model.busyProperty().or(model.canUndoProperty().not()));
        undo.setOnAction(e -> model.undo());
        Button report = new Button(Messages.get("button.saveReport"));
        report.setId("saveReport");
        report.setMnemonicParsing(true);
        report.disableProperty().bind(model.busyProperty());
        report.setOnAction(e -> files.saveFile(root, Messages.get("result.report.title"), "spn-doctor-report.md")
                .ifPresent(model::saveReport));
        startOver.setId("startOver");
        startOver.setMnemonicParsing(true);
        startOver.disableProperty().bind(model.busyProperty());
        startOver.setOnAction(e -> model.startOver());
        HBox actions = new HBox(check, undo, report, startOver);
        actions.getStyleClass().add("button-row");

        Label checkResult = Ui.text(model.checkProperty(), Styles.HEADING);
        checkResult.setId("checkResult");
        Label checkDetails = Ui.text(model.checkDetailsProperty(), Styles.NOTE);
        checkDetails.setId("checkDetails");
        Label notice = Ui.text(model.noticeProperty(), Styles.NOTE);
        notice.setId("resultNotice");
        // the check's verdict stands out: a box with icon, word and colour (fixed, not fixed, steps remain, …)
        javafx.scene.layout.HBox checkBox = Callout.of(Tone.UNKNOWN, "");
        checkBox.getStyleClass().add("verdict");
        checkBox.getChildren().set(1, checkResult);
        HBox.setHgrow(checkResult, javafx.scene.layout.Priority.ALWAYS);
        checkResult.setMaxWidth(Double.MAX_VALUE);
        Ui.hideWhenEmpty(checkBox, model.checkProperty());
        model.checkVerdictProperty().addListener((o, a, b) -> Callout.tone(checkBox, tone(b)));
        KeepPlace.install(check, checkBox, checkResult, outcome, model.busyProperty(), model::checkAgain);
        root.getChildren().addAll(rows, outcome, details, actions, new ConvergencePane(model.convergence()), checkBox, checkDetails,
                notice, extras);
    }

    @Override
    public VBox extras() { return extras; }

    private void rebuild(ResultPageModel model) {
        rows.getChildren().clear();
        int i = 0;
        for (ChangeRow r : model.rows()) {
            Label l = Ui.wrap(new Label());
            l.setId("change-" + i++);
            l.textProperty().bind(Bindings.createStringBinding(() -> r.statusProperty().get().text() + " — "
                    + r.description() + (r.messageProperty().get().isEmpty() ? "" : ": " + r.messageProperty().get()),
                    r.statusProperty(), r.messageProperty()));
            rows.getChildren().add(l);
        }
    }

    /** The tone of a check's verdict. */
    static Tone tone(io.github.spndoctor.core.verify.VerifyResult.Verdict v) {
        if (v == null) {
            return Tone.UNKNOWN;
        }
        return switch (v) {
            case FIXED, UNDONE -> Tone.GOOD;
            case STEPS_REMAIN, GUIDANCE -> Tone.WARNING;
            case NOT_FIXED, NOT_UNDONE -> Tone.BAD;
            case UNKNOWN -> Tone.UNKNOWN;
        };
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return outcome; }
}
