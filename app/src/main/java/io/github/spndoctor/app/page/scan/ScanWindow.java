package io.github.spndoctor.app.page.scan;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The forest scan view: a window beside the wizard with progress, Stop, and the findings. Binds to {@link ScanModel}. */
public final class ScanWindow {
    private ScanWindow() {}

    /** Opens the view for {@code model} and starts the scan. */
    public static Stage open(Window owner, ScanModel model, String stylesheet) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(model.runningProperty());
        Label progress = Ui.text(model.progressProperty(), null);
        progress.setId("scanProgress");
        Label outcome = Ui.heading(model.outcomeProperty());
        outcome.setId("scanOutcome");
        ListView<String> findings = new ListView<>(model.findings());
        findings.setId("scanFindings");
        VBox.setVgrow(findings, Priority.ALWAYS);
        TextArea detailText = Ui.code("");
        detailText.textProperty().bind(model.detailProperty());
        TitledPane details = new TitledPane(Messages.get("details"), detailText);
        details.setExpanded(false);
        Ui.hideWhenEmpty(details, model.detailProperty());
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
        HBox buttons = new HBox(stop, again, close);
        buttons.getStyleClass().add("button-row");
        VBox root = new VBox(new HBox(spinner, progress), outcome, findings, details, buttons);
        root.getStyleClass().add(Styles.PAGE);
        Scene scene = new Scene(root, 820, 520);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.initOwner(owner);
        stage.setTitle(Messages.get("scan.title", model.banner()));
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        model.start();
        return stage;
    }
}
