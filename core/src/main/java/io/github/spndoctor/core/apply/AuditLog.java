package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.SpnChange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;

/**
 * The append-only audit log: one tab-separated line per directory write SPN Doctor attempted, with time, outcome,
 * operation, SPN, account DN, bound identity, server and journal. The file is only ever opened for appending and
 * each line is forced to disk. Never holds a password (it is never given one). Thread-safe.
 */
public final class AuditLog {
    private final Path file;

    public AuditLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The log in {@link StatePaths#auditLog()}. */
    public static AuditLog standard() {
        return new AuditLog(StatePaths.auditLog());
    }

    public Path file() { return file; }

    /** Appends one line. */
    public synchronized void record(DirectoryInfo info, ChangeOutcome outcome, Path journal) throws IOException {
        SpnChange c = outcome.change();
        String line = String.join("\t", Instant.now().toString(), outcome.status().id(),
                c instanceof SpnChange.Add ? "add" : "delete", clean(c.spn().toString()), clean(c.account().dn()),
                "by=" + clean(info.boundIdentity()), "server=" + clean(info.server()) + (info.demo() ? " (demo)" : ""),
                "journal=" + (journal == null ? "-" : clean(journal.toString())),
                clean(outcome.detail())) + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private static String clean(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }
}
