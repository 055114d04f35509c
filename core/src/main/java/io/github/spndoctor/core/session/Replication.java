package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.session.RepairSession.Purpose;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * After a commit, on every domain controller (ADR 0620): follows the values the last commit's journal wrote until all
 * DCs agree, then asks each DC's KDC for a ticket to the changed SPNs; both results go into the timeline.
 */
final class Replication {
    private final SessionState state;

    Replication(SessionState state) {
        this.state = state;
    }

    /** Watches the last commit (fix or undo) replicate (blocks). */
    WatchOutcome watch(Duration limit, ConvergenceWatch.Listener listener, BooleanSupplier stop) throws DirectoryException {
        Journal j;
        boolean undo;
        synchronized (state) {
            j = state.changes.lastJournal();
            if (j == null) {
                throw new IllegalStateException("Nothing was written in this session, so there is nothing to replicate.");
            }
            undo = state.changes.lastPurpose() == Purpose.UNDO;
        }
        WatchOutcome o = ConvergenceWatch.follow(state.directory, j, limit, listener, stop);
        state.record(Steps.replicated(undo, o));
        return o;
    }

    /** Asks the KDC of every DC that answered the watch (blocks); empty when nothing was watched. */
    List<KdcCheck.DcTicket> checkKdcs(WatchOutcome watched, ProbeEnvironment env) {
        if (watched.report().isEmpty()) {
            return List.of();
        }
        Optional<LookupResult> l;
        synchronized (state) {
            l = Optional.ofNullable(state.findings.lookup());
        }
        List<AccountRef> computer = l.flatMap(LookupResult::computer).map(a -> List.of(a.ref())).orElse(List.of());
        List<KdcCheck.DcTicket> asked = KdcCheck.run(watched.report().get(), state.directory, computer, env);
        state.record(Steps.kdcsAsked(new KdcReport(asked, false, "")));
        return asked;
    }

    /**
     * Asks the KDC of every DC that answered the watch (blocks), where {@link KdcAsk} finds them (the trainer demo's
     * own, else {@code otherwise}), telling {@code progress} before each request; recorded in the timeline.
     */
    KdcReport askKdcs(WatchOutcome watched, Supplier<ProbeEnvironment> otherwise, KdcCheck.Progress progress, BooleanSupplier stop) {
        String host;
        Optional<LookupResult> l;
        synchronized (state) {
            host = state.target == null ? "" : state.target.asTyped();
            l = Optional.ofNullable(state.findings.lookup());
        }
        List<AccountRef> computer = l.flatMap(LookupResult::computer).map(a -> List.of(a.ref())).orElse(List.of());
        KdcReport r = KdcAsk.ask(state.directory, host, computer, watched, otherwise, progress, stop);
        state.record(Steps.kdcsAsked(r));
        return r;
    }
}
