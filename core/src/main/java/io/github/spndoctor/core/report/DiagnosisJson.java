package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.diagnosis.CauseInfo;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Question;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.SpnMention;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shape of a diagnosis, a public contract of {@code diagnose --json} and what the wizard shows:
 * {@code {"causes": [{"id", "confidence", "likelihood", "evidence": [{"source", "detail", "supports"}], "explanation",
 * "checks": [...], "remedies": [...]}], "symptom": {...}, "answers": [{"id", "value", "said"}], "question"?: {...}}},
 * causes best first; {@code question} only when one would help (DecidingQuestion). {@code checks} starts with the
 * decisive check. Stateless, thread-safe.
 */
public final class DiagnosisJson {
    private DiagnosisJson() {}

    public static ObjectNode toJson(Diagnosis d) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        ArrayNode causes = LookupJson.causes(d.causes());
        for (int i = 0; i < causes.size(); i++) {
            RankedCause rc = d.causes().get(i);
            CauseInfo info = CauseCatalog.info(rc.id());
            ObjectNode n = (ObjectNode) causes.get(i);
            n.put("explanation", info.explanation());
            ArrayNode checks = n.putArray("checks");
            checks.add(info.decisiveCheck());
            info.checks().forEach(checks::add);
            ArrayNode remedies = n.putArray("remedies");
            info.remedies().forEach(remedies::add);
        }
        root.set("causes", causes);
        root.set("symptom", symptom(d.symptom()));
        ArrayNode answers = root.putArray("answers");
        for (Answer a : d.answers()) {
            answers.addObject().put("id", a.question().id()).put("value", a.choice().value()).put("said", a.said());
        }
        d.question().ifPresent(q -> root.set("question", question(q, serverName(d))));
        return root;
    }

    /** {@code {"id", "kind", "text", "choices": [{"value", "label"}]}}: answer with {@code --answer id=value}. */
    public static ObjectNode question(Question q, Optional<String> serverName) {
        ObjectNode n = LookupJson.MAPPER.createObjectNode();
        n.put("id", q.id());
        n.put("kind", q.kind().id());
        n.put("text", q.text(serverName));
        ArrayNode choices = n.putArray("choices");
        q.choices().forEach(c -> choices.addObject().put("value", c.value()).put("label", c.label()));
        return n;
    }

    /** The server's name as typed, from the lookup or the text, for a question's text. */
    public static Optional<String> serverName(Diagnosis d) {
        return d.lookup().map(l -> l.target().asTyped())
                .or(() -> d.symptom().target().map(t -> t.name().asTyped()));
    }

    /**
     * {@code {"errors": [{"code", "name", "title", "matched"}], "authPackages": [{"name", "matched"}], "target":
     * {"name", "kind", "matched"} | null, "spns": [{"spn", "requested", "matched"}], "clients": [...], "clues":
     * [{"name", "description", "matched"}], "length", "scanned", "truncated", "note"?}}.
     */
    public static ObjectNode symptom(Symptom s) {
        ObjectNode n = LookupJson.MAPPER.createObjectNode();
        ArrayNode errors = n.putArray("errors");
        for (Fact<io.github.spndoctor.core.symptom.KnownError> f : s.errors()) {
            ObjectNode e = errors.addObject();
            e.put("code", f.value().code());
            e.put("name", f.value().name());
            e.put("title", f.value().title());
            e.put("matched", f.matched());
        }
        ArrayNode auth = n.putArray("authPackages");
        s.authPackages().forEach(f -> auth.addObject().put("name", f.value().label()).put("matched", f.matched()));
        if (s.target().isPresent()) {
            ObjectNode t = n.putObject("target");
            t.put("name", s.target().get().name().asTyped());
            t.put("kind", s.target().get().kind().name().toLowerCase(Locale.ROOT));
            t.put("matched", s.target().get().matched());
        } else {
            n.putNull("target");
        }
        ArrayNode spns = n.putArray("spns");
        for (SpnMention m : s.spns()) {
            spns.addObject().put("spn", m.spn().toString()).put("requested", m.requested()).put("matched", m.matched());
        }
        ArrayNode clients = n.putArray("clients");
        s.clients().forEach(f -> clients.addObject().put("name", f.value().label()).put("matched", f.matched()));
        ArrayNode clues = n.putArray("clues");
        s.clues().forEach(f -> clues.addObject().put("name", f.value().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("description", f.value().description()).put("matched", f.matched()));
        n.put("length", s.length());
        n.put("scanned", s.scanned());
        n.put("truncated", s.truncated());
        s.note().ifPresent(note -> n.put("note", note));
        return n;
    }
}
