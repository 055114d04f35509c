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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo KDC's and acceptor's view of the demo directory, read fresh on every request (so after a fix, an undo or
 * a break the next ticket follows the new holder): which account a ticket for an SPN is encrypted for, each
 * account's key version number, and which computer account a host name belongs to. Thread-safe.
 */
final class DemoAccounts {
    /** The msDS-KeyVersionNumber a demo account has when its entry carries none: computers changed their password once. */
    static int defaultKvno(AccountKind kind) { return kind == AccountKind.COMPUTER ? 2 : 1; }

    /** Service classes the KDC maps to HOST/ when the SPN itself is not found (AD's default sPNMappings, in part). */
    static final Set<String> MAPPED_TO_HOST = Set.of("http", "wsman", "cifs", "www", "rpcss", "w3svc", "time", "dns",
            "eventlog", "schedule", "spooler", "msdtc", "netlogon", "termsrv");

    private final Directory directory;
    private final LDAPInterface raw;

    DemoAccounts(Directory directory, LDAPInterface raw) {
        this.directory = directory;
        this.raw = raw;
    }

    /** Who the KDC encrypts a ticket for {@code spn} for: exact SPN first, then its HOST/ form. */
    KdcChoice choose(Spn spn) throws DirectoryException {
        List<Account> exact = directory.findHolders(spn);
        if (exact.size() == 1) {
            return new KdcChoice(spn, KdcChoice.Kind.EXACT, Optional.of(spn), List.of(exact.get(0).ref()));
        }
        if (exact.size() > 1) {
            return new KdcChoice(spn, KdcChoice.Kind.DUPLICATE, Optional.of(spn), exact.stream().map(Account::ref).toList());
        }
        if (!MAPPED_TO_HOST.contains(spn.serviceClass().toLowerCase(Locale.ROOT))) {
            return new KdcChoice(spn, KdcChoice.Kind.UNKNOWN, Optional.empty(), List.of());
        }
        Spn host = Spn.of("HOST", spn.host(), spn.port());
        List<Account> viaHost = directory.findHolders(host);
        if (viaHost.size() == 1) {
            return new KdcChoice(spn, KdcChoice.Kind.VIA_HOST, Optional.of(host), List.of(viaHost.get(0).ref()));
        }
        if (viaHost.size() > 1) {
            return new KdcChoice(spn, KdcChoice.Kind.DUPLICATE, Optional.of(host), viaHost.stream().map(Account::ref).toList());
        }
        return new KdcChoice(spn, KdcChoice.Kind.UNKNOWN, Optional.empty(), List.of());
    }

    /** The account's key version number: its msDS-KeyVersionNumber, or {@link #defaultKvno}. */
    int kvno(AccountRef account) {
        try {
            SearchResultEntry e = raw.getEntry(account.dn(), "msDS-KeyVersionNumber");
            Integer v = e == null ? null : e.getAttributeValueAsInteger("msDS-KeyVersionNumber");
            return v != null && v > 0 ? v : defaultKvno(account.kind());
        } catch (LDAPException e) {
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
