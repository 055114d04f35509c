package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.UnusualSpn;
import io.github.spndoctor.core.model.Registration;

import java.util.List;

/**
 * The JSON shape of a lookup, a public contract of {@code lookup --json}:
 * {@code {"target", "computer": {...} | null, "registrations": [{"spn", "status", "holders": [{"dn",
 * "sAMAccountName", "kind"}]}], "causes": [{"id", "confidence", "evidence": [...]}]}}, causes best first.
 */
public final class LookupJson {
    /** Shared, configured mapper (pretty-printed). Thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LookupJson() {}

    public static ObjectNode toJson(LookupResult lookup, List<RankedCause> causes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", lookup.target().asTyped());
        lookup.target().fqdn().ifPresentOrElse(f -> root.put("fqdn", f), () -> root.putNull("fqdn"));
        if (lookup.computer().isPresent()) {
            Account c = lookup.computer().get();
            ObjectNode comp = account(c.ref());
            c.dnsHostName().ifPresent(h -> comp.put("dNSHostName", h));
            ArrayNode spns = comp.putArray("servicePrincipalNames");
            c.spns().forEach(s -> spns.add(s.toString()));
            root.set("computer", comp);
        } else {
            root.putNull("computer");
        }
        ArrayNode regs = root.putArray("registrations");
        for (Registration r : lookup.registrations()) {
            ObjectNode reg = regs.addObject();
            reg.put("spn", r.spn().toString());
            reg.put("status", lookup.status(r).id());
            ArrayNode holders = reg.putArray("holders");
            r.holders().forEach(h -> holders.add(account(h)));
        }
        root.set("causes", causes(causes));
        ArrayNode notes = root.putArray("replicationNotes");
        lookup.replicationNotes().forEach(notes::add);
        root.put("source", lookup.source().banner());
        root.put("queriedAt", lookup.queriedAt().toString());
        List<UnusualSpn> unusual = lookup.unusualSpns();
        if (!unusual.isEmpty()) {
            root.set("unusualSpns", unusual(unusual));
        }
        return root;
    }

    /** {@code [{"spn", "account": {...}, "problem"}]}: SPNs with hidden or look-alike characters. */
    public static ArrayNode unusual(List<UnusualSpn> list) {
        ArrayNode a = MAPPER.createArrayNode();
        for (UnusualSpn u : list) {
            ObjectNode n = a.addObject();
            n.put("spn", u.spn());
            n.set("account", account(u.holder()));
            n.put("problem", u.problem());
        }
        return a;
    }

    /** {@code {"dn", "sAMAccountName", "kind"}}. */
    public static ObjectNode account(AccountRef ref) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("dn", ref.dn());
        n.put("sAMAccountName", ref.samAccountName());
        n.put("kind", ref.kind().id());
        return n;
    }

    /** {@code [{"id", "confidence", "likelihood", "evidence": [{"source", "detail", "supports"}]}]} (likelihood: ADR 0203). */
    public static ArrayNode causes(List<RankedCause> causes) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (RankedCause c : causes) {
            ObjectNode n = arr.addObject();
            n.put("id", c.id().id());
            n.put("confidence", Math.round(c.confidence() * 100) / 100.0);
            n.put("likelihood", io.github.spndoctor.core.diagnosis.Confidence.of(c).id());
            ArrayNode ev = n.putArray("evidence");
            for (Evidence e : c.evidence()) {
                ObjectNode en = ev.addObject();
                en.put("source", e.source().id());
                en.put("detail", e.detail());
                en.put("supports", e.supports());
            }
        }
        return arr;
    }
}
