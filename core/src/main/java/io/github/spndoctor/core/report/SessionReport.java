package io.github.spndoctor.core.report;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.text.RedactedText;
import io.github.spndoctor.core.text.Redaction;
import io.github.spndoctor.core.verify.VerifyResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report of one troubleshooting session for the ticket: the symptom as pasted, what the lookup found, the causes,
 * the plan, what was applied and the check afterwards - as Markdown or HTML. Immutable; build it with the
 * {@code with*} methods. The symptom text is redacted ({@link Redaction}) and shortened to {@link #MAX_SYMPTOM}
 * characters; no other input can carry a password.
 */
public record SessionReport(Instant generatedAt, String symptom, Optional<DirectoryInfo> directory,
                            Optional<LookupResult> lookup, List<RankedCause> causes, Optional<Plan> plan,
                            Optional<Recheck> recheck, Optional<ApplyReport> applied, Optional<VerifyResult> verified,
                            Optional<ApplyReport> undone, List<TimelineEntry> timeline, List<EvidenceItem> evidence,
                            Optional<io.github.spndoctor.core.flow.TicketFlow> flow) {
    public static final int MAX_SYMPTOM = 20_000;

    public SessionReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        symptom = clean(symptom);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(lookup, "lookup");
        causes = List.copyOf(causes);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(recheck, "recheck");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(undone, "undone");
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        flow = flow == null ? Optional.empty() : flow;
    }

    /** An empty report, stamped now. */
    public static SessionReport start() {
        return new SessionReport(Instant.now(), "", Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    /** The symptom as the user gave it, already redacted where it entered. */
    public SessionReport withSymptom(RedactedText text) {
        return withSymptom(text.text());
    }

    /** The symptom text; it is redacted here too. */
    public SessionReport withSymptom(String text) {
        return new SessionReport(generatedAt, text, directory, lookup, causes, plan, recheck, applied, verified, undone, timeline, evidence, flow);
    }

    public SessionReport withLookup(LookupResult l, List<RankedCause> c) {
        return new SessionReport(generatedAt, symptom, Optional.of(l.source()), Optional.of(l), c, plan, recheck, applied, verified, undone, timeline, evidence, flow);
    }

    public SessionReport withDirectory(DirectoryInfo info) {
        return new SessionReport(generatedAt, symptom, Optional.of(info), lookup, causes, plan, recheck, applied, verified, undone, timeline, evidence, flow);
    }

    public SessionReport withPlan(Plan p) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, Optional.of(p), recheck, applied, verified, undone, timeline, evidence, flow);
    }

    public SessionReport withRecheck(Recheck r) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, Optional.of(r), applied, verified, undone, timeline, evidence, flow);
    }

    public SessionReport withApplied(ApplyReport r) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, recheck, Optional.of(r), verified, undone, timeline, evidence, flow);
    }

    public SessionReport withVerified(VerifyResult v) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, recheck, applied, Optional.of(v), undone, timeline, evidence, flow);
    }

    public SessionReport withUndone(ApplyReport r) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, recheck, applied, verified, Optional.of(r), timeline, evidence, flow);
    }

    /** A copy with the ranked causes of a diagnosis made without a lookup (text alone). */
    public SessionReport withCauses(List<RankedCause> c) {
        return new SessionReport(generatedAt, symptom, directory, lookup, c, plan, recheck, applied, verified, undone, timeline, evidence, flow);
    }

    /** A copy with the session's timeline (every step in order) and the extra evidence gathered. */
    public SessionReport withTimeline(List<TimelineEntry> steps, List<EvidenceItem> items) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, recheck, applied, verified, undone, steps, items, flow);
    }

    /** A copy with the ticket flow drawn for the session's host (the HTML report embeds it as SVG). */
    public SessionReport withTicketFlow(io.github.spndoctor.core.flow.TicketFlow f) {
        return new SessionReport(generatedAt, symptom, directory, lookup, causes, plan, recheck, applied, verified, undone, timeline, evidence,
                Optional.ofNullable(f));
    }

    /**
     * Blanks secrets ({@link Redaction}: a no-op for text that entered as {@link RedactedText}) and shortens; never
     * returns null.
     */
    static String clean(String text) {
        String t = Redaction.redact(text);
        t = t.length() > MAX_SYMPTOM ? t.substring(0, MAX_SYMPTOM) + "\n[... " + (t.length() - MAX_SYMPTOM)
                + " more characters not included]" : t;
        return t;
    }

    /** The sections, in order, as (heading, blocks) independent of the output format. */
    private List<Section> sections() {
        List<Section> out = new ArrayList<>();
        Section ctx = new Section("Session");
        ctx.para("Generated " + generatedAt + " by SPN Doctor.");
        directory.ifPresent(d -> ctx.para("Directory: " + d.banner()));
        lookup.ifPresent(l -> ctx.para("Target: " + l.target().asTyped() + l.target().fqdn().map(f -> " (" + f + ")").orElse("")
                + "; computer account: " + l.computer().map(c -> c.ref().samAccountName() + " - " + c.ref().dn()).orElse("not found")));
        out.add(ctx);
        if (!timeline.isEmpty()) {
            Section t = new Section("Timeline");
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (TimelineEntry e : timeline) {
                rows.add(List.of(String.valueOf(n++), e.at().toString(), e.kind().label(), Redaction.redact(e.title())));
            }
            t.table(List.of("#", "Time", "Step", "What happened"), rows);
            out.add(t);
        }
        EvidenceSections.add(out, evidence);
        if (!symptom.isBlank()) {
            Section s = new Section("Symptom");
            s.code(symptom);
            out.add(s);
        }
        lookup.ifPresent(l -> {
            Section s = new Section("Findings");
            List<List<String>> rows = new ArrayList<>();
            for (Registration r : l.registrations()) {
                rows.add(List.of(r.spn().toString(), l.status(r).id(),
                        r.holders().isEmpty() ? "-" : String.join(", ", r.holders().stream().map(h -> h.label()).toList())));
            }
            s.table(List.of("SPN", "Status", "Held by"), rows);
            out.add(s);
        });
        flow.ifPresent(f -> {
            Section s = new Section("How the ticket travels");
            Block b = new Block(Kind.FLOW);
            b.text = f.outline();
            b.svg = io.github.spndoctor.core.flow.TicketFlowSvg.element(f);
            s.blocks.add(b);
            out.add(s);
        });
        if (lookup.isPresent()) {
            Section s = new Section("Cause");
            if (causes.isEmpty()) {
                s.para("The directory shows no SPN problem for this name.");
            }
            for (RankedCause c : causes) {
                List<String> ev = new ArrayList<>();
                for (Evidence e : c.evidence()) {
                    ev.add((e.supports() ? "" : "against: ") + e.detail() + " (" + e.source().id() + ")");
                }
                s.para(c.id().id() + " - " + io.github.spndoctor.core.diagnosis.Confidence.of(c).words()
                        + " (confidence " + Math.round(c.confidence() * 100) + "%)");
                s.list(ev);
            }
            out.add(s);
        }
        plan.ifPresent(p -> {
            Section s = new Section("Plan: " + p.title());
            s.code(Preview.render(p, Format.SUMMARY));
            if (p.hasDirectoryChanges()) {
                s.para("As setspn:");
                s.code(Preview.render(p, Format.SETSPN));
            }
            for (ClientStep step : p.clientSteps()) {
                s.para(step.title() + ": " + step.explanation());
                s.code(step.script());
            }
            out.add(s);
        });
        recheck.ifPresent(r -> {
            Section s = new Section("Check before applying");
            s.para(r.message());
            out.add(s);
        });
        boolean stepped = timeline.stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.APPLY
                || e.kind() == TimelineEntry.Kind.CHECK || e.kind() == TimelineEntry.Kind.UNDO);
        if (stepped) {
            // the steps in the order they happened: apply, check, replication, undo, check, replication
            int n = 1;
            for (TimelineEntry e : timeline) {
                if (e.kind() == TimelineEntry.Kind.APPLY || e.kind() == TimelineEntry.Kind.CHECK || e.kind() == TimelineEntry.Kind.UNDO
                        || e.kind() == TimelineEntry.Kind.PROBE || e.kind() == TimelineEntry.Kind.REPLICATION) {
                    Section s = new Section("Step " + n + ": " + e.kind().label() + " - " + e.title());
                    if (!e.detail().isBlank()) {
                        s.code(e.detail());
                    }
                    out.add(s);
                }
                n++;
            }
        } else {
            applied.ifPresent(a -> out.add(outcomeSection("Outcome", a)));
            verified.ifPresent(v -> {
                Section s = new Section("Verification");
                s.code(v.summary());
                out.add(s);
            });
            undone.ifPresent(a -> out.add(outcomeSection("Undo", a)));
        }
        return out;
    }

    /** The outcome of an apply as plain text: one line per change, then the message. */
    public static String outcomeText(ApplyReport a) {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (ChangeOutcome o : a.outcomes()) {
            sb.append(i++).append(". ").append(o.change().description()).append(": ").append(o.status().id())
                    .append(o.detail().isEmpty() ? "" : " - " + o.detail()).append('\n');
        }
        for (io.github.spndoctor.core.apply.AliasOutcome o : a.aliasOutcomes()) {
            sb.append(i++).append(". ").append(o.change().description()).append(": ").append(o.status().id())
                    .append(o.detail().isEmpty() ? "" : " - " + o.detail()).append('\n');
        }
        sb.append(a.message());
        a.problems().forEach(p -> sb.append('\n').append(p));
        return sb.toString();
    }

    private static Section outcomeSection(String title, ApplyReport a) {
        Section s = new Section(title);
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (ChangeOutcome o : a.outcomes()) {
            rows.add(List.of(String.valueOf(i++), o.change().description(), o.status().id(), o.detail()));
        }
        for (io.github.spndoctor.core.apply.AliasOutcome o : a.aliasOutcomes()) {
            rows.add(List.of(String.valueOf(i++), o.change().description(), o.status().id(), o.detail()));
        }
        if (!rows.isEmpty()) {
            s.table(List.of("#", "Change", "Result", "Detail"), rows);
        }
        s.para(a.message());
        a.problems().forEach(s::para);
        return s;
    }

    /** Markdown for a ticket system or a wiki. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("# SPN Doctor session report\n");
        for (Section sec : sections()) {
            sb.append("\n## ").append(mdInline(sec.title)).append("\n\n");
            for (Block b : sec.blocks) {
                switch (b.kind) {
                    case PARA -> sb.append(mdInline(b.text)).append("\n\n");
                    case CODE, FLOW -> {
                        String fence = "```";
                        while (b.text.contains(fence)) {
                            fence += "`";
                        }
                        sb.append(fence).append('\n').append(b.text.replace("\r\n", "\n").stripTrailing()).append('\n').append(fence).append("\n\n");
                    }
                    case LIST -> {
                        b.items.forEach(i -> sb.append("- ").append(mdInline(i)).append('\n'));
                        sb.append('\n');
                    }
                    case TABLE -> {
                        sb.append("| ").append(String.join(" | ", b.header.stream().map(SessionReport::mdCell).toList())).append(" |\n");
                        sb.append("|").append("---|".repeat(b.header.size())).append('\n');
                        for (List<String> row : b.rows) {
                            sb.append("| ").append(String.join(" | ", row.stream().map(SessionReport::mdCell).toList())).append(" |\n");
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String mdInline(String s) {
        return s.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("\n", "  \n");
    }

    private static String mdCell(String s) {
        return mdInline(s).replace("|", "\\|").replace("  \n", " ");
    }

    /** A self-contained HTML page (no scripts, no external resources). */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>SPN Doctor session report</title><style>body{font-family:sans-serif;max-width:60em;margin:1em auto;"
                + "padding:0 1em}pre{background:#f4f4f4;padding:.5em;overflow-x:auto;white-space:pre-wrap}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}</style>"
                + "</head><body>\n<h1>SPN Doctor session report</h1>\n");
        for (Section sec : sections()) {
            sb.append("<h2>").append(html(sec.title)).append("</h2>\n");
            for (Block b : sec.blocks) {
                switch (b.kind) {
                    case PARA -> sb.append("<p>").append(html(b.text).replace("\n", "<br>")).append("</p>\n");
                    case CODE -> sb.append("<pre>").append(html(b.text.replace("\r\n", "\n"))).append("</pre>\n");
                    // the picture (escaped SVG from core, no scripts) and its outline for readers without it
                    case FLOW -> sb.append("<figure>").append(b.svg).append("<figcaption><pre>").append(html(b.text))
                            .append("</pre></figcaption></figure>\n");
                    case LIST -> {
                        sb.append("<ul>");
                        b.items.forEach(i -> sb.append("<li>").append(html(i)).append("</li>"));
                        sb.append("</ul>\n");
                    }
                    case TABLE -> {
                        sb.append("<table><tr>");
                        b.header.forEach(h -> sb.append("<th>").append(html(h)).append("</th>"));
                        sb.append("</tr>\n");
                        for (List<String> row : b.rows) {
                            sb.append("<tr>");
                            row.forEach(c -> sb.append("<td>").append(html(c)).append("</td>"));
                            sb.append("</tr>\n");
                        }
                        sb.append("</table>\n");
                    }
                }
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Escapes text for HTML element content and attribute values (one rule with the SVG picture). */
    public static String html(String s) {
        return io.github.spndoctor.core.text.Markup.escape(s);
    }

    enum Kind { PARA, CODE, LIST, TABLE, FLOW }

    static final class Block {
        final Kind kind;
        String text = "";
        String svg = "";
        List<String> items = List.of();
        List<String> header = List.of();
        List<List<String>> rows = List.of();

        Block(Kind kind) { this.kind = kind; }
    }

    /** One section of the report: a heading and its blocks (the section classes of this package add their own). */
    static final class Section {
        final String title;
        final List<Block> blocks = new ArrayList<>();

        Section(String title) { this.title = title; }

        void para(String t) {
            Block b = new Block(Kind.PARA);
            b.text = t;
            blocks.add(b);
        }

        void code(String t) {
            Block b = new Block(Kind.CODE);
            b.text = t;
            blocks.add(b);
        }

        void list(List<String> items) {
            Block b = new Block(Kind.LIST);
            b.items = List.copyOf(items);
            blocks.add(b);
        }

        void table(List<String> header, List<List<String>> rows) {
            Block b = new Block(Kind.TABLE);
            b.header = List.copyOf(header);
            b.rows = List.copyOf(rows);
            blocks.add(b);
        }
    }
}
