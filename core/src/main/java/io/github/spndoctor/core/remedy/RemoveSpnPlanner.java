package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;

import java.util.ArrayList;
import java.util.List;

/**
 * remove-spn (KB 4549715 option 1): delete the HTTP/&lt;name&gt; SPNs (no port) that WinRM asks for from every
 * holder that is not the target computer. Each value is deleted as stored on the holder.
 */
public final class RemoveSpnPlanner {
    public static final String ID = "remove-spn";

    private RemoveSpnPlanner() {}

    public static Plan plan(LookupResult lookup) {
        List<SpnChange> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Registration r : lookup.registrations()) {
            if (!r.spn().hasClass("HTTP") || r.spn().port().isPresent()) {
                continue;
            }
            for (AccountRef holder : r.holders()) {
                if (lookup.isTargetComputer(holder)) {
                    continue;
                }
                Account account = lookup.account(holder).orElseThrow();
                Spn stored = account.stored(r.spn()).orElse(r.spn());
                changes.add(new SpnChange.Remove(holder, stored));
            }
        }
        if (changes.isEmpty()) {
            throw new IllegalStateException("Nothing to remove: no account other than the target computer holds an HTTP SPN for "
                    + lookup.target().asTyped() + ".");
        }
        for (AccountRef holder : changes.stream().map(SpnChange::account).distinct().toList()) {
            warnings.add("If a web application on " + lookup.target().asTyped() + " runs as " + holder.label()
                    + " and uses Kerberos with this name, it will fall back to NTLM or fail after the change.");
        }
        return new Plan(ID, "Remove the conflicting HTTP SPN from the service account", changes, List.of(), warnings);
    }
}
