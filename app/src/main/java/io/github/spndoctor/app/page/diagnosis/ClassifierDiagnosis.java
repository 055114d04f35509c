package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Diagnosis from the directory evidence alone ({@link LookupClassifier}): used while the full diagnosis engine is
 * not available. A failed lookup gives the cause "unknown" with the failure as evidence.
 */
public final class ClassifierDiagnosis implements DiagnosisService {
    @Override
    public Findings diagnose(String symptomText, Optional<LookupResult> lookup, Optional<DirectoryException> failure) {
        if (lookup.isEmpty()) {
            String why = failure.map(Throwable::getMessage).orElse(Messages.get("diagnosis.noLookup"));
            return new Findings(List.of(new CauseCard("unknown", Messages.get("cause.unknown.title"), 1.0,
                    List.of("✗ " + why), Messages.get("cause.unknown.why"), List.of())), false, true);
        }
        List<CauseCard> cards = new ArrayList<>();
        for (RankedCause c : LookupClassifier.classify(lookup.get())) {
            String key = "cause." + c.id().id();
            List<String> ev = c.evidence().stream().map(ClassifierDiagnosis::line).toList();
            cards.add(new CauseCard(c.id().id(), Messages.get(key + ".title"), c.confidence(), ev,
                    Messages.get(key + ".why"), List.of()));
        }
        return new Findings(cards, true, false);
    }

    private static String line(Evidence e) {
        return (e.supports() ? "✓ " : "✗ ") + e.detail();
    }
}
