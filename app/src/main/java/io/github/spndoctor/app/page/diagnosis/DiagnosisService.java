package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.diagnosis.CauseSummary;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.session.Assessment;
import io.github.spndoctor.core.session.RepairSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page's view of the repair session's assessment ({@link RepairSession#assess()}): the ranked causes as
 * {@link CauseSummary} with the real names filled in, and the host's verdict. A failed lookup gives "unknown" first,
 * never a healthy verdict. Blocking (DNS on a live directory); runs off the UI thread.
 */
public final class DiagnosisService {
    public Findings diagnose(RepairSession repair) {
        Assessment a = repair.assess();
        Optional<LookupResult> lookup = repair.lastLookup();
        var target = repair.target().orElseThrow();
        Optional<Account> computer = lookup.flatMap(LookupResult::computer);
        List<CauseSummary> cards = new ArrayList<>();
        for (RankedCause c : a.diagnosis().causes()) {
            cards.add(CauseSummary.of(c, lookup.map(LookupResult::target).orElse(target), computer));
        }
        return new Findings(cards, a.diagnosis().verdict(), lookup.isEmpty() && repair.lookupFailure().isPresent(),
                a.diagnosis().causes(), a.verdict(), a.diagnosis().question(),
                io.github.spndoctor.core.report.DiagnosisJson.serverName(a.diagnosis()));
    }
}
