package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.spn.WinrmClient;

import java.util.List;
import java.util.Optional;

/**
 * The remedy list as JSON, exactly as the wizard's Remedy page shows it: {@code {"target", "verdict", "sentence",
 * "client", "clientId", "clientSource", "options": [{"id", "title", "applicable", "recommended", "why", "risk"}]}},
 * recommended first. {@code client} is the label of the client chosen or named in the text, null when none was and
 * Windows PowerShell is assumed; {@code clientId} the client the options are for; {@code clientSource} chosen, text
 * or default; {@code caveat} what qualifies a healthy verdict (none, warning, look-elsewhere).
 */
public final class RemedyJson {
    private RemedyJson() {}

    /**
     * @param named  the client chosen or named in the text (empty: Windows PowerShell assumed)
     * @param client the client the options are for
     * @param source where it comes from: {@code chosen}, {@code text} or {@code default}
     */
    public static ObjectNode toJson(String target, HostVerdict verdict, Optional<WinrmClient> named, WinrmClient client,
                                    String source, List<RemedyOption> options) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        root.put("target", target);
        root.put("verdict", verdict.kind().id());
        root.put("sentence", verdict.sentence());
        root.put("caveat", verdict.caveat().id());
        if (named.isPresent()) {
            root.put("client", named.get().label());
        } else {
            root.putNull("client");
        }
        root.put("clientId", client.id());
        root.put("clientSource", source);
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
