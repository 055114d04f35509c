package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.diagnosis.Question;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.Optional;

/**
 * The deciding question on the Diagnosis page: its text, one button per answer, and what the user said so far with a
 * link to take the answers back. Hidden when there is neither a question nor an answer. The buttons are never
 * default buttons: Enter keeps doing the page's main action.
 */
public final class QuestionPane extends VBox {
    private final Label title = new Label();
    private final Label text = new Label();
    private final FlowPane choices = new FlowPane(8, 6);
    private final VBox said = new VBox(2);
    private final Hyperlink forget = new Hyperlink(Messages.get("question.forget"));

    public QuestionPane(QuestionModel model, ObservableBooleanValue busy) {
        setId("questionPane");
        // not the "card" class: the cause cards are looked up by it; same look, until the stylesheet has a rule
        getStyleClass().add("question-pane");
        // its box: .question-pane in app.css (the theme's accent colour, which differs between Primer and Modena)
        setSpacing(6);
        title.getStyleClass().add("card-title");
        text.setWrapText(true);
        text.setId("questionText");
        text.textProperty().bind(model.textProperty());
        forget.setId("forgetAnswers");
        forget.setOnAction(e -> model.clear());
        forget.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        model.questionProperty().addListener((o, a, q) -> rebuild(model, q, busy));
        model.said().addListener((ListChangeListener<String>) c -> rebuild(model, model.questionProperty().get(), busy));
        rebuild(model, model.questionProperty().get(), busy);
    }

    private void rebuild(QuestionModel model, Optional<Question> q, ObservableBooleanValue busy) {
        getChildren().clear();
        choices.getChildren().clear();
        said.getChildren().clear();
        for (String s : model.said()) {
            Label l = new Label("✓ " + s);
            l.setWrapText(true);
            said.getChildren().add(l);
        }
        boolean any = q.isPresent() || !model.said().isEmpty();
        setVisible(any);
        setManaged(any);
        if (q.isPresent()) {
            title.setText(Messages.get(q.get().kind() == Question.Kind.CHECK ? "question.title.check" : "question.title"));
            for (Question.Choice c : q.get().choices()) {
                Button b = new Button(c.label());
                b.setId("answer-" + c.value());
                b.setDefaultButton(false);
                b.setWrapText(true);
                b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
                b.setOnAction(e -> model.answer(c));
                choices.getChildren().add(b);
            }
            getChildren().addAll(title, text, choices);
        } else {
            title.setText(Messages.get("question.title.answered"));
            getChildren().add(title);
        }
        if (!model.said().isEmpty()) {
            getChildren().addAll(said, forget);
        }
    }
}
