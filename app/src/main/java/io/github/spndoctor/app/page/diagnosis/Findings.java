package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.diagnosis.CauseSummary;
import io.github.spndoctor.core.diagnosis.HostVerdict;

import java.util.List;

/**
 * The outcome of a diagnosis for the page: ranked causes (best first), whether directory evidence was used (a
 * verdict) or only the text (a hypothesis), whether the lookup failed, and the host's verdict at a glance. Immutable.
 */
public record Findings(List<CauseSummary> causes, boolean verdict, boolean lookupFailed,
                       List<io.github.spndoctor.core.diagnosis.RankedCause> ranked, HostVerdict host) {
    public Findings {
        causes = List.copyOf(causes);
        ranked = List.copyOf(ranked);
    }
}
