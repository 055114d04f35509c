package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.KnownError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from the evidence a user gave: the pieces that prove something, the lines that could not be read
 * (one plain line each), and what was read but is not used (other events). Immutable.
 *
 * @param items    the pieces of evidence, in the order read
 * @param problems one line per file or paste that could not be read, naming it
 * @param notUsed  events read but not used, e.g. "events.xml: 3 × event 7036 (Service Control Manager)"
 */
public record EvidenceSet(List<EvidenceItem> items, List<String> problems, List<String> notUsed) {
    public static final EvidenceSet EMPTY = new EvidenceSet(List.of(), List.of(), List.of());

    /** The SPN a client asked for, and the evidence that says so. */
    public record Requested(Spn spn, EvidenceItem from) {
        public Requested {
            Objects.requireNonNull(spn, "spn");
            Objects.requireNonNull(from, "from");
        }
    }

    public EvidenceSet {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        notUsed = List.copyOf(notUsed);
    }

    /** How many events were read but not used (the lines of {@link #notUsed()} count repeated events as "n × …"). */
    public int notUsedCount() {
        int n = 0;
        for (String line : notUsed) {
            java.util.regex.Matcher m = NOT_USED_COUNT.matcher(line);
            n += m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        return n;
    }

    private static final java.util.regex.Pattern NOT_USED_COUNT = java.util.regex.Pattern.compile(": (\\d{1,9}) × ");

    public boolean isEmpty() { return items.isEmpty() && problems.isEmpty() && notUsed.isEmpty(); }

    /** This set followed by {@code other}. */
    public EvidenceSet plus(EvidenceSet other) {
        List<EvidenceItem> i = new ArrayList<>(items);
        i.addAll(other.items);
        List<String> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        List<String> n = new ArrayList<>(notUsed);
        n.addAll(other.notUsed);
        return new EvidenceSet(i, p, n);
    }

    /** The first SPN the evidence says a client requested (an event 4, a 4769 failure, a token's server name). */
    public Optional<Requested> requestedSpn() {
        for (EvidenceItem item : items) {
            for (EvidenceFact f : item.facts()) {
                if (f.type() == EvidenceFact.Type.REQUESTED_SPN) {
                    try {
                        return Optional.of(new Requested(Spn.parse(f.value()), item));
                    } catch (RuntimeException notAnSpn) {
                        // a damaged value: try the next one
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The errors the evidence reports, first occurrence first, with the evidence that reports each. */
    public Map<KnownError, EvidenceItem> errors() {
        Map<KnownError, EvidenceItem> out = new LinkedHashMap<>();
        for (EvidenceItem item : items) {
            item.errors().forEach(e -> out.putIfAbsent(e, item));
        }
        return out;
    }

    /**
     * The name the lookup should use: the host of the requested SPN when the evidence names one (the client asked
     * for it, whatever the user typed), else {@code typed}.
     */
    public Optional<TargetName> lookupTarget(Optional<TargetName> typed) {
        Optional<TargetName> fromEvidence = requestedSpn().flatMap(r -> {
            try {
                return Optional.of(TargetName.parse(r.spn().host()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        return fromEvidence.or(() -> typed);
    }

    /**
     * A sentence when the evidence and the typed name disagree: "You typed srv003, but the client asked for
     * HTTP/srv003.contoso.com (events.xml, event 4 …)". Empty when they agree or either is missing.
     */
    public Optional<String> disagreement(Optional<TargetName> typed) {
        Optional<Requested> r = requestedSpn();
        if (r.isEmpty() || typed.isEmpty() || r.get().spn().hasHost(typed.get().asTyped())) {
            return Optional.empty();
        }
        return Optional.of("You typed " + typed.get().asTyped() + ", but the client asked for " + r.get().spn()
                + " (" + r.get().from().source() + "): the lookup uses the name the client asked for.");
    }

    /**
     * The text the diagnosis reads: one line per piece of evidence that proves something ("Evidence (events.xml,
     * event 4 …): the target name used was HTTP/srv003.contoso.com", then its errors by name), before the user's own
     * text. The symptom reader reads these lines like any event text, so the wizard, the CLI and the repair session
     * diagnose from one text, and the report shows what the diagnosis relied on. The requested SPN of the first piece
     * of evidence comes first, so it is the one the diagnosis uses.
     */
    public String symptomText(String userText) {
        String user = userText == null ? "" : userText;
        String preface = preface();
        return preface.isEmpty() ? user : user.isBlank() ? preface : preface + "\n" + user;
    }

    /** The evidence lines of {@link #symptomText}, or "" without evidence. */
    public String preface() {
        StringBuilder b = new StringBuilder();
        Optional<Requested> first = requestedSpn();
        first.ifPresent(r -> line(b, r.from(), r.spn().toString()));
        for (EvidenceItem item : items) {
            Optional<String> spn = item.fact(EvidenceFact.Type.REQUESTED_SPN);
            boolean isFirst = first.isPresent() && first.get().from() == item;
            if (!isFirst && (spn.isPresent() || !item.errors().isEmpty())) {
                line(b, item, spn.orElse(null));
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, EvidenceItem item, String spn) {
        if (b.length() > 64 * 1024) {
            return;
        }
        b.append("Evidence (").append(item.source()).append(")");
        if (spn != null) {
            b.append(": the target name used was ").append(spn);
        }
        if (!item.errors().isEmpty()) {
            b.append(spn != null ? " ; errors: " : ": errors: ");
            b.append(String.join(", ", item.errors().stream().map(e -> e.value().isPresent() ? e.code() : e.phrases().get(0)).toList()));
        }
        b.append('\n');
    }
}
