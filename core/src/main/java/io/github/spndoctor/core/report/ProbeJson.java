package io.github.spndoctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.probe.ProbeAdvice;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;

/**
 * The JSON of {@code probe --json}, a public contract: {@code {"target", "client", "spn", "dns": {"addresses",
 * "cname", "reverse"}, "tcp": {"5985", "5986"}, "listener", "ticket": {"outcome", "kvno", "etype", "matches"},
 * "winrm": {"kerberos", "detail"}, "clockOffsetSeconds"}} plus {@code "summary"}, {@code "freshTickets"},
 * {@code "keyVersions"}, {@code "steps"} and {@code "advice"}. Never a token or a password.
 */
public final class ProbeJson {
    private ProbeJson() {}

    public static ObjectNode toJson(ProbeResult r) {
        ObjectNode root = LookupJson.MAPPER.createObjectNode();
        root.put("target", r.host());
        root.put("client", r.client().id());
        r.spn().ifPresentOrElse(s -> root.put("spn", s.toString()), () -> root.putNull("spn"));
        ObjectNode dns = root.putObject("dns");
        ArrayNode addrs = dns.putArray("addresses");
        r.dns().addresses().forEach(addrs::add);
        r.dns().cname().ifPresentOrElse(c -> dns.put("cname", c), () -> dns.putNull("cname"));
        ObjectNode rev = dns.putObject("reverse");
        r.dns().reverseNames().forEach(rev::put);
        ObjectNode tcp = root.putObject("tcp");
        r.tcp().forEach((port, open) -> tcp.put(String.valueOf(port), open));
        root.put("listener", r.listener());
        ObjectNode t = root.putObject("ticket");
        t.put("outcome", r.ticket().outcome().id());
        r.ticket().kvno().ifPresentOrElse(k -> t.put("kvno", k), () -> t.putNull("kvno"));
        r.ticket().etype().ifPresentOrElse(e -> t.put("etype", e), () -> t.putNull("etype"));
        ArrayNode matches = t.putArray("matches");
        r.kvnoMatches().forEach(matches::add);
        t.put("detail", r.ticket().detail());
        ObjectNode kv = root.putObject("keyVersions");
        r.keyVersions().forEach(kv::put);
        ObjectNode w = root.putObject("winrm");
        w.put("kerberos", r.winrm().id());
        w.put("detail", r.winrmDetail());
        r.clockOffsetSeconds().ifPresentOrElse(o -> root.put("clockOffsetSeconds", o), () -> root.putNull("clockOffsetSeconds"));
        root.put("freshTickets", r.freshTickets());
        root.put("summary", r.summary());
        ArrayNode steps = root.putArray("steps");
        for (ProbeStep s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("sends", s.sends());
            n.put("result", s.result());
            n.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode advice = root.putArray("advice");
        ProbeAdvice.of(r).forEach(advice::add);
        return root;
    }
}
