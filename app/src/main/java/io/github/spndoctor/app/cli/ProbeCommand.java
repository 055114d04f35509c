package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeAdvice;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.report.ProbeJson;
import io.github.spndoctor.core.spn.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code probe --target NAME}: reproduce the failure from this machine with a real ticket and a real WinRM request. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Test the connection as the client would: DNS, TCP 5985/5986, an anonymous WS-Management Identify, "
                + "a Kerberos ticket for the client's SPN (whose key it carries), the authenticated request, and the clock. "
                + "Read-only. Exit status 0 when WinRM accepted Kerberos, 4 when it did not.")
public final class ProbeCommand implements Callable<Integer> {
    static final int EXIT_NOT_ACCEPTED = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The name as typed in the client: host, host:port or URL.")
    String target;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Mixin
    ProbeOptions probe;

    @Mixin
    DirectoryOptions directory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Endpoint endpoint = Endpoint.parse(target);
        try (Directory dir = directory.open()) {
            LiveProbe p = new LiveProbe(dir, io.github.spndoctor.core.demo.TrainerDemo.probeEnvironment(dir,
                    endpoint.name().asTyped(), () -> probe.environment(client.resolver())));
            ProbeResult r = p.run(endpoint, client.winrmClient(), client.settings(), step -> {
                if (!json && step.status() != ProbeStep.Status.RUNNING) {
                    out.println(mark(step.status()) + " " + step.sends() + ": " + step.result());
                    out.flush();
                }
            });
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(ProbeJson.toJson(r)));
            } else {
                out.println();
                out.println(r.summary());
                ProbeAdvice.of(r).forEach(a -> out.println("  " + a));
            }
            return r.winrm() == io.github.spndoctor.core.probe.WinrmOutcome.ACCEPTED ? 0 : EXIT_NOT_ACCEPTED;
        }
    }

    static String mark(ProbeStep.Status s) {
        return switch (s) {
            case OK -> "[ok]  ";
            case PROBLEM -> "[FAIL]";
            case INFO, RUNNING -> "[info]";
        };
    }
}
