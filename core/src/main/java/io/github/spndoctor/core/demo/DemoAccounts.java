package io.github.spndoctor.core.demo;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.SpnResolver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The demo KDC's and acceptor's view of the demo directory, read fresh on every request (so after a fix, an undo or
 * a break the next ticket follows the new holder): which account a ticket for an SPN is encrypted for, each
 * account's key version number, and which computer account a host name belongs to. Thread-safe.
 */
final class DemoAccounts {
    /** The msDS-KeyVersionNumber a demo account has when its entry carries none: computers changed their password once. */
    static int defaultKvno(AccountKind kind) { return kind == AccountKind.COMPUTER ? 2 : 1; }

    private final Directory directory;
    private final LDAPInterface raw;

    DemoAccounts(Directory directory, LDAPInterface raw) {
        this.directory = directory;
        this.raw = raw;
    }

    /** Who the KDC encrypts a ticket for {@code spn} for: AD's rule, with the directory's own sPNMappings. */
    SpnAnswer choose(Spn spn) throws DirectoryException {
        return SpnResolver.resolve(directory, directory.spnMappings(), spn);
    }

    /** The account's key version number: its msDS-KeyVersionNumber, or {@link #defaultKvno}. */
    int kvno(AccountRef account) {
        try {
            OptionalInt v = directory.keyVersion(account.dn());
            return v.isPresent() && v.getAsInt() > 0 ? v.getAsInt() : defaultKvno(account.kind());
        } catch (DirectoryException e) {
            return defaultKvno(account.kind());
        }
    }

    /** True when the account is disabled (userAccountControl bit 2). */
    boolean disabled(AccountRef account) {
        try {
            SearchResultEntry e = raw.getEntry(account.dn(), "userAccountControl");
            Integer uac = e == null ? null : e.getAttributeValueAsInteger("userAccountControl");
            return uac != null && (uac & Account.UAC_ACCOUNTDISABLE) != 0;
        } catch (LDAPException e) {
            return false;
        }
    }

    /**
     * The computer account a host name belongs to, as a host knows its own names: its dNSHostName, or its short
     * name (sAMAccountName without $). Empty when no demo computer has the name.
     */
    Optional<AccountRef> computer(String hostName) {
        String name = hostName.toLowerCase(Locale.ROOT);
        String shortName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        Filter f = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "computer"),
                Filter.createORFilter(Filter.createEqualityFilter("dNSHostName", name),
                        Filter.createEqualityFilter("sAMAccountName", shortName + "$")));
        try {
            List<SearchResultEntry> hits = raw.search("", SearchScope.SUB, f, "sAMAccountName", "objectClass", "dNSHostName")
                    .getSearchEntries();
            // an exact dNSHostName beats a short-name match in another domain
            return hits.stream()
                    .sorted((a, b) -> Boolean.compare(!name.equalsIgnoreCase(a.getAttributeValue("dNSHostName")),
                            !name.equalsIgnoreCase(b.getAttributeValue("dNSHostName"))))
                    .findFirst()
                    .map(e -> new AccountRef(e.getDN(), e.getAttributeValue("sAMAccountName"),
                            AccountKind.fromObjectClasses(Arrays.asList(e.getObjectClassValues()))));
        } catch (LDAPException e) {
            return Optional.empty();
        }
    }
}
