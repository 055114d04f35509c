package io.github.spndoctor.core.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A question that separates causes the evidence cannot tell apart, or a check the user can run, from the table in
 * {@link Questions}. Each choice says which causes its answer supports (positive weight) and which it speaks against
 * (negative weight); {@link DecidingQuestion} picks the one that best separates the leading causes. Immutable.
 *
 * @param id      stable identifier, used by {@code diagnose --answer ID=VALUE} and in JSON
 * @param text    the question as shown (plain words; "{name}" is replaced by the server name when known)
 * @param kind    a question about the setup, or a check to run
 * @param choices the possible answers, in display order
 */
public record Question(String id, String text, Kind kind, List<Choice> choices) {
    /** A question the user can answer from what they know, or a check they run first. */
    public enum Kind {
        QUESTION, CHECK;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One possible answer.
     *
     * @param value   stable identifier of the answer ("yes", "no", "service-account"...)
     * @param label   the button text
     * @param said    the answer as evidence, completing "You said: ..." ("it works by IP address")
     * @param effects per cause, in (-1, 1): positive supports, negative speaks against
     */
    public record Choice(String value, String label, String said, Map<CauseId, Double> effects) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(said, "said");
            effects = Map.copyOf(effects);
            for (Map.Entry<CauseId, Double> e : effects.entrySet()) {
                double w = e.getValue();
                if (!(w > -1 && w < 1) || w == 0) {
                    throw new IllegalArgumentException(value + ": weight for " + e.getKey().id() + " must be in (-1, 1) and not 0");
                }
            }
        }

        /** The effect on {@code cause}, 0 when the answer says nothing about it. */
        public double effect(CauseId cause) {
            return effects.getOrDefault(cause, 0.0);
        }
    }

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        if (choices.size() < 2) {
            throw new IllegalArgumentException(id + ": a question needs at least two choices");
        }
    }

    /** The choice with this value. */
    public Optional<Choice> choice(String value) {
        return choices.stream().filter(c -> c.value().equals(value)).findFirst();
    }

    /** The text with the server name filled in ("the server" when it is not known). */
    public String text(Optional<String> serverName) {
        return text.replace("{name}", serverName.orElse("<server>"));
    }

    /** The choices' values, for messages: "yes, no, not-tried". */
    public String values() {
        return String.join(", ", choices.stream().map(Choice::value).toList());
    }
}
