package io.github.spndoctor.core.report;

import io.github.spndoctor.core.evidence.EvidenceFact;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceKind;
import io.github.spndoctor.core.text.Redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's evidence sections: "Evidence" (what the user's files and pastes prove: events, klist, tokens) and
 * "Live probe" (each run of the probe in this session — before the fix, after it, after an undo — with the SPN the
 * client asks for, whose key the ticket carried, the host's answer and the verdict). Both are built from the
 * session's evidence list; values passed the core redaction where they entered and pass it again here. Stateless.
 */
final class EvidenceSections {
    private EvidenceSections() {}

    static void add(List<SessionReport.Section> out, List<EvidenceItem> evidence) {
        List<EvidenceItem> files = evidence.stream().filter(e -> e.kind() != EvidenceKind.LIVE_PROBE).toList();
        List<EvidenceItem> probes = evidence.stream().filter(e -> e.kind() == EvidenceKind.LIVE_PROBE).toList();
        if (!files.isEmpty()) {
            SessionReport.Section s = new SessionReport.Section("Evidence");
            for (EvidenceItem e : files) {
                s.para(Redaction.redact(e.title()));
                List<String> lines = new ArrayList<>();
                e.facts().forEach(f -> lines.add(Redaction.redact(f.toString())));
                if (!e.errors().isEmpty()) {
                    lines.add("Errors: " + String.join(", ", e.errors().stream()
                            .map(k -> k.value().isPresent() ? k.code() : k.phrases().get(0)).toList()));
                }
                s.list(lines);
            }
            out.add(s);
        }
        if (!probes.isEmpty()) {
            SessionReport.Section s = new SessionReport.Section("Live probe");
            s.para(probes.size() == 1 ? "SPN Doctor tested the connection once, as the client would (a Kerberos "
                    + "ticket of its own and an authenticated WS-Management request to the host)."
                    : "SPN Doctor tested the connection " + probes.size() + " times, as the client would (each time a "
                    + "fresh Kerberos ticket of its own and an authenticated WS-Management request to the host).");
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (EvidenceItem p : probes) {
                rows.add(List.of(String.valueOf(n++), cell(p.where()),
                        cell(p.fact(EvidenceFact.Type.REQUESTED_SPN).orElse("-")),
                        cell(p.fact(EvidenceFact.Type.KEY_OF).orElse("-")),
                        cell(p.fact(EvidenceFact.Type.HOST_ANSWER).orElse("-")),
                        cell(p.fact(EvidenceFact.Type.VERDICT).orElse("-"))));
            }
            s.table(List.of("#", "When", "Client asks for", "Ticket key of", "The host's answer", "Verdict"), rows);
            out.add(s);
        }
    }

    private static String cell(String s) {
        return Redaction.redact(s);
    }
}
