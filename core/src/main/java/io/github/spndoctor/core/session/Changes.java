package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.session.RepairSession.Purpose;

/**
 * The write half of a repair session: the plan under way (a fix or an undo), whether the user confirmed it, what the
 * re-check at the commit found, the journal of the last fix, what was applied and what was undone. Each transition
 * returns the timeline entry it makes. Not thread-safe: the session's collaborators call it under the session's lock
 * ({@link SessionState}) and never while waiting on the network.
 */
final class Changes {
    private Plan plan;
    private Purpose purpose = Purpose.FIX;
    /** The trainer's break the plan comes from (purpose BREAK); null otherwise. */
    private DemoBreak breaking;
    private boolean confirmed;
    private Recheck recheck;
    private Journal journal;
    private Plan applied;
    private ApplyReport applyReport;
    private ApplyReport undoReport;
    private boolean wroteToDirectory;
    /** The journal of the last commit, fix or undo, and which it was: what a replication watch follows. */
    private Journal lastJournal;
    private Purpose lastPurpose;

    /** A new plan for a fix replaces whatever was under way (not what was applied). */
    TimelineEntry planned(Plan p) {
        plan = p;
        purpose = Purpose.FIX;
        breaking = null;
        confirmed = false;
        recheck = null;
        return Steps.planned(p);
    }

    /** A trainer's break becomes the plan under way; it is committed and undone as a fix is. */
    TimelineEntry plannedBreak(DemoBreak b) {
        plan = b.plan();
        purpose = Purpose.BREAK;
        breaking = b;
        confirmed = false;
        recheck = null;
        return Steps.planned(plan);
    }

    /** The undo of {@code j} becomes the plan under way. */
    TimelineEntry undoFrom(Journal j, String what) {
        journal = j;
        Plan undo = j.undoPlan();
        plan = undo;
        purpose = Purpose.UNDO;
        breaking = null;
        confirmed = false;
        recheck = null;
        return Steps.undoPlanned(undo, what);
    }

    TimelineEntry confirm(String server) {
        if (plan == null) {
            throw new IllegalStateException("There is no plan to confirm.");
        }
        confirmed = true;
        return Steps.confirmed(purpose == Purpose.UNDO, plan, server);
    }

    /** The confirmed plan, taken for a commit: the confirmation is used up. */
    Plan takeConfirmed() {
        if (plan == null || !confirmed) {
            throw new IllegalStateException("Nothing confirmed to apply.");
        }
        confirmed = false;
        return plan;
    }

    TimelineEntry rechecked(Recheck rc) {
        recheck = rc;
        return Steps.rechecked(rc);
    }

    /** {@code r} is what writing {@code written} (for {@code why}) did; {@code j} is its journal. */
    TimelineEntry committed(Purpose why, Plan written, ApplyReport r, Journal j) {
        int done = r.withStatus(ChangeOutcome.Status.APPLIED).size();
        lastJournal = j;
        lastPurpose = why;
        wroteToDirectory |= done > 0 || !r.withStatus(ChangeOutcome.Status.UNKNOWN).isEmpty();
        if (why != Purpose.UNDO) {
            applyReport = r;
            journal = j;
            applied = written.withChanges(r.withStatus(ChangeOutcome.Status.APPLIED));
        } else {
            undoReport = r;
        }
        return Steps.committed(why == Purpose.UNDO, done, written, r);
    }

    /** What a check now verifies: the undo after an undo, else what was applied, else the plan (or nothing). */
    Purpose checkPurpose() {
        return undoReport != null && purpose == Purpose.UNDO ? Purpose.UNDO
                : purpose == Purpose.BREAK && applied != null ? Purpose.BREAK : Purpose.FIX;
    }

    Plan checkBasis() { return checkPurpose() == Purpose.UNDO ? undoReport.plan() : applied != null ? applied : plan; }

    Plan plan() { return plan; }

    Purpose purpose() { return purpose; }

    DemoBreak breaking() { return breaking; }

    boolean confirmed() { return confirmed; }

    Recheck recheck() { return recheck; }

    Journal journal() { return journal; }

    Plan applied() { return applied; }

    ApplyReport applyReport() { return applyReport; }

    ApplyReport undoReport() { return undoReport; }

    boolean wroteToDirectory() { return wroteToDirectory; }

    Journal lastJournal() { return lastJournal; }

    Purpose lastPurpose() { return lastPurpose; }

    /** The plan the report shows: what was applied, else the one under way. */
    Plan reportedPlan() { return applyReport != null ? applyReport.plan() : plan; }

    /** A new host: the plan under way goes; what was applied stays until {@link #forgetApplied}. */
    void clearPlan() {
        plan = null;
        purpose = Purpose.FIX;
        breaking = null;
        confirmed = false;
        recheck = null;
    }

    /** Start over: the last fix, its journal and its undo are forgotten too (the directory keeps them). */
    void forgetApplied() {
        journal = null;
        applyReport = null;
        undoReport = null;
        applied = null;
        lastJournal = null;
        lastPurpose = null;
    }
}
