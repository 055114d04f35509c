package io.github.spndoctor.core.directory.ldap;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;

/**
 * Says where a lookup's two copies of an account disagree: the global catalog's (what the forest-wide search found)
 * and the account's own domain controller's (what the lookup shows, since writes happen there). A difference means
 * replication is still in flight between them; clients whose KDC answers from the older copy still see the old
 * holder. Stateless.
 */
final class ReplicationNotes {
    private ReplicationNotes() {}

    static List<String> compare(List<Account> globalCatalog, List<Account> ownDc) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < globalCatalog.size() && i < ownDc.size(); i++) {
            Account gc = globalCatalog.get(i);
            Account dc = ownDc.get(i);
            if (gc == dc) {
                continue; // the DC had no copy to compare (kept the GC's)
            }
            List<Spn> onlyGc = gc.spns().stream().filter(s -> !dc.spns().contains(s)).toList();
            List<Spn> onlyDc = dc.spns().stream().filter(s -> !gc.spns().contains(s)).toList();
            if (onlyGc.isEmpty() && onlyDc.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder("The global catalog and the domain controller of ")
                    .append(dc.ref().samAccountName()).append(" disagree (replication in flight): ");
            if (!onlyGc.isEmpty()) {
                sb.append("the global catalog still lists ").append(join(onlyGc)).append(", the DC no longer");
            }
            if (!onlyDc.isEmpty()) {
                sb.append(onlyGc.isEmpty() ? "" : "; ").append("the DC has ").append(join(onlyDc))
                        .append(", the global catalog not yet");
            }
            sb.append(". Shown are the DC's values; clients whose KDC has the older copy still get the old answer.");
            out.add(sb.toString());
        }
        return out;
    }

    private static String join(List<Spn> spns) {
        return String.join(", ", spns.stream().map(Spn::toString).toList());
    }
}
