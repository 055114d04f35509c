package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.symptom.AuthPackage;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.Clue;
import io.github.spndoctor.core.symptom.KnownError;

import java.util.List;
import java.util.Objects;

/**
 * One line of the rule table: when every condition holds, the text speaks for (positive weight) or against
 * (negative weight) a cause. Conditions are {@link KnownError}, {@link Clue}, {@link Client}, {@link AuthPackage}
 * or {@link TextSignal} constants. Immutable.
 *
 * @param weight in (-1, 1): the strength of the evidence on its own, combined with others as independent evidence
 * @param why    the reason shown next to the matched words
 */
public record Rule(CauseId cause, double weight, List<Object> when, String why) {
    public Rule {
        Objects.requireNonNull(cause, "cause");
        if (!(weight > -1 && weight < 1) || weight == 0) {
            throw new IllegalArgumentException("weight must be in (-1, 1) and not 0: " + weight);
        }
        when = List.copyOf(when);
        if (when.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        for (Object o : when) {
            if (!(o instanceof KnownError || o instanceof Clue || o instanceof Client || o instanceof AuthPackage
                    || o instanceof TextSignal)) {
                throw new IllegalArgumentException("not a rule condition: " + o);
            }
        }
        Objects.requireNonNull(why, "why");
    }
}
