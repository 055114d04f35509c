package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of another directory: reads pass through, every write is refused, and the banner says
 * "read-only". Closing it does not close the directory underneath (the demo directory lives as long as the app).
 * Thread-safe when the underlying directory is.
 */
public final class ReadOnlyDirectory implements Directory {
    private final Directory delegate;
    private final DirectoryInfo info;

    public ReadOnlyDirectory(Directory delegate) {
        this.delegate = delegate;
        DirectoryInfo d = delegate.info();
        this.info = new DirectoryInfo(d.demo(), d.server(), d.boundIdentity(), true);
    }

    @Override
    public DirectoryInfo info() { return info; }

    @Override
    public LookupResult lookup(TargetName target) throws DirectoryException {
        LookupResult r = delegate.lookup(target);
        return new LookupResult(r.target(), r.computer(), r.registrations(), r.accounts(), info, r.queriedAt());
    }

    @Override
    public List<Account> findHolders(Spn spn) throws DirectoryException { return delegate.findHolders(spn); }

    @Override
    public Optional<Account> readAccount(String dn) throws DirectoryException { return delegate.readAccount(dn); }

    @Override
    public void apply(SpnChange change) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.READ_ONLY,
                "This connection is read-only: nothing was changed.");
    }

    @Override
    public void close() {
        // the underlying directory is owned by whoever opened it
    }
}
