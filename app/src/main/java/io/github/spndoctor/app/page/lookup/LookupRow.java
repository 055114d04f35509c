package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the lookup table: an SPN, one holder (sAMAccountName), its kind and the status in words (never
 * colour alone). Immutable.
 */
public record LookupRow(String spn, String holder, String kind, LookupResult.Status status) {
    /** The status as text: ok / missing / wrong account / duplicate. */
    public String statusText() {
        return Messages.get("lookup.status." + status.id());
    }

    /** One row per holder of each candidate SPN; a row with no holder for SPNs nobody holds. */
    public static List<LookupRow> of(LookupResult result) {
        List<LookupRow> rows = new ArrayList<>();
        for (Registration r : result.registrations()) {
            LookupResult.Status st = result.status(r);
            if (r.holders().isEmpty()) {
                rows.add(new LookupRow(r.spn().toString(), Messages.get("lookup.nobody"), "", st));
            }
            for (AccountRef h : r.holders()) {
                String name = h.samAccountName().isEmpty() ? h.dn() : h.samAccountName();
                rows.add(new LookupRow(r.spn().toString(), name, h.kind().id(), st));
            }
        }
        return rows;
    }
}
