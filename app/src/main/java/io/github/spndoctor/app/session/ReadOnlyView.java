package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;

/**
 * A read-only view of the shared demo directory: reads (lookups, delegation searches, scans) pass through, every
 * write is refused, the banner says "read-only". Closing the view leaves the demo directory running.
 * Thread-safe when the underlying directory is.
 */
public final class ReadOnlyView extends DelegatingDirectory {
    private final DirectoryInfo info;

    public ReadOnlyView(Directory delegate) {
        super(delegate);
        DirectoryInfo d = delegate.info();
        this.info = new DirectoryInfo(d.demo(), d.server(), d.boundIdentity(), true);
    }

    @Override
    public DirectoryInfo info() { return info; }

    @Override
    public LookupResult lookup(TargetName target) throws DirectoryException {
        LookupResult r = delegate().lookup(target);
        return new LookupResult(r.target(), r.computer(), r.registrations(), r.accounts(), info, r.queriedAt(),
                r.replicationNotes());
    }

    @Override
    public void apply(SpnChange change) throws DirectoryException {
        throw new DirectoryException(DirectoryException.Kind.READ_ONLY,
                io.github.spndoctor.app.ui.Messages.get("readOnly.refused"));
    }

    @Override
    public void close() {
        // the demo directory is owned by the app
    }
}
