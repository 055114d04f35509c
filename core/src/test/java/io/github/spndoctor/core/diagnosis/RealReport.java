package io.github.spndoctor.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One real public report from {@code src/test/resources/real-reports/real-reports-2026-11.jsonl} (a copy of
 * shared/cases, README there): what the reporter pasted, what they said about the setup, and the cause the accepted
 * answer or the confirmed fix shows. {@code cause} is empty for reports outside the taxonomy ("other").
 * A development set: see docs/benchmarks/diagnosis.md.
 */
record RealReport(String id, String source, String symptomText, String context, Optional<CauseId> cause,
                  String confidence) {
    static final String FILE = "/real-reports/real-reports-2026-11.jsonl";

    /** What the diagnosis reads: the pasted text, then the reporter's own description of the setup. */
    String text() {
        return symptomText + "\n" + context;
    }

    static List<RealReport> load() {
        ObjectMapper m = new ObjectMapper();
        List<RealReport> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RealReport.class.getResourceAsStream(FILE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = m.readTree(line);
                String cause = n.get("cause").asText();
                out.add(new RealReport(n.get("id").asText(), n.get("source").asText(), n.get("symptom_text").asText(),
                        n.get("context").asText(),
                        cause.equals("other") ? Optional.empty() : Optional.of(CauseId.fromId(cause)),
                        n.get("confidence").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public String toString() {
        return id + " → " + cause.map(CauseId::id).orElse("other");
    }
}
