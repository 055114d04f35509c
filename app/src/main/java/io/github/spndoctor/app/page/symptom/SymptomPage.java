package io.github.spndoctor.app.page.symptom;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.beans.binding.Bindings;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.UnaryOperator;

/** View of the Symptom page. */
public final class SymptomPage implements PageView {
    private final VBox root = new VBox();
    private final TextArea text = new TextArea();

    public SymptomPage(SymptomPageModel model) {
        root.getStyleClass().add(Styles.PAGE);
        text.setId("symptomText");
        text.setWrapText(true);
        Ui.tabMovesFocus(text);   // a pasted error is not a place to type tabs: Tab goes on to the next field
        text.setPromptText(Messages.get("symptom.text.prompt"));
        text.setTextFormatter(new TextFormatter<String>(limit(SymptomPageModel.MAX_TEXT, model::pasteWasCut)));
        text.textProperty().bindBidirectional(model.textProperty());
        // in presentation mode the class sees the text with its secrets blanked (ADR 0710)
        Node textBox = io.github.spndoctor.app.ui.Presentation.redactedWhilePresenting(text);
        VBox.setVgrow(textBox, Priority.ALWAYS);
        Label notice = Ui.text(model.noticeProperty(), Styles.NOTE);
        notice.setId("symptomNotice");

        Label recognised = new Label();
        recognised.setId("recognised");
        recognised.setWrapText(true);
        recognised.getStyleClass().add(Styles.NOTE);
        recognised.setAccessibleRole(AccessibleRole.TEXT);
        recognised.textProperty().bind(Bindings.createStringBinding(
                () -> SymptomPageModel.summary(model.recognisedProperty().get()), model.recognisedProperty()));

        TextField target = new TextField();
        target.setId("targetField");
        target.setPromptText(Messages.get("symptom.target.prompt"));
        target.setTextFormatter(new TextFormatter<String>(limit(SymptomPageModel.MAX_TARGET, (all, kept) -> { })));
        target.textProperty().bindBidirectional(model.targetProperty());
        Label targetError = Ui.error(model.targetErrorProperty());
        targetError.setId("targetError");

        root.getChildren().addAll(Ui.labelFor(Messages.get("symptom.text.label"), text), textBox, notice,
                new Label(Messages.get("symptom.recognised.label")), recognised,
                Ui.labelFor(Messages.get("symptom.target.label"), target), target, targetError);
        root.getChildren().add(new EvidencePane(model.evidence(), model.targetProperty()));
        if (!model.commonChoices().isEmpty()) {
            ComboBox<SymptomPageModel.CommonChoice> common = new ComboBox<>();
            common.setId("commonSymptom");
            common.getItems().setAll(model.commonChoices());
            common.valueProperty().bindBidirectional(model.commonSymptomProperty());
            common.setPromptText(Messages.get("symptom.common.prompt"));
            root.getChildren().addAll(2, java.util.List.of(Ui.labelFor(Messages.get("symptom.common.label"), common), common));
        }
    }

    /** Keeps a field within {@code max} characters, cutting an over-long paste and handing on the whole of it. */
    static UnaryOperator<TextFormatter.Change> limit(int max, java.util.function.ObjIntConsumer<String> cut) {
        return change -> {
            int current = change.getControlText().length();
            int removed = change.getRangeEnd() - change.getRangeStart();
            int added = change.getText().length();
            int newLength = current - removed + added;
            if (newLength <= max) {
                return change;
            }
            int room = max - (current - removed);
            String all = change.getText();
            if (room <= 0) {
                cut.accept(all, 0);
                return null;
            }
            change.setText(all.substring(0, room));
            cut.accept(all, room);
            return change;
        };
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return text; }
}
