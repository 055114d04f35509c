package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.report.SpnJson;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnExplanation;
import io.github.spndoctor.core.spn.WinrmClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code spn --target NAME [--client ID]}: the SPN that client asks for, who answers it, and what that means. */
@Command(name = "spn", mixinStandardHelpOptions = true,
        description = "Show the exact SPN a client asks for when it connects to a name, which account answers it "
                + "(as the KDC computes it), and whether WinRM can read the ticket.")
public final class SpnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME", description = "The name as typed in the client: host, host:port or URL.")
    String target;

    @Option(names = "--list-clients", description = "List the client ids and what each one asks for.")
    boolean listClients;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Mixin
    DirectoryOptions directory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listClients) {
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(SpnJson.clients()));
            } else {
                for (WinrmClient c : WinrmClient.values()) {
                    out.printf("%-20s %s: %s/<%s>%n", c.id(), c.label(), c.defaultServiceClass(),
                            c.stack() == WinrmClient.Stack.SSPI ? "name as typed" : "name as DNS canonicalises it");
                }
            }
            return 0;
        }
        if (target == null) {
            throw new IllegalArgumentException("Name the server with --target NAME (or list the clients with --list-clients).");
        }
        Endpoint endpoint = Endpoint.parse(target);
        try (Directory dir = directory.open()) {
            SpnExplanation e = SpnExplanation.explain(dir, dir.spnMappings(), endpoint, client.winrmClient(),
                    client.settings(), client.resolver());
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(SpnJson.toJson(e)));
            } else {
                out.println(e.headline());
                e.request().derivation().forEach(s -> out.println("  how: " + s));
                e.request().notes().forEach(s -> out.println("  note: " + s));
            }
        }
        return 0;
    }
}
