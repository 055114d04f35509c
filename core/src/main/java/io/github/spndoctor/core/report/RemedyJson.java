package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.symptom.Client;

import java.util.List;
import java.util.Optional;

/**
 * The remedy list as JSON, exactly as the wizard's Remedy page shows it: {@code {"target", "verdict", "sentence",
 * "client", "options": [{"id", "title", "applicable", "recommended", "why", "risk"}]}}, recommended first.
 */
public final class RemedyJson {
    private RemedyJson() {}

    public static ObjectNode toJson(String target, HostVerdict verdict, Optional<Client> client, List<RemedyOption> options) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        root.put("target", target);
        root.put("verdict", verdict.kind().id());
        root.put("sentence", verdict.sentence());
        if (client.isPresent()) {
            root.put("client", client.get().label());
        } else {
            root.putNull("client");
        }
        ArrayNode arr = root.putArray("options");
        for (RemedyOption o : options) {
            ObjectNode n = arr.addObject();
            n.put("id", o.id());
            n.put("title", o.title());
            n.put("applicable", o.applicable());
            n.put("recommended", o.recommended());
            n.put("why", o.why());
            n.put("risk", o.risk());
        }
        return root;
    }
}
