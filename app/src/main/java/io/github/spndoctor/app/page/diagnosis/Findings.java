package io.github.spndoctor.app.page.diagnosis;

import java.util.List;

/**
 * The outcome of a diagnosis for the page: ranked cause cards (best first) and whether directory evidence was used
 * (a verdict) or only the text (a hypothesis). Immutable.
 */
public record Findings(List<CauseCard> causes, boolean verdict, boolean lookupFailed,
                       List<io.github.spndoctor.core.diagnosis.RankedCause> ranked) {
    public Findings {
        causes = List.copyOf(causes);
        ranked = List.copyOf(ranked);
    }
}
