package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.flow.TicketFlowSvg;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code flow --target NAME [--client ID ...] [--svg FILE]}: the ticket flow in the session's names for the client that
 * connects, as text and as the wizard's picture.
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = "Show how the Kerberos ticket for a host travels (client, KDC, holder's key, host's key, outcome); "
                + "optionally save the picture as SVG.")
public final class FlowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The server name as typed in Enter-PSSession.")
    String target;

    @Option(names = "--spn", paramLabel = "SPN", description = "The SPN the client asks for (default: what --client asks for: HTTP/<name as typed> for Windows clients).")
    String spn;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the picture as SVG to FILE.")
    Path svg;

    @Mixin
    DirectoryOptions directory;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() throws Exception {
        TargetName name = TargetName.read(target).name();
        PrintWriter out = spec.commandLine().getOut();
        if (!name.isDnsName()) {
            out.println("No ticket flow: Kerberos is not used when the client connects to an address (" + name.asTyped()
                    + "); it falls back to NTLM.");
            return 0;
        }
        try (Directory dir = directory.open()) {
            io.github.spndoctor.core.session.RepairSession session = new io.github.spndoctor.core.session.RepairSession(dir,
                    io.github.spndoctor.core.session.SessionConfig.defaults().withNames(java.util.Optional.of(client.resolver()))
                            .withProbes(io.github.spndoctor.core.session.ProbeChoice.NONE));
            session.describe("", name);
            session.useClient(client.winrmClient(), client.settings());
            session.lookup();
            TicketFlow flow = spn == null ? session.ticketFlow() : session.ticketFlow(Spn.parse(spn));
            out.print(flow.outline());
            if (svg != null) {
                Files.writeString(svg, TicketFlowSvg.document(flow), StandardCharsets.UTF_8);
                out.println("Picture saved to " + svg.toAbsolutePath());
            }
            return flow.verdict().ok() ? 0 : 1;
        }
    }
}
