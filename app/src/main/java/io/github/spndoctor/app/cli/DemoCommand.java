package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.demo.DemoWinrmCheck;
import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.demo.Scenarios;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.remedy.NotApplicableException;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.session.Commit;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code demo list | status | reset | break ID | connect HOST}: the trainer's demo. Its state is kept between runs in
 * the user's profile ({@code ~/.spn-doctor/demo}), so {@code demo break}, {@code fix --demo} and {@code undo --demo}
 * in separate processes see each other's changes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The trainer's demo: list its scenarios, show or reset its state, break it on purpose, connect with "
                + "WinRM and real Kerberos tickets.",
        subcommands = {DemoCommand.ListCommand.class, DemoCommand.StatusCommand.class, DemoCommand.ResetCommand.class,
                DemoCommand.BreakCommand.class, DemoCommand.ConnectCommand.class})
public final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The demo's state folder; tests point it elsewhere. */
    static Path stateDir() { return TrainerDemo.defaultStateDir(); }

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static TrainerDemo open(PrintWriter err) {
        TrainerDemo d = TrainerDemo.open(stateDir());
        d.loadProblem().ifPresent(p -> err.println("warning: " + p));
        return d;
    }

    /** A subcommand that opens the saved demo, works on it and closes it again. */
    abstract static class OnDemo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try (TrainerDemo demo = open(spec.commandLine().getErr())) {
                return run(demo, spec.commandLine().getOut());
            }
        }

        abstract int run(TrainerDemo demo, PrintWriter out) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the scenarios and the breaking actions.")
    static final class ListCommand extends OnDemo {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(TrainerDemo demo, PrintWriter out) throws Exception {
            if (json) {
                ObjectNode root = LookupJson.MAPPER.createObjectNode();
                ArrayNode list = root.putArray("scenarios");
                for (Scenario s : Scenarios.all(demo.dns())) {
                    ObjectNode n = list.addObject();
                    n.put("id", s.id()).put("title", s.title()).put("target", s.target()).put("story", s.story())
                            .put("classSees", s.classSees()).put("errorText", s.errorText()).put("cause", s.cause().id());
                    s.remedyIds().forEach(n.putArray("remedies")::add);
                }
                ArrayNode breaks = root.putArray("breaks");
                Breaks.IDS.forEach(id -> breaks.addObject().put("id", id).put("title", Breaks.title(id)).put("classSees", Breaks.classSees(id)));
                out.println(LookupJson.MAPPER.writeValueAsString(root));
                return 0;
            }
            out.println("Scenarios (open one with: spn-doctor diagnose --demo --target TARGET, or in the wizard):");
            for (Scenario s : Scenarios.all(demo.dns())) {
                out.println("  " + s.id() + " - " + s.title() + " (target " + s.target() + ")");
                out.println("      " + s.story());
                out.println("      The class sees: " + s.classSees());
                if (!s.remedyIds().isEmpty()) {
                    out.println("      Remedies: " + String.join(", ", s.remedyIds()));
                }
            }
            out.println("Breaking actions (spn-doctor demo break ID [--host NAME]):");
            Breaks.IDS.forEach(id -> {
                out.println("  " + id + " - " + Breaks.title(id));
                out.println("      The class sees: " + Breaks.classSees(id));
            });
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the demo differs from its original state, and where its state, journals and audit log are.")
    static final class StatusCommand extends OnDemo {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(TrainerDemo demo, PrintWriter out) throws Exception {
            boolean changed = demo.changedSinceSeed();
            if (json) {
                ObjectNode root = LookupJson.MAPPER.createObjectNode();
                root.put("changed", changed).put("state", demo.stateDir().toString())
                        .put("journals", demo.journals().toString()).put("auditLog", demo.auditLog().toString());
                ObjectNode aliases = root.putObject("dnsAliases");
                demo.dns().aliases().forEach(aliases::put);
                demo.loadProblem().ifPresent(p -> root.put("loadProblem", p));
                out.println(LookupJson.MAPPER.writeValueAsString(root));
                return 0;
            }
            out.println(changed ? "The demo differs from its original state (something was broken or fixed since the last reset)."
                    : "The demo is in its original state.");
            out.println("State:     " + demo.stateDir());
            out.println("Journals:  " + demo.journals());
            out.println("Audit log: " + demo.auditLog());
            demo.dns().aliases().forEach((a, t) -> out.println("DNS alias: " + a + " -> " + t));
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Restore the demo exactly to its original state (directory and DNS).")
    static final class ResetCommand extends OnDemo {
        @Override
        int run(TrainerDemo demo, PrintWriter out) {
            demo.reset();
            out.println("The demo is reset to its original state.");
            return 0;
        }
    }

    @Command(name = "break", mixinStandardHelpOptions = true, description = "Break the demo on purpose: hijack-http, duplicate, "
            + "remove-wsman, cname. Shows the plan, asks, and applies it with a journal (undo it with spn-doctor undo --demo).")
    static final class BreakCommand extends DirectoryWriteCommand {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "hijack-http, duplicate, remove-wsman or cname.")
        String id;
        @Option(names = "--host", paramLabel = "NAME", description = "The host to break (for cname: the alias). Default: srv004.rwwilden01.local (cname: reports.rwwilden01.local).")
        String host;
        @Option(names = "--to", paramLabel = "NAME", description = "cname only: the host the alias will point at.")
        String to;
        @Option(names = "--yes", description = "Apply without asking.")
        boolean yes;
        @Option(names = "--dry-run", description = "Show the plan and change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (TrainerDemo demo = open(err)) {
                // the same repair session as a fix and as the wizard's break: recheck at commit, journal, demo audit log
                RepairSession session = new RepairSession(demo.directory(), SessionConfig.defaults().withNames(Optional.empty())
                        .withJournalDir(demo.journals()).withAudit(executor().auditLog()));
                DemoBreak b;
                try {
                    b = session.planBreak(id, Optional.ofNullable(host), Optional.ofNullable(to));
                } catch (NotApplicableException e) {
                    err.println("not applicable: " + e.getMessage());
                    return FixCommand.EXIT_NOT_APPLIED;
                }
                out.println(b.title() + " (on " + b.target() + ")");
                out.println(b.story());
                FixCommand.printPreview(out, b.plan(), dryRun ? List.of(Format.values()) : List.of(Format.SUMMARY));
                if (dryRun) {
                    out.println("Dry run: nothing was changed.");
                    return 0;
                }
                if (!yes && !FixCommand.confirm(out, err, in(), "Break the demo this way?")) {
                    return FixCommand.EXIT_NOT_APPLIED;
                }
                session.confirm();
                Commit c = session.commit(FixCommand.progress(out), Optional.empty());
                out.println(c.recheck().message());
                c.journal().ifPresent(j -> out.println("Journal: " + j));
                if (c.applied().isEmpty()) {
                    return FixCommand.EXIT_NOT_APPLIED;
                }
                ApplyReport r = c.applied().get();
                (r.success() ? out : err).println(r.message() + (r.success() && c.journal().isPresent()
                        ? " Undo it with: spn-doctor undo --demo --journal " + c.journal().get() : ""));
                c.check().ifPresent(v -> out.print(v.summary()));
                return r.success() ? 0 : FixCommand.EXIT_APPLY_FAILED;
            }
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true, description = "Connect to a demo host as a Windows WinRM client "
            + "does (a real Kerberos ticket for HTTP/HOST from the demo KDC, sent to the host's demo WinRM listener) and say "
            + "whether the host accepted it. Exit 0 accepted, 6 rejected.")
    static final class ConnectCommand extends OnDemo {
        @Parameters(index = "0", paramLabel = "HOST", description = "The host name as typed, e.g. srv003.rwwilden01.local.")
        String host;

        @Override
        int run(TrainerDemo demo, PrintWriter out) {
            DemoWinrmCheck.Result r = DemoWinrmCheck.connect(demo.kerberos(), host.strip());
            out.println(r.line());
            return r.accepted() ? 0 : FixCommand.EXIT_NOT_FIXED;
        }
    }
}
