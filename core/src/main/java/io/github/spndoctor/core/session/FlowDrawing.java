package io.github.spndoctor.core.session;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.flow.TicketFlows;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.session.RepairSession.Purpose;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ticket-flow picture of the host being repaired (ADR 0710): which SPN the client asks for now, the flow drawn
 * from the directory as it answers now, and the last flow drawn, which the report shows. Its field is guarded by the
 * session's lock; a new host or lookup forgets it.
 */
final class FlowDrawing {
    private final SessionState state;
    private TicketFlow last;

    FlowDrawing(SessionState state) {
        this.state = state;
    }

    /** The flow for {@code requested} (blocks: reads the directory when the host was not looked up). */
    TicketFlow draw(Spn requested) throws DirectoryException {
        TargetName t;
        LookupResult l;
        synchronized (state) {
            t = state.requireTarget();
            l = state.findings.lookup() != null ? state.findings.lookup() : state.findings.reportedLookup();
        }
        Optional<Account> computer = l != null ? l.computer() : state.directory.lookup(t).computer();
        TicketFlow f = TicketFlows.of(state.directory, requested, t.asTyped(), computer);
        synchronized (state) {
            if (t.equals(state.target)) {
                last = f;
            }
        }
        return f;
    }

    /** The SPN a Windows client asks for now: after the port-SPN or prefix fix what it asks for then (under the lock). */
    Spn asked() {
        String host = state.requireTarget().asTyped();
        Plan fix = state.changes.checkPurpose() == Purpose.FIX ? state.changes.applied() : null;
        String remedy = fix == null ? "" : fix.remedyId();
        return remedy.equals(Remedies.PORT_SPN) ? Spn.of("HTTP", host, OptionalInt.of(5985))
                : remedy.equals(Remedies.WSMAN_PREFIX) ? Spn.of("WSMAN", host)
                : Spn.of("HTTP", host);
    }

    /** The last flow drawn for this host, or null (under the lock). */
    TicketFlow last() { return last; }

    /** Under the lock. */
    void forget() { last = null; }
}
