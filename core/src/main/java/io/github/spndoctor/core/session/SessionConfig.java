package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.remedy.RemedySettings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a repair session keeps its files and which outside helpers it may use: the journal directory, the audit log,
 * DNS (empty: never ask; the demo directory is never checked against DNS either), the Kerberos probe, and the remedy
 * settings. Immutable.
 */
public record SessionConfig(Path journalDir, AuditLog audit, Optional<NameResolver> names, ProbeChoice probes,
                            RemedySettings remedySettings) {
    public SessionConfig {
        Objects.requireNonNull(journalDir, "journalDir");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(remedySettings, "remedySettings");
    }

    /** SPN Doctor's state directory, DNS through the JDK, the platform's Kerberos tools where present. */
    public static SessionConfig defaults() {
        return new SessionConfig(StatePaths.journals(), AuditLog.standard(), Optional.of(new JdkNameResolver()),
                ProbeChoice.PLATFORM, RemedySettings.DEFAULT);
    }

    /** Journals in {@code home/journals}, the audit log in {@code home/audit.log}; otherwise the defaults. */
    public static SessionConfig under(Path home) {
        return new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.of(new JdkNameResolver()), ProbeChoice.PLATFORM, RemedySettings.DEFAULT);
    }

    public SessionConfig withNames(Optional<NameResolver> n) { return new SessionConfig(journalDir, audit, n, probes, remedySettings); }

    public SessionConfig withProbes(ProbeChoice p) { return new SessionConfig(journalDir, audit, names, p, remedySettings); }

    public SessionConfig withRemedySettings(RemedySettings s) { return new SessionConfig(journalDir, audit, names, probes, s); }

    public SessionConfig withAudit(AuditLog a) { return new SessionConfig(journalDir, a, names, probes, remedySettings); }

    public SessionConfig withJournalDir(Path dir) { return new SessionConfig(dir, audit, names, probes, remedySettings); }
}
