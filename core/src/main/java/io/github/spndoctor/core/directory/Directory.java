package io.github.spndoctor.core.directory;

import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.model.TargetName;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.time.Instant;

/**
 * The one port through which SPN Doctor reads and writes a directory. Implemented once over UnboundID's
 * LDAPInterface ({@link io.github.spndoctor.core.directory.ldap.LdapDirectory}), which serves both a live domain
 * controller and the built-in demo directory. Calls block; run them off the UI thread. Implementations are
 * thread-safe.
 */
public interface Directory extends AutoCloseable {
    /** Mode, server and identity, for banners and journals. */
    DirectoryInfo info();

    /** Every SPN form WinRM (or its alternatives) could ask for on {@code target}, plus the target's computer account. */
    LookupResult lookup(TargetName target) throws DirectoryException;

    /** Every account in the forest holding {@code spn} (case-insensitive): the uniqueness check before an add. */
    List<Account> findHolders(Spn spn) throws DirectoryException;

    /**
     * Every account whose msDS-AllowedToDelegateTo (Kerberos constrained delegation) names {@code spn},
     * case-insensitive: the accounts whose delegation breaks if the SPN is removed or moved. Implementations that
     * cannot search for this throw, so a caller never mistakes "not checked" for "nobody delegates".
     */
    default List<Account> findDelegatingTo(Spn spn) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.OTHER,
                "This directory connection cannot search for constrained delegation entries.");
    }

    /** Re-reads one account by DN; empty when it no longer exists. */
    Optional<Account> readAccount(String dn) throws DirectoryException;

    /** Writes one single-value change. Fails with {@link DirectoryException.Kind#READ_ONLY} on a read-only connection. */
    void apply(SpnChange change) throws DirectoryException;

    /**
     * Re-points one DNS alias (the trainer's CNAME break and its undo). Only the trainer's demo keeps DNS that SPN
     * Doctor may change; the default refuses, and writes nothing.
     */
    default void applyAlias(io.github.spndoctor.core.model.AliasChange change) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.READ_ONLY,
                "SPN Doctor changes DNS records only in its own demo: nothing was changed.");
    }

    /** Where a DNS alias points now, for the recheck of an alias change; empty when it is no alias (or not known). */
    default Optional<String> aliasTarget(String alias) throws DirectoryException { return Optional.empty(); }

    /**
     * Streams every account in the forest that holds a servicePrincipalName, one server page at a time
     * ({@code pageSize} entries, each page under the server's time limit), into {@code sink}. Nothing is accumulated
     * here. Returns false when the sink cancelled before the last page.
     *
     * <p>The default refuses: only directories that can page through the whole forest implement it.
     */
    default boolean scanSpns(int pageSize, SpnScanSink sink) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.OTHER,
                "This directory cannot be scanned as a whole; connect to a domain controller or use the demo directory.");
    }

    /**
     * The forest's {@code sPNMappings} (CN=Directory Service,CN=Windows NT,CN=Services,&lt;configuration NC&gt;), read
     * from the directory, never assumed. An entry without the attribute gives {@link SpnMappings#none}. The default
     * refuses, so "could not read" is never mistaken for "no mappings".
     */
    default SpnMappings spnMappings() throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.OTHER,
                "This directory connection cannot read the forest's sPNMappings.");
    }

    /**
     * The account's current key version number ({@code msDS-KeyVersionNumber}); empty when the directory does not
     * keep one for it. The default refuses.
     */
    default OptionalInt keyVersion(String dn) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.OTHER,
                "This directory connection cannot read key version numbers.");
    }

    /** The server's clock (rootDSE {@code currentTime}); empty when the server does not say. */
    default Optional<Instant> serverTime() throws DirectoryException {
        return Optional.empty();
    }

    /**
     * Direct reads on every domain controller, to watch a change replicate (issue 15). Empty when this directory
     * cannot reach its DCs one by one; callers then say that convergence was not checked.
     */
    default Optional<Replicas> replicas() {
        return Optional.empty();
    }

    @Override
    void close();
}
