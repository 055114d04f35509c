package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** View of the Connect page. */
public final class ConnectPage implements PageView {
    private final VBox root = new VBox();
    private final RadioButton demo = new RadioButton(Messages.get("connect.demo"));

    public ConnectPage(ConnectPageModel model) {
        root.getStyleClass().add(Styles.PAGE);
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

        CheckBox allow = new CheckBox(Messages.get("connect.allowChanges"));
        allow.setId("allowChanges");
        allow.setMnemonicParsing(true);
        allow.selectedProperty().bindBidirectional(model.allowChangesProperty());
        Label allowHelp = new Label(Messages.get("connect.allowChanges.help"));
        allowHelp.setWrapText(true);
        allowHelp.getStyleClass().add(Styles.NOTE);

        Label error = Ui.error(model.errorProperty());
        error.setId("connectError");
        TitledPane details = new TitledPane(Messages.get("details"), Ui.code(""));
        details.setExpanded(false);
        ((javafx.scene.control.TextArea) details.getContent()).textProperty().bind(model.errorDetailProperty());
        Ui.hideWhenEmpty(details, model.errorDetailProperty());

        Label intro = new Label(Messages.get("connect.intro"));
        intro.setWrapText(true);
        root.getChildren().addAll(intro, demo, demoHelp, status, allow, allowHelp,
                error, details);
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return demo; }
}
