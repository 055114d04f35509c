package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one check before undoing a journal, for the wizard and the CLI alike: the journal was written by SPN Doctor
 * and not edited ({@link Journal#integrityProblems()}), against the same kind of directory (demo or live) and the
 * same domain (every account it changed exists here under the same DN), and the directory still holds, value by
 * value, what the journal says was written. Any difference refuses the undo and is named; the recheck before
 * applying comes after this.
 */
public final class UndoCheck {
    private UndoCheck() {}

    /** Why {@code journal} must not be undone over {@code dir}; empty when undo may go on to the recheck. Blocks. */
    public static List<String> refusals(Journal journal, Directory dir) throws DirectoryException {
        List<String> out = new ArrayList<>(journal.integrityProblems());
        DirectoryInfo info = dir.info();
        if (info.demo() != journal.demo()) {
            out.add("This journal was written against " + kind(journal.demo()) + ", but this connection is to "
                    + kind(info.demo()) + ".");
            return out;
        }
        Map<String, Optional<Account>> now = new HashMap<>();
        for (int n = 1; n <= journal.changes().size(); n++) {
            SpnChange c = journal.changes().get(n - 1);
            ChangeOutcome o = journal.outcomes().get(n);
            if (!journal.possiblyApplied().contains(c)) {
                continue;
            }
            String dn = c.account().dn();
            if (!now.containsKey(dn.toLowerCase(java.util.Locale.ROOT))) {
                now.put(dn.toLowerCase(java.util.Locale.ROOT), dir.readAccount(dn));
            }
            Optional<Account> acct = now.get(dn.toLowerCase(java.util.Locale.ROOT));
            if (acct.isEmpty()) {
                out.add(c.account().label() + " (" + dn + ") does not exist in this directory: the journal is from "
                        + "another domain or forest, or the account was deleted since.");
                continue;
            }
            if (o == null || o.status() != ChangeOutcome.Status.APPLIED) {
                continue;  // uncertain: the recheck finds out whether it reached the directory
            }
            boolean holds = acct.get().holds(c.spn());
            if (c instanceof SpnChange.Add && !holds) {
                out.add("The journal says " + c.spn() + " was added to " + c.account().label()
                        + ", but the account does not hold it now.");
            } else if (c instanceof SpnChange.Remove && holds) {
                out.add("The journal says " + c.spn() + " was removed from " + c.account().label()
                        + ", but the account holds it again now.");
            }
        }
        for (java.util.Map.Entry<Integer, AliasOutcome> e : journal.aliasOutcomes().entrySet()) {
            io.github.spndoctor.core.model.AliasChange a = e.getValue().change();
            if (e.getValue().status() != ChangeOutcome.Status.APPLIED) {
                continue;  // uncertain or not made: the recheck finds out
            }
            Optional<String> points = dir.aliasTarget(a.alias());
            if (points.isEmpty() || !points.get().equalsIgnoreCase(a.after())) {
                out.add("The journal says the DNS alias " + a.alias() + " was pointed at " + a.after() + ", but it points at "
                        + points.orElse("nothing") + " now.");
            }
        }
        return out;
    }

    private static String kind(boolean demo) {
        return demo ? "the built-in demo directory" : "a live directory";
    }
}
