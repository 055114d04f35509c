package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPNs that SPN Doctor never removes, whoever holds them: the ones Windows itself registers for a computer or a
 * domain controller (HOST/, RestrictedKrbHost/, TERMSRV/, ldap/, GC/, DNS/, krbtgt, kadmin, the DC replication and
 * DFSR GUID classes) and every SPN of a domain controller account. Removing any of them breaks logons, replication
 * or remote desktop far beyond WinRM. Pure functions.
 */
public final class ProtectedSpns {
    /** Service classes (lower case) that are never removed. */
    public static final Set<String> CLASSES = Set.of(
            "host", "restrictedkrbhost", "termsrv", "ldap", "gc", "krbtgt", "kadmin", "dns",
            "e3514235-4b06-11d1-ab04-00c04fc2dcd2",   // directory replication (DRSUAPI) on every DC
            "dfsr-12f9a27c-bf97-4787-9364-d31b6c55eb04", // DFS Replication
            "exchangeab", "exchangerfr", "exchangemdb", "smtpsvc", "cifs");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ProtectedSpns() {}

    /** True when {@code spn} must never be removed from any account. */
    public static boolean isProtected(Spn spn) {
        String cls = spn.serviceClass().toLowerCase(Locale.ROOT);
        return CLASSES.contains(cls) || GUID.matcher(cls).matches() || cls.startsWith("dfsr-");
    }

    /** True when removing {@code spn} from {@code holder} is off limits (protected class, or the holder is a DC). */
    public static boolean isProtectedOn(Spn spn, Account holder) {
        return isProtected(spn) || holder.domainController();
    }

    /** The sentence shown when a removal is refused. */
    public static String why(Spn spn, Account holder) {
        if (holder.domainController()) {
            return holder.ref().label() + " is a domain controller: SPN Doctor never removes its SPNs (" + spn + ").";
        }
        return spn + " belongs to a service class Windows registers and relies on (" + spn.serviceClass()
                + "): SPN Doctor never removes it. Check the account by hand if you are sure it is stale.";
    }
}
