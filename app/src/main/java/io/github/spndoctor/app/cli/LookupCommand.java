package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.session.Assessment;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code lookup --target NAME [--text-file F] [--client ID]}: who holds every SPN WinRM may ask for and what that
 * means for the session's client — the wizard's Look up page in text: the same statuses and the same verdict, from
 * the same core session.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Look up every SPN a WinRM client may ask for on a host, who holds it, and the causes that follow.")
public final class LookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The server name as typed in Enter-PSSession (short name or FQDN).")
    String target;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--text-file", paramLabel = "FILE", description = "The error text (as the wizard's Symptom page has it): "
            + "its client and its error shape the verdict. Default: none ('-' reads standard input).")
    String textFile;

    @Mixin
    DirectoryOptions directory;

    @Mixin
    SessionClient client;

    /** Standard input; replaced by tests. */
    java.io.InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        io.github.spndoctor.core.model.TargetInput input = TargetName.read(target);
        TargetName name = input.name();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            input.notes().forEach(n -> out.println("Note: " + n));
        }
        String text = textFile == null ? "" : RemediesCommand.readText(textFile, stdin);
        try (Directory dir = directory.open()) {
            // the wizard's Look up page: the same session, the same per-SPN states and verdict for the same client
            RepairSession session = new RepairSession(dir, SessionConfig.defaults().withNames(java.util.Optional.empty())
                    .withProbes(io.github.spndoctor.core.session.ProbeChoice.NONE));
            session.describe(text, name);
            client.applyTo(session);
            LookupResult result = session.lookup();
            Assessment a = session.assess();
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(LookupJson.toJson(result, LookupClassifier.classify(result))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("assessment", stateJson(a))));
            } else {
                printTable(out, result, a);
            }
        }
        return 0;
    }

    /** {@code {"verdict", "word", "sentence", "caveat", "clientId", "clientSource", "states": [{"spn", "status", "words", "why"}]}}. */
    static com.fasterxml.jackson.databind.node.ObjectNode stateJson(Assessment a) {
        var n = LookupJson.MAPPER.createObjectNode();
        n.put("verdict", a.verdict().kind().id());
        n.put("word", a.verdict().word());
        n.put("sentence", a.verdict().sentence());
        n.put("caveat", a.verdict().caveat().id());
        n.put("clientId", a.client().client().id());
        n.put("clientSource", a.client().source().id());
        var arr = n.putArray("states");
        for (SpnState st : a.spns()) {
            var o = arr.addObject();
            o.put("spn", st.spn().toString());
            o.put("status", st.status().id());
            o.put("words", st.status().words());
            o.put("why", st.why());
        }
        return n;
    }

    /** "Verdict:  Healthy, with a warning — No SPN problem found for …": the wizard's verdict box, word and sentence. */
    static String verdictLine(HostVerdict v) {
        return "Verdict:  " + v.word() + " — " + v.sentence();
    }

    /** The Look up table as the wizard shows it: one line per SPN and holder, the status in the wizard's words. */
    static void printTable(PrintWriter out, LookupResult r, Assessment a) {
        out.println("Target:   " + r.target().asTyped() + r.target().fqdn().map(f -> " (" + f + ")").orElse(""));
        out.println("Computer: " + r.computer().map(c -> c.ref().samAccountName() + "  " + c.ref().dn()).orElse("not found"));
        out.println("Source:   " + r.source().banner());
        out.println(SessionClient.line(a.client()));
        out.println();
        int w = Math.max(3, a.spns().stream().mapToInt(x -> x.spn().toString().length()).max().orElse(10));
        int sw = Math.max(6, a.spns().stream().mapToInt(x -> x.status().words().length()).max().orElse(10));
        out.printf("%-" + w + "s  %-" + sw + "s  %s%n", "SPN", "STATUS", "HOLDERS");
        for (SpnState st : a.spns()) {
            String holders = st.holders().isEmpty() ? "-" : String.join(", ", st.holders().stream().map(h -> h.label()).toList());
            out.printf("%-" + w + "s  %-" + sw + "s  %s%n", st.spn(), st.status().words(), holders);
        }
        out.println();
        for (io.github.spndoctor.core.model.UnusualSpn u : r.unusualSpns()) {
            out.println("Warning: " + u.sentence());
        }
        out.println(verdictLine(a.verdict()));
        a.verdict().cause().ifPresent(c -> out.println("Cause:    " + c.id()));
        if (!a.verdict().nextChecks().isEmpty()) {
            out.println("Check next:");
            a.verdict().nextChecks().forEach(c -> out.println("  - " + c));
        }
    }
}
