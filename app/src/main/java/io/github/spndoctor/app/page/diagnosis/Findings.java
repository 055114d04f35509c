package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.diagnosis.CauseSummary;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.diagnosis.Question;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a diagnosis for the page: ranked causes (best first), whether directory evidence was used (a
 * verdict) or only the text (a hypothesis), whether the lookup failed, the host's verdict at a glance, and the question
 * that would separate the leading causes, if any (with the server's name for its text). Immutable.
 */
public record Findings(List<CauseSummary> causes, boolean verdict, boolean lookupFailed,
                       List<io.github.spndoctor.core.diagnosis.RankedCause> ranked, HostVerdict host,
                       Optional<Question> question, Optional<String> serverName) {
    public Findings {
        causes = List.copyOf(causes);
        ranked = List.copyOf(ranked);
    }
}
