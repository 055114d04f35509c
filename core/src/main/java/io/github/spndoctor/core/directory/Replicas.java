package io.github.spndoctor.core.directory;

import java.util.List;

/**
 * Reads one account on each domain controller directly, bypassing the session's usual DC, with the same transport,
 * trust and identity: how "has the change reached every DC?" is answered. Calls block (bounded by the session's
 * timeouts); run them off the UI thread. Thread-safe: reads on different DCs may run in parallel.
 */
public interface Replicas extends AutoCloseable {
    /** Every DC of the forest, from the nTDSDSA objects of the configuration partition, sorted by site and name. */
    List<DomainController> domainControllers() throws DirectoryException;

    /**
     * Reads the account {@code dn} on {@code dc}: over the DC port when the account is in the DC's own domain, else
     * over its global-catalog port. Never throws: a DC that cannot be reached or answers with an error is
     * {@link ReplicaRead.Status#UNREACHABLE}.
     */
    ReplicaRead read(DomainController dc, String dn);

    /**
     * {@link #read(DomainController, String)}, asking for the replication metadata only when {@code withOrigin}:
     * without it a read fetches the SPN values and uSNChanged alone (a watch's later rounds; far less for the DC to
     * build and for the client to decode). A replica that has no cheaper read may always include the origin.
     */
    default ReplicaRead read(DomainController dc, String dn, boolean withOrigin) { return read(dc, dn); }

    /** What a read compares, in plain words, e.g. "servicePrincipalName values; origin from msDS-ReplAttributeMetaData". */
    String compared();

    @Override
    void close();
}
