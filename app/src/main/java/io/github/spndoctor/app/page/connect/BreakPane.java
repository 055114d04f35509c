package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** "Break it yourself" (trainers): a choice of breaking actions, what the class will see, and Review this break. */
public final class BreakPane extends VBox {
    public BreakPane(BreakModel model) {
        setSpacing(6);
        setId("breakPane");
        Label heading = new Label("Brea_k it yourself (on " + model.host() + ")");
        heading.setMnemonicParsing(true);
        ComboBox<String> choice = new ComboBox<>(model.breaks());
        choice.setId("breakChoice");
        heading.setLabelFor(choice);
        choice.valueProperty().bindBidirectional(model.chosenProperty());
        choice.setCellFactory(l -> new TitleCell(model));
        choice.setButtonCell(new TitleCell(model));
        choice.setMaxWidth(Double.MAX_VALUE);
        Label sees = new Label();
        sees.setId("breakClassSees");
        sees.setWrapText(true);
        sees.textProperty().bind(Bindings.createStringBinding(() -> model.chosenProperty().get() == null ? ""
                : "The class will see: " + model.classSees(model.chosenProperty().get()), model.chosenProperty()));
        Button review = new Button("Re_view this break");
        review.setId("reviewBreak");
        review.setMnemonicParsing(true);
        review.disableProperty().bind(model.chosenProperty().isNull().or(model.busyProperty()));
        review.setOnAction(e -> model.review());
        Label status = new Label();
        status.setId("breakStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.NOTE);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, choice, review);
        javafx.scene.layout.HBox.setHgrow(choice, javafx.scene.layout.Priority.ALWAYS);
        review.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        getChildren().addAll(heading, row, sees, status);
    }

    private static final class TitleCell extends ListCell<String> {
        private final BreakModel model;

        TitleCell(BreakModel model) { this.model = model; }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            setText(empty || id == null ? "" : model.title(id));
        }
    }
}
