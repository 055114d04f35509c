package io.github.spndoctor.core.directory;

import java.time.Instant;

/**
 * Where the current servicePrincipalName value of an account came from, from the DC's replication metadata
 * (msDS-ReplAttributeMetaData or replPropertyMetaData): the DC on which it was last written and when. Immutable.
 *
 * @param originatingDc the originating DC's name when it could be matched, else its invocationId or DSA DN
 * @param changedAt     the originating write's time (whole seconds, as AD keeps it)
 * @param version       the attribute's version: it grows by one with every originating write
 */
public record ValueOrigin(String originatingDc, Instant changedAt, long version) {}
