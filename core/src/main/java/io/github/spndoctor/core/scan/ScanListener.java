package io.github.spndoctor.core.scan;

/**
 * Receives a scan's progress (after every page, on the scanning thread: a UI must hand it over to its own thread)
 * and may cancel it. Both methods have do-nothing defaults.
 */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {};

    default void progress(ScanProgress progress) {}

    /** Polled between pages; true stops the scan, which then reports what it found so far as incomplete. */
    default boolean cancelled() { return false; }
}
