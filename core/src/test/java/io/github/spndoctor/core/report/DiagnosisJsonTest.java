package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosisJsonTest {
    static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void toJson_hasTheContractShape_causesBestFirst() {
        Diagnosis d = Diagnoser.diagnose(SymptomParser.parse(
                "The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server web01. The target name used "
                        + "was HTTP/web01.contoso.com. Our IIS app pool runs as CONTOSO\\svc_web."), Optional.empty());
        ObjectNode root = DiagnosisJson.toJson(d);
        assertEquals(List.of("causes", "symptom", "answers"), keys(root), "a clear diagnosis has no question");
        JsonNode first = root.get("causes").get(0);
        assertEquals(List.of("id", "confidence", "likelihood", "evidence", "explanation", "checks", "remedies"), keys(first));
        assertEquals(io.github.spndoctor.core.diagnosis.Confidence.of(d.top()).id(), first.get("likelihood").asText());
        assertEquals("http-spn-on-service-account", first.get("id").asText());
        assertEquals(List.of("source", "detail", "supports"), keys(first.get("evidence").get(0)));
        assertEquals(d.causes().size(), root.get("causes").size());
        JsonNode s = root.get("symptom");
        assertEquals("KRB_AP_ERR_MODIFIED", s.get("errors").get(0).get("name").asText());
        assertEquals("web01.contoso.com", s.get("target").get("name").asText());
        assertEquals("fqdn", s.get("target").get("kind").asText());
        assertTrue(s.get("spns").get(0).get("requested").asBoolean());
        assertTrue(s.get("clues").toString().contains("iis-app-pool"), s.get("clues").toString());
        assertFalse(s.get("truncated").asBoolean());
    }

    @Test
    void toJson_emptyTextHasNullTargetAndUnknown() {
        ObjectNode root = DiagnosisJson.toJson(Diagnoser.diagnose(SymptomParser.parse(""), Optional.empty()));
        assertTrue(root.get("symptom").get("target").isNull());
        assertEquals("unknown", root.get("causes").get(0).get("id").asText());
    }
}
