package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;

import java.time.Instant;

/** The session report for a ticket, as Markdown: symptom, lookup, causes, plan, outcome, re-check. Pure function. */
final class MarkdownReport {
    static final int MAX_SYMPTOM = 4000;

    private MarkdownReport() {}

    static String render(SessionFacts f) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SPN Doctor report: ").append(f.target().asTyped()).append("\n\n");
        sb.append("Created ").append(Instant.now()).append('\n');
        f.lookup().ifPresent(l -> sb.append("Directory: ").append(l.source().banner()).append('\n'));
        String text = f.symptomText() == null ? "" : f.symptomText().strip();
        if (!text.isEmpty()) {
            sb.append("\n## Symptom\n\n```\n")
                    .append(text.length() > MAX_SYMPTOM ? text.substring(0, MAX_SYMPTOM) + "\n[… cut]" : text)
                    .append("\n```\n");
        }
        f.lookup().ifPresent(l -> lookup(sb, l));
        if (!f.causes().isEmpty()) {
            sb.append("\n## Diagnosis\n\n");
            int i = 1;
            for (String c : f.causes()) {
                sb.append(i++).append(". ").append(c).append('\n');
            }
        }
        f.plan().ifPresent(p -> sb.append("\n## Plan\n\n```\n").append(Preview.render(p, Format.SUMMARY))
                .append("\n```\n\n```\n").append(Preview.render(p, Format.SETSPN)).append("\n```\n"));
        f.outcome().ifPresent(o -> {
            sb.append("\n## Outcome\n\n").append(o.message()).append('\n');
            o.journal().ifPresent(j -> sb.append("\nJournal: `").append(j).append("`\n"));
        });
        if (!f.checkAgain().isEmpty()) {
            sb.append("\n## Check again\n\n").append(f.checkAgain()).append('\n');
        }
        return sb.toString();
    }

    private static void lookup(StringBuilder sb, LookupResult l) {
        sb.append("\n## Lookup\n\n| SPN | Holder | Kind | Status |\n|---|---|---|---|\n");
        for (Registration r : l.registrations()) {
            if (r.holders().isEmpty()) {
                sb.append("| ").append(r.spn()).append(" | | | ").append(l.status(r).id()).append(" |\n");
            }
            for (AccountRef h : r.holders()) {
                sb.append("| ").append(r.spn()).append(" | ").append(h.samAccountName()).append(" | ")
                        .append(h.kind().id()).append(" | ").append(l.status(r).id()).append(" |\n");
            }
        }
    }
}
