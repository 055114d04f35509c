package io.github.spndoctor.core.session;

import io.github.spndoctor.core.render.Words;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.report.TimelineEntry.Kind;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The timeline entries a repair session writes, in plain words with the real names and correct plurals. */
final class Steps {
    private Steps() {}

    static TimelineEntry described(TargetName host, Symptom parsed) {
        return TimelineEntry.now(Kind.SYMPTOM, "Host " + host.asTyped() + "; recognised: " + parsed.summary(), "");
    }

    static TimelineEntry answered(List<Answer> given) {
        return TimelineEntry.now(Kind.NOTE, "Answers given: " + given.stream()
                .map(a -> a.question().id() + "=" + a.choice().value()).collect(Collectors.joining(", ")), "");
    }

    static TimelineEntry looked(TargetName t, LookupResult r) {
        return TimelineEntry.now(Kind.LOOKUP, "Looked up " + t.asTyped() + " on " + r.source().server() + ": computer "
                + r.computer().map(c -> c.ref().label()).orElse("not found"), "");
    }

    static TimelineEntry lookupFailed(TargetName t, DirectoryException e) {
        return TimelineEntry.now(Kind.LOOKUP, "Lookup of " + t.asTyped() + " failed: " + e.getMessage(), e.detail());
    }

    static TimelineEntry planned(Plan p) {
        return TimelineEntry.now(Kind.PLAN, p.title() + " (" + Words.changes(p.changes().size() + p.aliases().size()) + " in the directory"
                + (p.clientSteps().isEmpty() ? "" : ", " + Words.count(p.clientSteps().size(), "step", "steps") + " elsewhere") + ")",
                Preview.render(p, Format.SUMMARY));
    }

    static TimelineEntry undoPlanned(Plan undo, String what) {
        return TimelineEntry.now(Kind.PLAN, what + " (" + Words.changes(undo.changes().size() + undo.aliases().size()) + ")", Preview.render(undo, Format.SUMMARY));
    }

    static TimelineEntry confirmed(boolean undo, Plan p, String server) {
        return TimelineEntry.now(Kind.CONFIRM, (undo ? "Undo of " : "Apply ") + Words.changes(p.changes().size())
                + " confirmed for " + server, "");
    }

    static TimelineEntry rechecked(Recheck rc) {
        return TimelineEntry.now(Kind.RECHECK, rc.status() == Recheck.Status.REFUSED ? "Refused: the directory changed"
                : rc.canApply() ? "Re-checked just before writing: " + rc.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : "Nothing left to write", rc.message());
    }

    static TimelineEntry committed(boolean undo, int done, Plan applied, ApplyReport r) {
        return TimelineEntry.now(undo ? Kind.UNDO : Kind.APPLY, (undo ? "Undid " : "Applied ") + done + " of "
                + Words.changes(applied.changes().size() + applied.aliases().size()), SessionReport.outcomeText(r));
    }

    static TimelineEntry replicated(boolean undo, WatchOutcome o) {
        return TimelineEntry.now(Kind.REPLICATION, (undo ? "After the undo: " : "After the fix: ") + o.verdict(), o.detail());
    }

    static TimelineEntry kdcsAsked(io.github.spndoctor.core.converge.KdcReport r) {
        return TimelineEntry.now(Kind.PROBE, "Each domain controller's KDC: " + r.summary(),
                String.join("\n", r.tickets().stream().map(KdcCheck.DcTicket::words).toList()));
    }

    static TimelineEntry checked(boolean undo, VerifyResult v) {
        return TimelineEntry.now(Kind.CHECK, (undo ? "Check after undo: " : "Check: ") + v.verdict().words(), v.summary());
    }
}
