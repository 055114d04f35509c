package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.core.probe.ProbeStep;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Test the connection" with Stop, the per-step lines (icon + word + colour) and the finding. Optional principal
 * and password for a test without a Kerberos session. Binds to {@link ProbePaneModel}; no logic.
 */
public final class ProbePane extends VBox {
    public ProbePane(ProbePaneModel model, String buttonText) {
        getStyleClass().add("probe-pane");
        setSpacing(4);
        Button test = new Button(buttonText);
        test.setId("probeButton");
        test.setMnemonicParsing(true);
        test.disableProperty().bind(model.busyProperty());
        Button stop = new Button(Messages.get("probe.stop"));
        stop.setId("probeStop");
        stop.setMnemonicParsing(true);
        stop.setCancelButton(false);
        stop.visibleProperty().bind(model.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.stop());
        TextField principal = new TextField();
        principal.setId("probePrincipal");
        principal.setPromptText(Messages.get("probe.user.prompt"));
        principal.setPrefColumnCount(16);
        principal.textProperty().bindBidirectional(model.principalProperty());
        PasswordField password = new PasswordField();
        password.setId("probePassword");
        password.setPrefColumnCount(10);
        password.disableProperty().bind(model.principalProperty().isEmpty());
        test.setOnAction(e -> {
            char[] pw = password.getText().toCharArray();
            model.setPassword(pw);
            java.util.Arrays.fill(pw, '\0');
            model.start();
        });
        Label as = new Label(Messages.get("probe.user"));
        as.setMnemonicParsing(true);
        as.setLabelFor(principal);
        HBox row = new HBox(8, test, stop, as, principal, new Label(Messages.get("probe.password")), password);
        row.getStyleClass().add("button-row");
        VBox lines = new VBox(2);
        lines.setId("probeLines");
        model.lines().addListener((ListChangeListener<ProbePaneModel.Line>) c -> {
            lines.getChildren().clear();
            for (ProbePaneModel.Line l : model.lines()) {
                Label line = new Label(mark(l.status()) + "  " + l.text());
                line.setWrapText(true);
                line.getStyleClass().add(Styles.TONED);
                tone(l.status()).applyTo(line);
                lines.getChildren().add(line);
            }
        });
        Label summary = new Label();
        summary.setId("probeSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Styles.HEADING);
        // the host's answer as icon + word + colour, then the finding in a sentence
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.summaryProperty().get().isEmpty()
                ? "" : verdictText(model.verdictProperty().get()) + "  " + model.summaryProperty().get(),
                model.summaryProperty(), model.verdictProperty()));
        summary.getStyleClass().add(Styles.TONED);
        // the tone is a state of the label (no inline style to parse, no new style lookup when the answer changes)
        model.verdictProperty().addListener((o, a, b) -> toneSummary(summary, b));
        toneSummary(summary, model.verdictProperty().get());
        Label advice = new Label();
        advice.setId("probeAdvice");
        advice.setWrapText(true);
        advice.getStyleClass().add(Styles.NOTE);
        advice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // the purge advice is read in full, never cut
        advice.textProperty().bind(model.adviceProperty());
        getChildren().addAll(row, summary, advice, lines);   // the verdict first, then the steps that led to it
        // Esc while the test runs stops it (and never reaches the wizard's own Esc, which would close it)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && model.stop()) {
                e.consume();
            }
        });
    }

    static String mark(ProbeStep.Status s) {
        return switch (s) {
            case RUNNING -> Messages.get("probe.status.running");
            case OK -> Messages.get("probe.status.ok");
            case PROBLEM -> Messages.get("probe.status.problem");
            case INFO -> Messages.get("probe.status.info");
        };
    }

    static String verdictText(ProbeStep.Status s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case OK -> Messages.get("probe.verdict.accepted");
            case PROBLEM -> Messages.get("probe.verdict.rejected");
            case RUNNING, INFO -> Messages.get("probe.verdict.other");
        };
    }

    private static void toneSummary(Label summary, ProbeStep.Status verdict) {
        if (verdict == null) {
            Tone.clear(summary);   // no answer yet: the heading's own colour
        } else {
            tone(verdict).applyTo(summary);
        }
    }

    /** Running or information blue, accepted green, rejected red. */
    static Tone tone(ProbeStep.Status s) {
        return switch (s) {
            case RUNNING, INFO -> Tone.FINE;
            case OK -> Tone.GOOD;
            case PROBLEM -> Tone.BAD;
        };
    }
}
