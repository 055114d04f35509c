package io.github.spndoctor.core.apply;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces a directory's entries to disk, so a file just created there survives a crash. */
final class DiskSync {
    /** Told of every directory synced (a test seam: a real fsync cannot be observed from Java). */
    static volatile java.util.function.Consumer<Path> observer = p -> { };

    private DiskSync() {}

    /**
     * fsyncs {@code dir}. On POSIX systems a directory opens for reading and {@link FileChannel#force} syncs its
     * entries; Windows cannot open a directory this way (NTFS journals the entry itself), so there it does nothing.
     */
    static void directory(Path dir) throws IOException {
        if (dir == null || System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
        observer.accept(dir);
    }
}
