package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.SpnExplanation;
import io.github.spndoctor.core.spn.WinrmClient;

/**
 * The JSON of {@code spn --json}, a public contract: {@code {"target", "client", "spn", "answeredBy": {"account",
 * "kind", "how"}, "verdict"}} plus {@code "accounts"} (every holder), {@code "via"}, {@code "headline"},
 * {@code "derivation"} and {@code "notes"}. {@code spn} and {@code answeredBy.account}/{@code kind} are null when
 * there is none.
 */
public final class SpnJson {
    private SpnJson() {}

    public static ObjectNode toJson(SpnExplanation e) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        root.put("target", e.request().endpoint().name().asTyped());
        root.put("client", e.request().client().id());
        e.request().spn().ifPresentOrElse(s -> root.put("spn", s.toString()), () -> root.putNull("spn"));
        ObjectNode by = root.putObject("answeredBy");
        e.answeredBy().ifPresentOrElse(a -> {
            by.put("account", a.ref().samAccountName());
            by.put("kind", a.ref().kind().id());
        }, () -> {
            by.putNull("account");
            by.putNull("kind");
        });
        by.put("how", e.answer().map(a -> a.how().id()).orElse(SpnAnswer.How.NONE.id()));
        ArrayNode accounts = by.putArray("accounts");
        e.answer().ifPresent(a -> a.holders().forEach(h -> accounts.add(account(h))));
        e.answer().flatMap(SpnAnswer::via).ifPresentOrElse(v -> by.put("via", v.toString()), () -> by.putNull("via"));
        root.put("verdict", e.verdict().id());
        root.put("headline", e.headline());
        ArrayNode steps = root.putArray("derivation");
        e.request().derivation().forEach(steps::add);
        ArrayNode notes = root.putArray("notes");
        e.request().notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode account(Account a) {
        ObjectNode n = LookupJson.account(a.ref());
        return n;
    }

    /** {@code [{"id", "label", "serviceClass", "dns", "port", "prefix", "hostnameOverride"}]} for {@code --list-clients}. */
    public static ArrayNode clients() {
        ArrayNode arr = LookupJson.MAPPER.createArrayNode();
        for (WinrmClient c : WinrmClient.values()) {
            ObjectNode n = arr.addObject();
            n.put("id", c.id());
            n.put("label", c.label());
            n.put("serviceClass", c.defaultServiceClass());
            n.put("dns", c.stack() == WinrmClient.Stack.SSPI ? "as-typed" : "canonicalised");
            n.put("port", c.offersPort());
            n.put("prefix", c.offersPrefix() ? c.prefixSettingName() : null);
            n.put("hostnameOverride", c.offersHostnameOverride());
        }
        return arr;
    }
}
