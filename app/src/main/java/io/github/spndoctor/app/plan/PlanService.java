package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.report.SessionReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The wizard's files: scripts for an administrator ({@code scripts/} under the home directory) and saved reports.
 * Everything about applying, checking and undoing lives in the core repair session. Blocks on the disk: run it off
 * the UI thread (except {@link #formats()} and {@link #render}). Thread-safe.
 */
public final class PlanService {
    /** Made on first use, not when the wizard starts (java.time's formatters cost start-up: ADR 0105). */
    private static final class Stamp {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    }
    private final Path home;

    public PlanService(Path home) {
        this.home = home;
    }

    /** The preview tabs, Summary first. */
    public List<Format> formats() {
        return List.of(Format.values());
    }

    /** The plan as text in one format (copyable, savable). */
    public String render(Plan plan, Format format) {
        return Preview.render(plan, format);
    }

    /** Saves a script an administrator can run to make the plan's changes; returns the file written. */
    public Path saveScript(Plan plan, TargetName target) throws IOException {
        Path dir = home.resolve("scripts");
        Files.createDirectories(dir);
        String base = "spn-doctor-" + safe(target.asTyped()) + "-" + LocalDateTime.now().format(Stamp.FORMAT);
        Path file = dir.resolve(base + ".ps1");
        Files.writeString(file, Preview.render(plan, Format.POWERSHELL), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(base + ".cmd"), Preview.render(plan, Format.SETSPN), StandardCharsets.UTF_8);
        if (!plan.clientSteps().isEmpty()) {
            Files.writeString(dir.resolve(base + ".reg"), Preview.render(plan, Format.REG), StandardCharsets.UTF_8);
        }
        return file;
    }

    /** Saves a session report (HTML for .html, else Markdown); returns the file written. */
    public Path saveReport(SessionReport r, Path file) throws IOException {
        boolean html = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html");
        Files.writeString(file, html ? r.toHtml() : r.toMarkdown(), StandardCharsets.UTF_8);
        return file;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
