package io.github.spndoctor.core.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.report.LookupJson;

/**
 * The JSON shape of {@code scan --json}: {@code {"complete", "accounts", "spns", "elapsedMillis", "source",
 * "startedAt", "findings": [{"cause", "spns": [...], "accounts": [{"dn", "sAMAccountName", "kind"}], "summary"}]}}.
 * Stateless.
 */
public final class ScanJson {
    private ScanJson() {}

    public static ObjectNode toJson(ScanReport report) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        root.put("complete", report.complete());
        root.put("accounts", report.accounts());
        root.put("spns", report.spns());
        root.put("elapsedMillis", report.elapsed().toMillis());
        root.put("source", report.source().banner());
        root.put("startedAt", report.startedAt().toString());
        ArrayNode findings = root.putArray("findings");
        for (ScanFinding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("cause", f.cause().id());
            ArrayNode spns = n.putArray("spns");
            f.spns().forEach(spns::add);
            ArrayNode accounts = n.putArray("accounts");
            f.accounts().forEach(a -> accounts.add(LookupJson.account(a)));
            n.put("summary", f.summary());
        }
        if (!report.unusual().isEmpty()) {
            root.set("unusualSpns", LookupJson.unusual(report.unusual()));
        }
        return root;
    }
}
