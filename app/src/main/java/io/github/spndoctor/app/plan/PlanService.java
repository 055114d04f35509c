package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.apply.Recheck;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.verify.CommandRunner;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.ToolKerberosProbe;
import io.github.spndoctor.core.verify.Verifier;
import io.github.spndoctor.core.verify.VerifyResult;
import java.util.Map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans through core: {@link Preview} for every format, {@link PlanExecutor} for the recheck and the apply, and a
 * {@link Journal} written and flushed before the first change (undo comes from the journal). Files live under one
 * home directory: {@code journals/}, {@code scripts/}, {@code audit.log}; the demo directory's under {@code demo/}. Everything but {@link #formats()} and
 * {@link #render} blocks on the directory or the disk: run it off the UI thread. Thread-safe.
 */
public final class PlanService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path home;
    private PlanExecutor executor;

    public PlanService(Path home) {
        this.home = home;
    }

    private synchronized PlanExecutor executor() {
        if (executor == null) {
            executor = new PlanExecutor(new AuditLog(home.resolve("audit.log")));
        }
        return executor;
    }

    /** The preview tabs, Summary first. */
    public List<Format> formats() {
        return List.of(Format.values());
    }

    /** The plan as text in one format (copyable, savable). */
    public String render(Plan plan, Format format) {
        return Preview.render(plan, format);
    }

    /** Re-reads every account the plan touches; never overwrites another admin's change. Blocks. */
    public Recheck recheck(Directory directory, Plan plan) throws DirectoryException {
        return executor().recheck(directory, plan);
    }

    /** Writes the journal, then applies change by change, stopping at the first failure. Blocks. */
    public ApplyOutcome apply(Directory directory, TargetName target, Plan plan, ApplyListener listener) throws IOException {
        Path journals = home.resolve("journals");
        Journal journal = Journal.create(directory.info().demo() ? StatePaths.demoSibling(journals) : journals,
                directory.info(), target, plan);
        ApplyReport report = executor().apply(directory, plan, journal, new io.github.spndoctor.core.apply.ApplyListener() {
            @Override
            public void starting(int index, int total, SpnChange change) {
                listener.changed(index, ChangeStatus.APPLYING, "");
            }

            @Override
            public void finished(int index, int total, ChangeOutcome outcome) {
                listener.changed(index, status(outcome.status()), outcome.status() == ChangeOutcome.Status.APPLIED ? "" : outcome.detail());
            }
        });
        List<ChangeStatus> statuses = report.outcomes().stream().map(o -> status(o.status())).toList();
        Plan applied = plan.withChanges(report.withStatus(ChangeOutcome.Status.APPLIED));
        String message = report.message() + (report.problems().isEmpty() ? "" : "\n" + String.join("\n", report.problems()));
        String detail = report.outcomes().stream().filter(o -> o.status() != ChangeOutcome.Status.APPLIED)
                .map(o -> o.change().description() + ": " + o.status().id() + (o.detail().isEmpty() ? "" : " — " + o.detail()))
                .collect(Collectors.joining("\n"));
        return new ApplyOutcome(statuses, applied, message, detail, report.journal(), journal, Optional.of(report));
    }

    private static ChangeStatus status(ChangeOutcome.Status s) {
        return switch (s) {
            case APPLIED -> ChangeStatus.APPLIED;
            case FAILED -> ChangeStatus.FAILED;
            case UNKNOWN -> ChangeStatus.UNKNOWN;
            case NOT_ATTEMPTED -> ChangeStatus.NOT_ATTEMPTED;
        };
    }

    /** The plan that undoes what {@code outcome} applied. */
    public Plan undoPlan(ApplyOutcome outcome) {
        if (outcome.journalHandle() instanceof Journal j) {
            return j.undoPlan();
        }
        throw new IllegalStateException(Messages.get("undo.noJournal"));
    }

    /** Saves a script an administrator can run to make the plan's changes; returns the file written. */
    public Path saveScript(Plan plan, TargetName target) throws IOException {
        Path dir = home.resolve("scripts");
        Files.createDirectories(dir);
        String base = "spn-doctor-" + safe(target.asTyped()) + "-" + LocalDateTime.now().format(STAMP);
        Path file = dir.resolve(base + ".ps1");
        Files.writeString(file, Preview.render(plan, Format.POWERSHELL), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(base + ".cmd"), Preview.render(plan, Format.SETSPN), StandardCharsets.UTF_8);
        if (!plan.clientSteps().isEmpty()) {
            Files.writeString(dir.resolve(base + ".reg"), Preview.render(plan, Format.REG), StandardCharsets.UTF_8);
        }
        return file;
    }

    /** Check again: re-runs the lookup and the classification, and asks the KDC where that is possible. Blocks. */
    public VerifyResult verify(Directory directory, TargetName target, String remedyId) {
        // the trainer's demo has its own KDC; other demo names are fictional, and a real KDC would prove nothing
        Optional<KerberosProbe> probe = io.github.spndoctor.core.demo.TrainerDemo.of(directory)
                .map(io.github.spndoctor.core.demo.TrainerDemo::ticketProbe)
                .or(() -> !directory.info().demo() && ToolKerberosProbe.available(CommandRunner.PROCESS, Map.of())
                        ? Optional.of(ToolKerberosProbe.forThisMachine()) : Optional.empty());
        return Verifier.verify(directory, target, remedyId, probe);
    }

    /** Saves a report of the session; returns the file written. */
    public Path saveReport(SessionFacts f, Path file) throws IOException {
        SessionReport r = SessionReport.start().withSymptom(f.symptomText()).withTimeline(f.timeline());
        if (f.directory().isPresent()) {
            r = r.withDirectory(f.directory().get());
        }
        if (f.lookup().isPresent()) {
            r = r.withLookup(f.lookup().get(), f.causes());
        }
        if (f.plan().isPresent()) {
            r = r.withPlan(f.plan().get());
        }
        if (f.recheck().isPresent()) {
            r = r.withRecheck(f.recheck().get());
        }
        if (f.applied().isPresent()) {
            r = r.withApplied(f.applied().get());
        }
        if (f.verified().isPresent()) {
            r = r.withVerified(f.verified().get());
        }
        if (f.undone().isPresent()) {
            r = r.withUndone(f.undone().get());
        }
        boolean html = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html");
        Files.writeString(file, html ? r.toHtml() : r.toMarkdown(), StandardCharsets.UTF_8);
        return file;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }

}
