package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.symptom.KnownError;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one piece of evidence (one event, one klist ticket list, one token, one run of the live probe) proves, and
 * where it came from — the one evidence concept: the evidence readers make it, the repair session keeps it
 * ({@code RepairSession.addEvidence}), the report lists it.
 *
 * @param file   the file name as the user gave it, "pasted text", or what measured it (the live probe)
 * @param kind   the form it came in
 * @param where  the place inside the file: "event 4 (System, Microsoft-Windows-Security-Kerberos), record 812,
 *               2026-12-01T09:14:03Z"; empty for a file that is one piece of evidence
 * @param facts  what it proves, in order of importance
 * @param errors the errors it reports, as the diagnosis knows them
 */
public record EvidenceItem(String file, EvidenceKind kind, String where, List<EvidenceFact> facts,
                           List<KnownError> errors) {
    public EvidenceItem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        facts = List.copyOf(facts);
        errors = List.copyOf(errors);
    }

    /** The first fact of {@code type}. */
    public Optional<String> fact(EvidenceFact.Type type) {
        return facts.stream().filter(f -> f.type() == type).map(EvidenceFact::value).findFirst();
    }

    /** "Windows event (XML): events.xml, event 4 (System, …)" — the timeline's line for it. */
    public String title() {
        return kind.label() + ": " + source();
    }

    /** Its facts, one per line, then the errors it reports (for the report and the timeline). */
    public String detail() {
        StringBuilder sb = new StringBuilder();
        facts.forEach(f -> sb.append(f).append('\n'));
        if (!errors.isEmpty()) {
            sb.append("Errors: ").append(String.join(", ", errors.stream()
                    .map(e -> e.value().isPresent() ? e.code() : e.phrases().get(0)).toList())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** "events.xml, event 4 (System, …)" — where to look for this piece of evidence. */
    public String source() {
        return where.isEmpty() ? file : file + ", " + where;
    }
}
