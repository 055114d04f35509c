package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.lookup.CandidateSpns;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.SpnFormatException;
import io.github.spndoctor.core.model.TargetName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Directory} over any UnboundID {@link LDAPInterface}: a connection pool to a domain controller or the
 * in-memory demo server. Lookups go to the forest-wide connection (a global catalog on real AD); account reads,
 * writes and delegation searches go to a DC of the account's own domain ({@link DomainRouter}), and a live lookup
 * re-reads the accounts it found there. Filters are built with {@link Filter} factories only. Thread-safe when the
 * given interfaces are (pools and the in-memory server are).
 */
public class LdapDirectory implements Directory {
    /** Attributes read for every account. */
    public static final String[] ACCOUNT_ATTRIBUTES = {
        "objectClass", "sAMAccountName", "servicePrincipalName", "dNSHostName", "userAccountControl",
        "msDS-AllowedToDelegateTo"
    };
    static final String SPN = "servicePrincipalName";
    /** Upper bound on entries one lookup may return; a target name never legitimately matches more. */
    static final int LOOKUP_SIZE_LIMIT = 500;

    private final LDAPInterface forest;
    private final String forestBase;
    private final DomainRouter domains;
    private final DirectoryInfo info;
    private final int timeLimitSeconds;
    private final Runnable closer;

    /**
     * @param forest     connection used for forest-wide searches (global catalog on AD)
     * @param forestBase base DN for forest-wide searches ("" searches every partition a GC holds)
     * @param domain     connection for reading and writing accounts by DN
     * @param timeLimitSeconds server-side time limit for each search
     * @param closer     releases the connections
     */
    public LdapDirectory(LDAPInterface forest, String forestBase, LDAPInterface domain, DirectoryInfo info,
                         int timeLimitSeconds, Runnable closer) {
        this(forest, forestBase, DomainRouter.single(domain), info, timeLimitSeconds, closer);
    }

    /**
     * @param domains finds the DC of each account's own domain: reads by DN, writes, delegation searches, and the
     *                re-read of a lookup's accounts (a global catalog holds only part of each entry)
     */
    public LdapDirectory(LDAPInterface forest, String forestBase, DomainRouter domains, DirectoryInfo info,
                         int timeLimitSeconds, Runnable closer) {
        this.forest = forest;
        this.forestBase = forestBase;
        this.domains = domains;
        this.info = info;
        this.timeLimitSeconds = timeLimitSeconds;
        this.closer = closer;
    }

    @Override
    public DirectoryInfo info() { return info; }

    @Override
    public LookupResult lookup(TargetName target) throws DirectoryException {
        List<SearchResultEntry> entries = search(forest, forestBase, lookupFilter(target), "looking up " + target.asTyped());
        List<Account> found = new ArrayList<>();
        for (SearchResultEntry e : entries) {
            found.add(toAccount(e));
        }
        List<Account> accounts = domains.knowsDomains() ? fromOwnDomains(found, target) : found;
        Optional<Account> computer = findComputer(target, accounts);
        TargetName resolved = target;
        if (target.fqdn().isEmpty() && target.isDnsName()) {
            Optional<String> fqdn = computer.flatMap(Account::dnsHostName)
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(target.shortName().toLowerCase(Locale.ROOT) + "."))
                    .or(() -> fqdnFromSpns(target, accounts));
            if (fqdn.isPresent()) {
                resolved = target.withFqdn(fqdn.get());
            }
        }
        List<Registration> registrations = new ArrayList<>();
        for (Spn candidate : CandidateSpns.forTarget(resolved)) {
            List<AccountRef> holders = new ArrayList<>();
            for (Account a : accounts) {
                if (a.holds(candidate)) {
                    holders.add(a.ref());
                }
            }
            registrations.add(new Registration(candidate, holders));
        }
        return new LookupResult(resolved, computer, registrations, accounts, info, Instant.now());
    }

    /**
     * Re-reads the accounts a global-catalog search found from their own domains' DCs, with one search per domain:
     * the GC copy lacks attributes outside the partial attribute set (msDS-AllowedToDelegateTo) and may lag
     * replication. An account its DC no longer has keeps its GC copy (the DC we reach may not have replicated it yet).
     */
    private List<Account> fromOwnDomains(List<Account> gcCopies, TargetName target) throws DirectoryException {
        if (gcCopies.isEmpty()) {
            return gcCopies;
        }
        List<String> dns = gcCopies.stream().map(a -> a.ref().dn()).toList();
        Map<String, Account> fresh = new HashMap<>();
        for (var group : domains.byDomain(dns).entrySet()) {
            List<Filter> byDn = group.getValue().stream()
                    .map(dn -> Filter.createEqualityFilter("distinguishedName", dn)).toList();
            String action = "reading " + target.asTyped() + "'s accounts in their domain " + group.getKey().dnsName();
            for (SearchResultEntry e : search(domains.connectionFor(group.getKey()), group.getKey().namingContext(),
                    byDn.size() == 1 ? byDn.get(0) : Filter.createORFilter(byDn), action)) {
                fresh.put(normalized(e.getDN()), toAccount(e));
            }
        }
        List<Account> out = new ArrayList<>(gcCopies.size());
        for (Account a : gcCopies) {
            out.add(fresh.getOrDefault(normalized(a.ref().dn()), a));
        }
        return out;
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }

    /** The one search a lookup sends: every candidate SPN, the short-name prefixes, and the computer account. */
    static Filter lookupFilter(TargetName target) {
        List<Filter> any = new ArrayList<>();
        for (Spn spn : CandidateSpns.forTarget(target)) {
            any.add(Filter.createEqualityFilter(SPN, spn.toString()));
        }
        if (target.isDnsName()) {
            any.add(Filter.createEqualityFilter("sAMAccountName", target.computerSamAccountName()));
            if (target.fqdn().isPresent()) {
                any.add(Filter.createEqualityFilter("dNSHostName", target.fqdn().get()));
            } else {
                // short name typed: find the FQDN forms too (HTTP/srv003.contoso.com), post-filtered client-side
                any.add(Filter.createSubstringFilter("dNSHostName", target.shortName() + ".", null, null));
                for (String cls : CandidateSpns.CLASSES) {
                    any.add(Filter.createSubstringFilter(SPN, cls + "/" + target.shortName() + ".", null, null));
                }
            }
        }
        return Filter.createORFilter(any);
    }

    private static Optional<Account> findComputer(TargetName target, List<Account> accounts) {
        if (!target.isDnsName()) {
            return Optional.empty();
        }
        List<Account> computers = accounts.stream().filter(a -> a.ref().kind() == AccountKind.COMPUTER).toList();
        if (target.fqdn().isPresent()) {
            Optional<Account> byDns = computers.stream()
                    .filter(a -> a.dnsHostName().map(h -> h.equalsIgnoreCase(target.fqdn().get())).orElse(false))
                    .findFirst();
            if (byDns.isPresent()) {
                return byDns;
            }
        }
        List<Account> bySam = computers.stream()
                .filter(a -> a.ref().samAccountName().equalsIgnoreCase(target.computerSamAccountName())).toList();
        if (target.fqdn().isPresent()) {
            // an FQDN was typed: a same-named computer whose dNSHostName names another domain is not the target
            return bySam.stream().filter(a -> a.dnsHostName().isEmpty()).findFirst();
        }
        return bySam.size() == 1 ? Optional.of(bySam.get(0)) : Optional.empty();
    }

    private static Optional<String> fqdnFromSpns(TargetName target, List<Account> accounts) {
        String prefix = target.shortName().toLowerCase(Locale.ROOT) + ".";
        return accounts.stream().flatMap(a -> a.spns().stream())
                .map(Spn::host)
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.toLowerCase(Locale.ROOT))
                .distinct()
                .reduce((a, b) -> a.equals(b) ? a : "")
                .filter(h -> !h.isEmpty());
    }

    @Override
    public List<Account> findHolders(Spn spn) throws DirectoryException {
        List<SearchResultEntry> entries = search(forest, forestBase, Filter.createEqualityFilter(SPN, spn.toString()),
                "checking who holds " + spn);
        List<Account> out = new ArrayList<>();
        for (SearchResultEntry e : entries) {
            Account a = toAccount(e);
            if (a.holds(spn)) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public List<Account> findDelegatingTo(Spn spn) throws DirectoryException {
        // msDS-AllowedToDelegateTo is not in the global catalog: search every domain's own partition
        Filter filter = Filter.createEqualityFilter("msDS-AllowedToDelegateTo", spn.toString());
        String action = "checking who delegates to " + spn;
        List<SearchResultEntry> entries = new ArrayList<>();
        if (domains.knowsDomains()) {
            for (DomainRouter.Domain d : domains.domains()) {
                entries.addAll(search(domains.connectionFor(d), d.namingContext(), filter, action + " in " + d.dnsName()));
            }
        } else {
            entries.addAll(search(forest, forestBase, filter, action));
        }
        List<Account> out = new ArrayList<>();
        for (SearchResultEntry e : entries) {
            Account a = toAccount(e);
            if (a.allowedToDelegateTo().stream().anyMatch(v -> v.equalsIgnoreCase(spn.toString()))) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public Optional<Account> readAccount(String dn) throws DirectoryException {
        LDAPInterface conn = domains.connectionFor(dn); // outside the try: a domain that cannot be reached is no "gone"
        try {
            SearchResultEntry e = conn.getEntry(dn, ACCOUNT_ATTRIBUTES);
            return e == null ? Optional.empty() : Optional.of(toAccount(RangedValues.completeAccount(conn, e)));
        } catch (DirectoryException e) {
            if (e.kind() == DirectoryException.Kind.NO_SUCH_ACCOUNT) {
                return Optional.empty(); // deleted while its values were read in ranges
            }
            throw e;
        } catch (LDAPException e) {
            if (e.getResultCode().intValue() == 32) {
                return Optional.empty();
            }
            throw LdapErrors.map(e, "reading " + dn);
        }
    }

    @Override
    public void apply(SpnChange change) throws DirectoryException {
        if (info.readOnly()) {
            throw new DirectoryException(DirectoryException.Kind.READ_ONLY,
                    "This connection is read-only: nothing was changed. Reconnect with changes allowed, or hand the script to an administrator.");
        }
        ModificationType type = change instanceof SpnChange.Add ? ModificationType.ADD : ModificationType.DELETE;
        ModifyRequest request = new ModifyRequest(change.account().dn(), new Modification(type, SPN, change.spn().toString()));
        try {
            domains.connectionFor(change.account().dn()).modify(request);
        } catch (LDAPException e) {
            throw LdapErrors.map(e, change.description().toLowerCase(Locale.ROOT).charAt(0) + change.description().substring(1));
        }
    }

    /** Runs one subtree search with the configured time limit; entries come back with every value of each attribute. */
    protected List<SearchResultEntry> search(LDAPInterface conn, String base, Filter filter, String action)
            throws DirectoryException {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, ACCOUNT_ATTRIBUTES);
        request.setSizeLimit(LOOKUP_SIZE_LIMIT);
        request.setTimeLimitSeconds(timeLimitSeconds);
        request.setResponseTimeoutMillis(timeLimitSeconds * 1000L + 2000L);
        try {
            SearchResult result = conn.search(request);
            List<SearchResultEntry> entries = new ArrayList<>();
            for (SearchResultEntry e : result.getSearchEntries()) {
                // more values than the server sends at once; an account deleted meanwhile is left out
                RangedValues.completeAccountIfPresent(conn, e).ifPresent(entries::add);
            }
            return entries;
        } catch (LDAPException e) {
            throw LdapErrors.map(e, action);
        }
    }

    /**
     * Converts an entry into an {@link Account}; SPN values that do not parse are kept out, never guessed. The entry
     * must be complete: values a server sent in ranges are completed first with {@link RangedValues}.
     */
    public static Account toAccount(SearchResultEntry e) {
        String[] ocs = e.getAttributeValues("objectClass");
        AccountKind kind = AccountKind.fromObjectClasses(ocs == null ? List.of() : Arrays.asList(ocs));
        AccountRef ref = new AccountRef(e.getDN(), e.getAttributeValue("sAMAccountName"), kind);
        List<Spn> spns = new ArrayList<>();
        String[] values = e.getAttributeValues(SPN);
        if (values != null) {
            for (String v : values) {
                try {
                    spns.add(Spn.parse(v));
                } catch (SpnFormatException ignored) {
                    // a value AD accepted but we cannot read as an SPN: not a WinRM candidate
                }
            }
        }
        Integer uac = e.getAttributeValueAsInteger("userAccountControl");
        String[] deleg = e.getAttributeValues("msDS-AllowedToDelegateTo");
        return new Account(ref, spns, Optional.ofNullable(e.getAttributeValue("dNSHostName")), uac == null ? 0 : uac,
                deleg == null ? List.of() : Arrays.asList(deleg));
    }

    @Override
    public io.github.spndoctor.core.model.SpnMappings spnMappings() throws DirectoryException {
        return ForestFacts.spnMappings(domains.homeConnection(), timeLimitSeconds);
    }

    @Override
    public java.util.OptionalInt keyVersion(String dn) throws DirectoryException {
        return ForestFacts.keyVersion(domains.connectionFor(dn), dn);
    }

    @Override
    public Optional<Instant> serverTime() throws DirectoryException {
        return ForestFacts.serverTime(domains.homeConnection());
    }

    /** Attributes a scan reads: the least that conflict detection needs. */
    static final String[] SCAN_ATTRIBUTES = {"objectClass", "sAMAccountName", "dNSHostName", SPN};

    @Override
    public boolean scanSpns(int pageSize, io.github.spndoctor.core.directory.SpnScanSink sink) throws DirectoryException {
        return PagedScan.run(forest, forestBase, pageSize, timeLimitSeconds, sink);
    }

    @Override
    public void close() {
        try {
            domains.close();
        } finally {
            closer.run();
        }
    }
}
