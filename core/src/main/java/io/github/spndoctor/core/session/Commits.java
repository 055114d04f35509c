package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.demo.BreakRules;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Verifier;
import io.github.spndoctor.core.session.RepairSession.Purpose;
import io.github.spndoctor.core.verify.VerifyResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The write path of a repair session: the re-check at the moment of commit (ADR 0401), the journal forced to disk
 * before the first change (ADR 0400), the apply, and the check that follows it — for a fix, an undo and a trainer's
 * break alike — and the undo plan taken from a journal. The network and the disk are used outside the session's lock.
 */
final class Commits {
    private final SessionState state;
    private final PlanExecutor executor;

    Commits(SessionState state) {
        this.state = state;
        this.executor = new PlanExecutor(state.config.audit());
    }

    /** What a commit would find now (blocks; reads only, records nothing). */
    Recheck recheckNow() throws DirectoryException {
        Plan p;
        synchronized (state) {
            p = state.changes.plan();
        }
        if (p == null) {
            throw new IllegalStateException("There is no plan to check.");
        }
        return executor.recheck(state.directory, p);
    }

    /** Commits the confirmed plan (blocks): re-check, journal, apply, check. */
    Commit commit(ApplyListener listener, Optional<Path> journalFile) throws DirectoryException, IOException {
        Directory dir = state.directory;
        Plan p;
        Purpose why;
        TargetName t;
        DemoBreak b;
        synchronized (state) {
            if (dir.info().readOnly()) {
                throw new IllegalStateException("This connection is read-only: nothing can be applied.");
            }
            t = state.requireTarget();
            why = state.changes.purpose();
            b = state.changes.breaking();
            p = state.changes.takeConfirmed();
        }
        Recheck rc = why == Purpose.BREAK ? BreakRules.recheck(dir, b, executor) : executor.recheck(dir, p);
        synchronized (state) {
            state.timeline.add(state.changes.rechecked(rc));
        }
        if (!rc.canApply()) {
            return new Commit(why == Purpose.UNDO, rc, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Plan toApply = rc.plan();
        Journal j = journalFile.isPresent() ? Journal.createAt(journalFile.get(), dir.info(), t, toApply)
                : Journal.create(StatePaths.journalsUnder(state.config.journalDir(), dir.info().demo()), dir.info(), t, toApply);
        ApplyReport r = executor.apply(dir, toApply, j, listener == null ? ApplyListener.NONE : listener);
        synchronized (state) {
            state.timeline.add(state.changes.committed(why, toApply, r, j));
        }
        VerifyResult v = checkNow(why, toApply);
        return new Commit(why == Purpose.UNDO, rc, Optional.of(r), Optional.of(v), Optional.of(j.file()));
    }

    /** Checks again (blocks): what the last apply relies on, the last undo, or the plan's (or plain WinRM's) SPNs. */
    VerifyResult check() {
        Purpose why;
        Plan basis;
        synchronized (state) {
            why = state.changes.checkPurpose();
            basis = state.changes.checkBasis();
        }
        return checkNow(why, basis);
    }

    /** Makes the undo of the last fix the current plan. */
    Plan planUndo() {
        synchronized (state) {
            Journal j = state.changes.journal();
            if (j == null) {
                throw new IllegalStateException("Nothing was applied in this session, so there is nothing to undo.");
            }
            state.timeline.add(state.changes.undoFrom(j, "Undo of the last fix"));
            return state.changes.plan();
        }
    }

    /** Makes the undo recorded in journal {@code j}, read from {@code file}, the current plan. */
    Plan useUndo(Journal j, Path file) {
        synchronized (state) {
            state.timeline.add(state.changes.undoFrom(j, "Undo from journal " + file.getFileName()));
            return state.changes.plan();
        }
    }

    private VerifyResult checkNow(Purpose why, Plan basis) {
        Directory dir = state.directory;
        TargetName t;
        synchronized (state) {
            if (state.target == null) {
                throw new IllegalStateException("No host to check.");
            }
            t = state.target;
        }
        VerifyResult v;
        if (why == Purpose.UNDO) {
            v = Verifier.verifyUndo(dir, t, basis);
        } else if (why == Purpose.BREAK) {
            v = BreakRules.check(dir, t, basis, state.config.probes().probeFor(dir));
        } else if (basis == null) {
            v = Verifier.verify(dir, t, (String) null, state.config.probes().probeFor(dir));
        } else {
            v = Verifier.verify(dir, t, basis, state.config.probes().probeFor(dir));
        }
        synchronized (state) {
            state.findings.checked(v);
            state.timeline.add(Steps.checked(why == Purpose.UNDO, v));
        }
        return v;
    }
}
