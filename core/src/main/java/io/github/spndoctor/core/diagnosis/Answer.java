package io.github.spndoctor.core.diagnosis;

import java.util.Objects;

/**
 * The user's answer to a {@link Question}: evidence for the diagnosis ("You said: it works by IP address"), carried
 * in the ranking, the report and the JSON. Immutable.
 */
public record Answer(Question question, Question.Choice choice) {
    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(choice, "choice");
        if (question.choice(choice.value()).isEmpty()) {
            throw new IllegalArgumentException(choice.value() + " is not a choice of " + question.id());
        }
    }

    /** The answer for {@code questionId} and {@code value}; a clear message when either is unknown. */
    public static Answer of(String questionId, String value) {
        Question q = Questions.byId(questionId).orElseThrow(() -> new IllegalArgumentException(
                "Unknown question '" + questionId + "'. Questions: " + String.join(", ", Questions.ids()) + "."));
        Question.Choice c = q.choice(value).orElseThrow(() -> new IllegalArgumentException(
                "'" + value + "' is not an answer to " + questionId + ". Answers: " + q.values() + "."));
        return new Answer(q, c);
    }

    /** Parses {@code QUESTION_ID=VALUE} (the CLI's {@code --answer}). */
    public static Answer parse(String idEqualsValue) {
        String s = idEqualsValue == null ? "" : idEqualsValue.strip();
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw new IllegalArgumentException("An answer is QUESTION_ID=VALUE, e.g. works-by-ip=yes; got '"
                    + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'.");
        }
        return of(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }

    /** "works-by-ip=yes". */
    public String asArgument() {
        return question.id() + "=" + choice.value();
    }

    /** "You said: it works by IP address". */
    public String said() {
        return "You said: " + choice.said();
    }
}
