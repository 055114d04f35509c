package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;

import java.util.List;
import java.util.Optional;

/** What a session report says: symptom text, target, lookup, causes (by id and title), plan and outcome. */
public record SessionFacts(String symptomText, TargetName target, Optional<LookupResult> lookup,
                           List<String> causes, Optional<Plan> plan, Optional<ApplyOutcome> outcome,
                           String checkAgain) {
    public SessionFacts {
        causes = List.copyOf(causes);
    }
}
