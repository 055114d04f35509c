package io.github.spndoctor.app.page.diagnosis;

import java.util.List;

/**
 * The outcome of a diagnosis for the page: ranked cause cards (best first) and whether directory evidence was used
 * (a verdict) or only the text (a hypothesis), and the question that would separate the leading causes, if any
 * (with the server's name for its text). Immutable.
 */
public record Findings(List<CauseCard> causes, boolean verdict, boolean lookupFailed,
                       List<io.github.spndoctor.core.diagnosis.RankedCause> ranked,
                       java.util.Optional<io.github.spndoctor.core.diagnosis.Question> question,
                       java.util.Optional<String> serverName) {
    public Findings {
        causes = List.copyOf(causes);
        ranked = List.copyOf(ranked);
    }

    /** Findings without a deciding question. */
    public Findings(List<CauseCard> causes, boolean verdict, boolean lookupFailed,
                    List<io.github.spndoctor.core.diagnosis.RankedCause> ranked) {
        this(causes, verdict, lookupFailed, ranked, java.util.Optional.empty(), java.util.Optional.empty());
    }
}
