package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.evidence.EvidenceFact;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceSet;
import io.github.spndoctor.core.model.TargetName;

import java.util.Optional;

/**
 * The JSON shape of the evidence, part of {@code diagnose --evidence … --json}: {@code "requestedSpn"} (string or
 * null), {@code "evidence": [{"file", "kind", "where", "facts": [{"type", "label", "value"}]}]}, {@code
 * "evidenceProblems": [...]}, {@code "evidenceNotUsed": [...]}, {@code "disagreement"} (string or null). Stateless.
 */
public final class EvidenceJson {
    private EvidenceJson() {}

    /** Adds the evidence fields to {@code root}. */
    public static void addTo(ObjectNode root, EvidenceSet set, Optional<TargetName> typed) {
        root.put("requestedSpn", set.requestedSpn().map(r -> r.spn().toString()).orElse(null));
        ArrayNode items = root.putArray("evidence");
        for (EvidenceItem i : set.items()) {
            ObjectNode n = items.addObject();
            n.put("file", i.file());
            n.put("kind", i.kind().id());
            n.put("where", i.where());
            ArrayNode facts = n.putArray("facts");
            for (EvidenceFact f : i.facts()) {
                facts.addObject().put("type", f.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .put("label", f.type().label()).put("value", f.value());
            }
        }
        ArrayNode problems = root.putArray("evidenceProblems");
        set.problems().forEach(problems::add);
        ArrayNode notUsed = root.putArray("evidenceNotUsed");
        set.notUsed().forEach(notUsed::add);
        root.put("disagreement", set.disagreement(typed).orElse(null));
    }
}
