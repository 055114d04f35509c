package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.core.demo.Scenario;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The scenario picker (trainers): a choice of scenarios, the chosen one's story, Open and Reset demo. */
public final class ScenarioPane extends VBox {
    public ScenarioPane(ScenarioModel model) {
        setSpacing(6);
        setId("scenarioPane");
        Label heading = new Label("_Trainer scenario");
        heading.setMnemonicParsing(true);
        ComboBox<Scenario> choice = new ComboBox<>(model.scenarios());
        choice.setId("scenarioChoice");
        heading.setLabelFor(choice);
        choice.valueProperty().bindBidirectional(model.chosenProperty());
        choice.setCellFactory(l -> new TitleCell());
        choice.setButtonCell(new TitleCell());
        choice.setMaxWidth(Double.MAX_VALUE);
        Label story = new Label();
        story.setId("scenarioStory");
        story.setWrapText(true);
        story.textProperty().bind(Bindings.createStringBinding(() -> model.chosenProperty().get() == null ? ""
                : model.chosenProperty().get().story() + "\nThe class will see: " + model.chosenProperty().get().classSees(),
                model.chosenProperty()));
        Button open = new Button("Open this scenario");
        open.setId("openScenario");
        open.disableProperty().bind(model.chosenProperty().isNull());
        open.setOnAction(e -> model.open());
        Button reset = new Button("Reset demo");
        reset.setId("resetDemo");
        reset.setOnAction(e -> model.reset());
        Label status = new Label();
        status.setId("scenarioStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.NOTE);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(heading, choice, story, new HBox(8, open, reset), status);
    }

    private static final class TitleCell extends ListCell<Scenario> {
        @Override
        protected void updateItem(Scenario s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? "" : s.title());
        }
    }
}
