package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.List;

/**
 * One value a journal changed, as every DC should eventually hold it: {@code spn} present on (or absent from) the
 * account. Immutable.
 */
public record Expectation(AccountRef account, Spn spn, boolean present) {
    /**
     * The values the journal's changes that may have reached the directory leave behind, in journal order; when one
     * value was changed twice, the last change wins.
     */
    public static List<Expectation> fromJournal(Journal journal) {
        return fromChanges(journal.possiblyApplied());
    }

    /** {@link #fromJournal} for a list of changes. */
    public static List<Expectation> fromChanges(List<SpnChange> changes) {
        List<Expectation> out = new ArrayList<>();
        for (SpnChange c : changes) {
            out.removeIf(e -> e.account().sameEntry(c.account()) && e.spn().equals(c.spn()));
            out.add(new Expectation(c.account(), c.spn(), c instanceof SpnChange.Add));
        }
        return List.copyOf(out);
    }

    /** True when a DC's copy of the account shows this value as it should be. */
    public boolean metBy(ReplicaRead read) {
        return switch (read.status()) {
            case FOUND -> read.holds(spn) == present;
            case ABSENT -> !present; // an entry the DC does not have holds nothing
            case UNREACHABLE -> false;
        };
    }

    /** "HTTP/srv003.lab.test removed from svc-srv003-web$ (service account)". */
    public String describe() {
        return spn + (present ? " added to " : " removed from ") + account.label();
    }
}
