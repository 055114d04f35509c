package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.LookupJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lookup --target NAME}: who holds every SPN WinRM may ask for, and what that means. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Look up every SPN a WinRM client may ask for on a host, who holds it, and the causes that follow.")
public final class LookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The server name as typed in Enter-PSSession (short name or FQDN).")
    String target;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    DirectoryOptions directory;

    @Override
    public Integer call() throws Exception {
        io.github.spndoctor.core.model.TargetInput input = TargetName.read(target);
        TargetName name = input.name();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            input.notes().forEach(n -> out.println("Note: " + n));
        }
        try (Directory dir = directory.open()) {
            LookupResult result = dir.lookup(name);
            List<RankedCause> causes = LookupClassifier.classify(result);
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(LookupJson.toJson(result, causes)));
            } else {
                printTable(out, result, causes);
            }
        }
        return 0;
    }

    static void printTable(PrintWriter out, LookupResult r, List<RankedCause> causes) {
        out.println("Target:   " + r.target().asTyped() + r.target().fqdn().map(f -> " (" + f + ")").orElse(""));
        out.println("Computer: " + r.computer().map(c -> c.ref().samAccountName() + "  " + c.ref().dn()).orElse("not found"));
        out.println("Source:   " + r.source().banner());
        out.println();
        int w = r.registrations().stream().mapToInt(x -> x.spn().toString().length()).max().orElse(10);
        out.printf("%-" + w + "s  %-13s  %s%n", "SPN", "STATUS", "HOLDERS");
        for (Registration reg : r.registrations()) {
            String holders = reg.holders().isEmpty() ? "-" : String.join(", ", reg.holders().stream().map(h -> h.label()).toList());
            out.printf("%-" + w + "s  %-13s  %s%n", reg.spn(), r.status(reg).id(), holders);
        }
        out.println();
        for (io.github.spndoctor.core.model.UnusualSpn u : r.unusualSpns()) {
            out.println("Warning: " + u.sentence());
        }
        if (causes.isEmpty()) {
            out.println("The directory shows no SPN conflict for this name.");
        }
        for (RankedCause c : causes) {
            out.printf("Cause: %s (confidence %.2f)%n", c.id().id(), c.confidence());
            c.evidence().forEach(e -> out.println("  - " + e.detail()));
        }
    }
}
