package io.github.spndoctor.core.directory;

/**
 * Receives a forest scan's accounts as the pages arrive ({@link Directory#scanSpns}). Called on the scanning thread,
 * one call at a time. Implementations decide what to keep; the directory keeps nothing.
 */
public interface SpnScanSink {
    /** One account holding at least one SPN. */
    void accept(SpnHolder holder);

    /** A page is complete; {@code accountsSoFar} counts every account delivered so far. */
    default void pageDone(long accountsSoFar) {}

    /** Checked between pages: true stops the scan early (the scan then ends normally, incomplete). */
    default boolean cancelled() { return false; }
}
