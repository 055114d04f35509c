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
 * Wraps any directory so that it refuses every write and says so in its banner. Reads pass through. Thread-safe
 * when the wrapped directory is.
 */
public final class ReadOnlyDirectory implements Directory {
    private final Directory inner;
    private final DirectoryInfo info;

    public ReadOnlyDirectory(Directory inner) {
        this.inner = inner;
        DirectoryInfo i = inner.info();
        this.info = new DirectoryInfo(i.demo(), i.server(), i.boundIdentity(), true);
    }

    @Override
    public DirectoryInfo info() { return info; }

    @Override
    public LookupResult lookup(TargetName target) throws DirectoryException {
        LookupResult r = inner.lookup(target);
        return new LookupResult(r.target(), r.computer(), r.registrations(), r.accounts(), info, r.queriedAt(),
                r.replicationNotes());
    }

    @Override
    public List<Account> findHolders(Spn spn) throws DirectoryException { return inner.findHolders(spn); }

    @Override
    public List<Account> findDelegatingTo(Spn spn) throws DirectoryException { return inner.findDelegatingTo(spn); }

    @Override
    public Optional<Account> readAccount(String dn) throws DirectoryException { return inner.readAccount(dn); }

    @Override
    public void apply(SpnChange change) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.READ_ONLY,
                "This connection is read-only: nothing was changed. Reconnect with changes allowed, or hand the script to an administrator.");
    }

    @Override
    public void applyAlias(io.github.spndoctor.core.model.AliasChange change) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.READ_ONLY, "This connection is read-only: nothing was changed.");
    }

    @Override
    public Optional<String> aliasTarget(String alias) throws DirectoryException { return inner.aliasTarget(alias); }

    @Override
    public boolean scanSpns(int pageSize, SpnScanSink sink) throws DirectoryException { return inner.scanSpns(pageSize, sink); }

    @Override
    public SpnMappings spnMappings() throws DirectoryException { return inner.spnMappings(); }

    @Override
    public OptionalInt keyVersion(String dn) throws DirectoryException { return inner.keyVersion(dn); }

    @Override
    public Optional<Instant> serverTime() throws DirectoryException { return inner.serverTime(); }

    @Override
    public Optional<Replicas> replicas() { return inner.replicas(); }

    @Override
    public void close() { inner.close(); }
}
