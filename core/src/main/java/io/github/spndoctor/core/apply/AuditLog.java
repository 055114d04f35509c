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
 * The append-only audit log: one tab-separated line per directory write SPN Doctor attempted - applied, refused or
 * unanswered - with time, outcome, operation, SPN, account DN, bound identity, server, the directory's result code,
 * journal and detail. Writes to the built-in demo directory go to a separate demo log ({@link #fileFor}), never
 * into the log of real changes. The file is only ever opened for appending and each line is forced to disk. Never
 * holds a password (it is never given one). Thread-safe.
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

    /** The log of changes to real directories. */
    public Path file() { return file; }

    /** Where a write through {@code info} is logged: {@link #file()}, or for the demo directory the demo log beside it. */
    public Path fileFor(DirectoryInfo info) {
        return info.demo() ? StatePaths.demoSibling(file) : file;
    }

    /** Appends one line for an attempted write. */
    public synchronized void record(DirectoryInfo info, ChangeOutcome outcome, Path journal) throws IOException {
        SpnChange c = outcome.change();
        String line = String.join("\t", Instant.now().toString(), outcome.status().id(),
                c instanceof SpnChange.Add ? "add" : "delete", clean(c.spn().toString()), clean(c.account().dn()),
                "by=" + clean(info.boundIdentity()), "server=" + clean(info.server()) + (info.demo() ? " (demo)" : ""),
                "result=" + (outcome.resultCode().isEmpty() ? "-" : clean(outcome.resultCode())),
                "journal=" + (journal == null ? "-" : clean(journal.toString())),
                clean(outcome.detail())) + "\n";
        write(info, line);
    }

    /** Appends one line for an attempted DNS alias change (the demo's CNAME break): operation "cname", alias and targets. */
    public synchronized void record(DirectoryInfo info, AliasOutcome outcome, Path journal) throws IOException {
        io.github.spndoctor.core.model.AliasChange c = outcome.change();
        write(info, String.join("\t", Instant.now().toString(), outcome.status().id(), "cname",
                clean(c.alias() + " -> " + c.after()), clean("was " + c.before()),
                "by=" + clean(info.boundIdentity()), "server=" + clean(info.server()) + (info.demo() ? " (demo)" : ""),
                "result=-", "journal=" + (journal == null ? "-" : clean(journal.toString())), clean(outcome.detail())) + "\n");
    }

    private void write(DirectoryInfo info, String line) throws IOException {
        Path target = fileFor(info);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private static String clean(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }
}
