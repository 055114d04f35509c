package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.report.Timeline;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.List;
import java.util.Optional;

/** Everything a session report tells: symptom, directory, lookup, ranked causes, plan, recheck, outcome, check, undo, timeline. */
public record SessionFacts(String symptomText, Optional<DirectoryInfo> directory, Optional<LookupResult> lookup,
                           List<RankedCause> causes, Optional<Plan> plan,
                           Optional<io.github.spndoctor.core.apply.Recheck> recheck, Optional<ApplyReport> applied,
                           Optional<VerifyResult> verified, Optional<ApplyReport> undone,
                           List<Timeline.Entry> timeline) {
    public SessionFacts {
        causes = List.copyOf(causes);
        timeline = List.copyOf(timeline);
    }
}
