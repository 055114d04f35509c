package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** View of the Connect page. */
public final class ConnectPage implements PageView {
    private final VBox root = new VBox();
    private final RadioButton demo = new RadioButton(Messages.get("connect.demo"));
    /** The trainer's panes (scenario picker, break it yourself) under the demo choice: folded, built when opened. */
    private final java.util.List<java.util.function.Supplier<Node>> trainerPanes = new java.util.ArrayList<>();
    private final io.github.spndoctor.app.ui.Fold trainer = Ui.fold(Messages.get("connect.trainer"), "trainerTools", () -> {
        VBox box = new VBox(12);
        trainerPanes.forEach(p -> box.getChildren().add(p.get()));
        return box;
    });

    public ConnectPage(ConnectPageModel model, io.github.spndoctor.app.ui.FileDialogs files,
                       java.util.function.Consumer<io.github.spndoctor.core.remedy.Plan> review) {
        ToggleGroup group = new ToggleGroup();
        demo.setId("demoChoice");
        demo.setToggleGroup(group);
        demo.setMnemonicParsing(true);
        demo.setSelected(true);
        Label demoHelp = new Label(Messages.get("connect.demo.help"));
        demoHelp.setWrapText(true);
        demoHelp.getStyleClass().add(Styles.NOTE);
        Label status = Ui.text(model.demoStatusProperty(), Styles.NOTE);
        status.setId("demoStatus");
        demo.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                model.modeProperty().set(ConnectPageModel.Mode.DEMO);
            }
        });

        RadioButton liveChoice = new RadioButton(Messages.get("connect.live"));
        liveChoice.setId("liveChoice");
        liveChoice.setToggleGroup(group);
        liveChoice.setMnemonicParsing(true);
        liveChoice.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                model.modeProperty().set(ConnectPageModel.Mode.LIVE);
            }
        });
        // the live form is built when first chosen: the demo path starts faster without it
        VBox livePane = new VBox();
        livePane.visibleProperty().bind(liveChoice.selectedProperty());
        livePane.managedProperty().bind(livePane.visibleProperty());
        liveChoice.selectedProperty().addListener((o, a, b) -> {
            if (b && livePane.getChildren().isEmpty()) {
                livePane.getChildren().add(new LiveConnectPane(model.live()));
            }
        });
        model.modeProperty().addListener((o, a, b) -> (b == ConnectPageModel.Mode.LIVE ? liveChoice : demo).setSelected(true));

        CheckBox allow = new CheckBox(Messages.get("connect.allowChanges"));
        allow.setId("allowChanges");
        allow.setMnemonicParsing(true);
        // both ways, with two listeners: bindBidirectional would load javafx.beans.binding.Bindings before the first
        // frame (ADR 0105)
        allow.setSelected(model.allowChangesProperty().get());
        allow.selectedProperty().addListener((o, a, b) -> model.allowChangesProperty().set(b));
        model.allowChangesProperty().addListener((o, a, b) -> allow.setSelected(b));
        Label allowHelp = new Label(Messages.get("connect.allowChanges.help"));
        allowHelp.setWrapText(true);
        allowHelp.getStyleClass().add(Styles.NOTE);

        Label error = Ui.error(model.errorProperty());
        error.setId("connectError");
        VBox details = Ui.details(model.errorDetailProperty(), "connectDetails");

        Label intro = new Label(Messages.get("connect.intro"));
        intro.setWrapText(true);
        javafx.scene.control.Button scan = new javafx.scene.control.Button(Messages.get("connect.scan"));
        scan.setId("scanButton");
        scan.setMnemonicParsing(true);
        scan.disableProperty().bind(model.busyProperty());
        scan.setOnAction(e -> model.openScan());
        javafx.scene.control.Button journal = new javafx.scene.control.Button(Messages.get("connect.journal"));
        journal.setId("undoJournalButton");
        journal.setMnemonicParsing(true);
        journal.disableProperty().bind(model.busyProperty());
        journal.setOnAction(e -> files.openFile(root, Messages.get("connect.journal.title"))
                .ifPresent(f -> model.undoFromJournal(f, review)));
        Label scanHelp = new Label(Messages.get("connect.scan.help"));
        scanHelp.setWrapText(true);
        scanHelp.getStyleClass().add(Styles.NOTE);
        trainer.visibleProperty().bind(demo.selectedProperty());
        trainer.managedProperty().bind(trainer.visibleProperty());
        VBox content = new VBox(intro, demo, demoHelp, status, trainer, liveChoice, livePane, allow, allowHelp, error, details,
                Ui.rule(), scan, scanHelp, journal);
        content.getStyleClass().add(Styles.PAGE);
        root.getChildren().add(content);
        // the live form may not fit: the page scrolls once it is shown (built then, to keep start-up light)
        liveChoice.selectedProperty().addListener((o, a, b) -> {
            if (b && root.getChildren().get(0) == content) {
                javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
                scroll.setFitToWidth(true);
                root.getChildren().setAll(scroll);
            }
        });
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return demo; }

    /** Adds a trainer's pane under the demo choice (shown while the demo is chosen, built when the fold is opened). */
    public void addTrainerPane(java.util.function.Supplier<Node> pane) { trainerPanes.add(pane); }

}
