package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a diagnosis: causes ranked best first (every cause with any support, and always {@code unknown}),
 * the symptom they were read from, whether directory evidence was used ({@code verdict}; false means the ranking is
 * a hypothesis from text alone), the lookup and the DNS facts used, and the user's answers to questions (evidence
 * too, in the order given). Immutable.
 */
public record Diagnosis(List<RankedCause> causes, Symptom symptom, boolean verdict, Optional<LookupResult> lookup,
                        Optional<NameFacts> names, List<Answer> answers) {
    public Diagnosis {
        causes = List.copyOf(causes);
        answers = List.copyOf(answers);
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(names, "names");
    }

    /** A diagnosis without answers to questions. */
    public Diagnosis(List<RankedCause> causes, Symptom symptom, boolean verdict, Optional<LookupResult> lookup,
                     Optional<NameFacts> names) {
        this(causes, symptom, verdict, lookup, names, List.of());
    }

    /** The one question that would best separate the leading causes, when one would help (see {@link DecidingQuestion}). */
    public Optional<Question> question() {
        return DecidingQuestion.next(this);
    }

    /** The best-ranked cause. */
    public RankedCause top() { return causes.get(0); }

    /** The ranked entry for {@code id}, if it has any support. */
    public Optional<RankedCause> cause(CauseId id) {
        return causes.stream().filter(c -> c.id() == id).findFirst();
    }

    /** 1-based rank of {@code id}, or 0 when it is not ranked. */
    public int rank(CauseId id) {
        for (int i = 0; i < causes.size(); i++) {
            if (causes.get(i).id() == id) {
                return i + 1;
            }
        }
        return 0;
    }
}
