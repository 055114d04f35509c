package io.github.spndoctor.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as read from the directory: identity, its SPNs (as stored), DNS host name and the flags that matter for
 * diagnosis and remedies. Immutable.
 *
 * @param userAccountControl the raw userAccountControl bits (0 when absent)
 * @param allowedToDelegateTo msDS-AllowedToDelegateTo values (SPNs this account may delegate to)
 */
public record Account(AccountRef ref, List<Spn> spns, Optional<String> dnsHostName, int userAccountControl,
                      List<String> allowedToDelegateTo) {
    public static final int UAC_ACCOUNTDISABLE = 0x2;
    public static final int UAC_SERVER_TRUST_ACCOUNT = 0x2000;

    public Account {
        Objects.requireNonNull(ref, "ref");
        spns = List.copyOf(spns);
        Objects.requireNonNull(dnsHostName, "dnsHostName");
        allowedToDelegateTo = List.copyOf(allowedToDelegateTo);
    }

    /** True when the account holds {@code spn} (case-insensitive). */
    public boolean holds(Spn spn) {
        return spns.contains(spn);
    }

    /** The stored spelling of {@code spn} on this account, if held (needed to delete the exact value). */
    public Optional<Spn> stored(Spn spn) {
        return spns.stream().filter(spn::equals).findFirst();
    }

    public boolean disabled() { return (userAccountControl & UAC_ACCOUNTDISABLE) != 0; }

    public boolean domainController() { return (userAccountControl & UAC_SERVER_TRUST_ACCOUNT) != 0; }
}
