package io.github.spndoctor.core.directory;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;

import java.util.List;
import java.util.Optional;

/** Passes every call to another directory; subclasses override what they change (read-only views, the demo's saving view). */
public class DelegatingDirectory implements Directory {
    private final Directory delegate;

    public DelegatingDirectory(Directory delegate) { this.delegate = delegate; }

    /** The directory underneath. */
    public Directory delegate() { return delegate; }

    @Override
    public DirectoryInfo info() { return delegate.info(); }

    @Override
    public LookupResult lookup(TargetName target) throws DirectoryException { return delegate.lookup(target); }

    @Override
    public List<Account> findHolders(Spn spn) throws DirectoryException { return delegate.findHolders(spn); }

    @Override
    public List<Account> findDelegatingTo(Spn spn) throws DirectoryException { return delegate.findDelegatingTo(spn); }

    @Override
    public io.github.spndoctor.core.model.SpnMappings spnMappings() throws DirectoryException { return delegate.spnMappings(); }

    @Override
    public java.util.OptionalInt keyVersion(String dn) throws DirectoryException { return delegate.keyVersion(dn); }

    @Override
    public Optional<java.time.Instant> serverTime() throws DirectoryException { return delegate.serverTime(); }

    @Override
    public boolean scanSpns(int pageSize, io.github.spndoctor.core.directory.SpnScanSink sink) throws DirectoryException {
        return delegate.scanSpns(pageSize, sink);
    }

    @Override
    public Optional<Account> readAccount(String dn) throws DirectoryException { return delegate.readAccount(dn); }

    @Override
    public void apply(SpnChange change) throws DirectoryException { delegate.apply(change); }

    @Override
    public void applyAlias(io.github.spndoctor.core.model.AliasChange change) throws DirectoryException { delegate.applyAlias(change); }

    @Override
    public Optional<String> aliasTarget(String alias) throws DirectoryException { return delegate.aliasTarget(alias); }

    @Override
    public void close() { delegate.close(); }

    @Override
    public Optional<Replicas> replicas() { return delegate.replicas(); }
}
