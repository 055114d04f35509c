package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code demo list [--json]}: every scenario and every breaking action, the CNAME break included, in plain words. */
class DemoListCommandTest {
    @Test
    void listsEveryScenarioAndEveryBreak() throws Exception {
        LookupCommandTest.Run json = LookupCommandTest.run("demo", "list", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        List<String> breaks = new ArrayList<>();
        root.path("breaks").forEach(b -> {
            breaks.add(b.path("id").asText());
            assertFalse(b.path("title").asText().isBlank() || b.path("classSees").asText().isBlank(), b.toString());
        });
        assertEquals(Breaks.IDS, breaks);
        List<String> scenarios = new ArrayList<>();
        root.path("scenarios").forEach(s -> {
            scenarios.add(s.path("id").asText());
            assertFalse(s.path("target").asText().isBlank() || s.path("story").asText().isBlank(), s.toString());
        });
        assertEquals(Scenarios.all(new io.github.spndoctor.core.demo.DemoDns(List.of(), io.github.spndoctor.core.demo.DemoDns.SEED_ALIASES))
                .stream().map(io.github.spndoctor.core.demo.Scenario::id).toList(), scenarios);

        LookupCommandTest.Run text = LookupCommandTest.run("demo", "list");
        assertEquals(0, text.status(), text.err());
        for (String id : Breaks.IDS) {
            assertTrue(text.out().contains("  " + id + " - " + Breaks.title(id)), id + " in " + text.out());
        }
    }
}
