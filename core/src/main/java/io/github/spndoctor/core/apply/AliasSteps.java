package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.remedy.Plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DNS alias changes of a plan (the demo's CNAME break and its undo) in {@link PlanExecutor}'s recheck and apply:
 * checked against where the alias points now, made after the SPN changes, each attempt and outcome journalled and
 * audited as an SPN change's is. Stateless.
 */
final class AliasSteps {
    /** What the recheck found for the alias changes. */
    enum Found { UNCHANGED, DROPPED, REFUSED }

    private AliasSteps() {}

    /** Adds to {@code keep} the alias changes still to make; notes say what was dropped or why the plan is refused. */
    static Found recheck(Directory dir, Plan plan, List<String> notes, List<AliasChange> keep) throws DirectoryException {
        Found found = Found.UNCHANGED;
        for (AliasChange a : plan.aliases()) {
            Optional<String> now = dir.aliasTarget(a.alias());
            if (now.isPresent() && now.get().equalsIgnoreCase(a.after())) {
                notes.add("The DNS alias " + a.alias() + " already points at " + a.after() + ": that step is dropped.");
                found = found == Found.REFUSED ? found : Found.DROPPED;
            } else if (now.isEmpty() || !now.get().equalsIgnoreCase(a.before())) {
                notes.add("The DNS alias " + a.alias() + " now points at " + now.orElse("nothing") + ", not at " + a.before()
                        + " as when the plan was made: re-pointing it would overwrite someone else's change.");
                found = Found.REFUSED;
            } else {
                keep.add(a);
            }
        }
        return found;
    }

    /** The DNS alias changes after the SPN changes, each journalled and audited the same way; none after a stop. */
    static List<AliasOutcome> apply(Directory dir, Plan plan, Journal journal, boolean stoppedBefore, AuditLog audit,
                                    List<String> problems) {
        List<AliasOutcome> out = new ArrayList<>();
        boolean stopped = stoppedBefore;
        for (int i = 0; i < plan.aliases().size(); i++) {
            AliasChange a = plan.aliases().get(i);
            if (stopped) {
                out.add(new AliasOutcome(a, ChangeOutcome.Status.NOT_ATTEMPTED, "an earlier change did not succeed"));
                continue;
            }
            AliasOutcome o;
            try {
                journal.recordAliasAttempt(i);
                try {
                    dir.applyAlias(a);
                    o = new AliasOutcome(a, ChangeOutcome.Status.APPLIED, "");
                } catch (DirectoryException e) {
                    o = new AliasOutcome(a, ChangeOutcome.Status.FAILED, e.getMessage());
                }
                journal.recordAliasOutcome(i, o);
            } catch (IOException e) {
                problems.add("The journal could not be written (" + e.getMessage() + "), so " + a.description() + " was not made.");
                o = new AliasOutcome(a, ChangeOutcome.Status.FAILED, "journal not writable: " + e.getMessage());
            }
            out.add(o);
            try {
                audit.record(dir.info(), o, journal.file());
            } catch (IOException e) {
                problems.add("The audit log " + audit.fileFor(dir.info()) + " could not be written: " + e.getMessage());
            }
            stopped = o.status() != ChangeOutcome.Status.APPLIED;
        }
        return out;
    }
}
