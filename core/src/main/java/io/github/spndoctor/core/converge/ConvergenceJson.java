package io.github.spndoctor.core.converge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of a convergence report, for {@code converge --json}: {@code {"converged", "verdict", "compared",
 * "writtenAt", "dcs": [{"dc", "site", "state", "seconds", "globalCatalog", "origin": {...}, "detail"}]}}. The keys
 * are a public contract. Holds no secret: names, states, times.
 */
public final class ConvergenceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConvergenceJson() {}

    public static ObjectNode toJson(ConvergenceReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("converged", r.converged());
        o.put("verdict", r.verdict());
        o.put("compared", r.compared());
        o.put("writtenAt", r.writtenAt().toString());
        ArrayNode dcs = o.putArray("dcs");
        for (DcStatus d : r.dcs()) {
            ObjectNode n = dcs.addObject();
            n.put("dc", d.dc().name());
            n.put("site", d.dc().site());
            n.put("state", d.state().id());
            n.put("seconds", Math.round(d.seconds() * 10) / 10.0);
            n.put("globalCatalog", d.dc().globalCatalog());
            d.origin().ifPresent(v -> {
                ObjectNode or = n.putObject("origin");
                or.put("dc", v.originatingDc());
                or.put("at", v.changedAt().toString());
                or.put("version", v.version());
            });
            if (!d.detail().isEmpty()) {
                n.put("detail", d.detail());
            }
        }
        ArrayNode steps = o.putArray("clientSteps");
        ClientAdvice.steps(r).forEach(steps::add);
        return o;
    }

    public static String render(ConvergenceReport r) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
