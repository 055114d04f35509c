package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Question;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The deciding question on the Diagnosis page: the question core's {@code DecidingQuestion} picked (or none), the
 * answers given so far ("You said: …"), and the action that answers. Answering hands the new answer list to the
 * page model, which re-ranks off the UI thread. UI thread only.
 */
public final class QuestionModel {
    private final ReadOnlyObjectWrapper<Optional<Question>> question = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ObservableList<Answer> answers = FXCollections.observableArrayList();
    private final ObservableList<String> said = FXCollections.observableArrayList();
    private Consumer<List<Answer>> rerank = a -> { };

    /** The question to ask now, or empty. */
    public ReadOnlyObjectProperty<Optional<Question>> questionProperty() { return question.getReadOnlyProperty(); }

    /** The question's text with the server's name filled in. */
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    /** The answers given, in order. */
    public List<Answer> answers() { return List.copyOf(answers); }

    /** "You said: …" for each answer, in order. */
    public ObservableList<String> said() { return FXCollections.unmodifiableObservableList(said); }

    void onAnswer(Consumer<List<Answer>> rerank) { this.rerank = rerank; }

    /** Shows the question core chose for the current ranking (empty: none is needed). */
    void show(Optional<Question> q, Optional<String> serverName) {
        question.set(q);
        text.set(q.map(x -> x.text(serverName)).orElse(""));
    }

    /** Answers the shown question with one of its choices and asks for a new ranking. */
    public void answer(Question.Choice choice) {
        Question q = question.get().orElseThrow(() -> new IllegalStateException("no question is shown"));
        answers.removeIf(a -> a.question().id().equals(q.id()));
        answers.add(new Answer(q, choice));
        said.setAll(answers.stream().map(Answer::said).toList());
        question.set(Optional.empty());
        rerank.accept(answers());
    }

    /** Forgets every answer (a new symptom or target, or the user takes them back) and asks for a new ranking. */
    public void clear() {
        boolean had = !answers.isEmpty();
        reset();
        if (had) {
            rerank.accept(List.of());
        }
    }

    /** Forgets every answer without re-ranking. */
    void reset() {
        answers.clear();
        said.clear();
        question.set(Optional.empty());
        text.set("");
    }
}
