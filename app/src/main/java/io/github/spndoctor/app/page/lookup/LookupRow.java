package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.AccountRef;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the lookup table: an SPN, one holder (sAMAccountName), its kind, the raw status and the status for the
 * client at hand in words ({@link SpnStatus}: wrong account, duplicate, held by the computer, answered by HOST/,
 * missing and needed, optional), with why. Immutable.
 */
public record LookupRow(String spn, String holder, String kind, LookupResult.Status status, SpnStatus spnStatus, String why) {
    /** A row without a client-specific status (samples, rehearsals). */
    public LookupRow(String spn, String holder, String kind, LookupResult.Status status) {
        this(spn, holder, kind, status, switch (status) {
            case OK -> SpnStatus.HELD_BY_COMPUTER;
            case MISSING -> SpnStatus.OPTIONAL_ABSENT;
            case WRONG_ACCOUNT -> SpnStatus.WRONG_ACCOUNT;
            case DUPLICATE -> SpnStatus.DUPLICATE;
        }, "");
    }

    /** The status as words: "wrong account", "answered by the computer's HOST/ SPN", ... */
    public String statusText() {
        return spnStatus.words();
    }

    /** True when the status breaks Kerberos for the client at hand (the view marks it). */
    public boolean problem() { return spnStatus.problem(); }

    /** One row per holder of each candidate SPN; a row with no holder for SPNs nobody holds. */
    public static List<LookupRow> of(LookupResult result, List<SpnState> states) {
        List<LookupRow> rows = new ArrayList<>();
        for (SpnState s : states) {
            LookupResult.Status st = result.registration(s.spn()).map(result::status).orElse(LookupResult.Status.MISSING);
            if (s.holders().isEmpty()) {
                rows.add(new LookupRow(s.spn().toString(), Messages.get("lookup.nobody"), "", st, s.status(), s.why()));
            }
            for (AccountRef h : s.holders()) {
                String name = h.samAccountName().isEmpty() ? h.dn() : h.samAccountName();
                rows.add(new LookupRow(s.spn().toString(), name, h.kind().id(), st, s.status(), s.why()));
            }
        }
        return rows;
    }
}
