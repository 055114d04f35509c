package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.ChangeOutcome;
import io.github.spndoctor.core.session.Commit;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import io.github.spndoctor.core.render.Words;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.NotApplicableException;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.text.RedactedText;
import io.github.spndoctor.core.verify.CommandRunner;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.ToolKerberosProbe;
import io.github.spndoctor.core.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fix --target NAME --remedy ID}: shows the plan in every format, asks, re-checks the directory, applies it
 * change by change with a journal, verifies, and prints the client-side steps. {@code --dry-run} changes nothing.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Preview and apply a remedy: remove-spn, port-spn or wsman-prefix (also: move-spn-to-computer, "
                + "credssp; temporary-reset, trustedhosts and use-fqdn only print steps). Asks before changing anything.")
public final class FixCommand extends DirectoryWriteCommand {
    static final int EXIT_NOT_APPLIED = 4;
    static final int EXIT_APPLY_FAILED = 5;
    static final int EXIT_NOT_FIXED = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The server name as typed in Enter-PSSession.")
    String target;

    @Option(names = "--remedy", required = true, paramLabel = "ID", description = "remove-spn, port-spn, wsman-prefix, move-spn-to-computer, credssp, temporary-reset, trustedhosts, use-fqdn.")
    String remedy;

    @Option(names = "--https", description = "Clients connect over HTTPS (5986): port-spn also registers the :5986 forms.")
    boolean https;

    @Option(names = "--dry-run", description = "Print the plan in every format and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply without asking (for scripts). The re-check before applying still runs.")
    boolean yes;

    @Option(names = "--journal", paramLabel = "FILE", description = "Write the undo journal to this new file (default: a new file in ~/.spn-doctor/journals).")
    Path journalFile;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", converter = FormatConverter.class, description = "Preview formats to print: summary, setspn, powershell, ldif, reg (default: all with --dry-run, else summary,setspn).")
    List<Format> formats;

    @Option(names = "--save", paramLabel = "DIR", description = "Also save the plan in every format (.txt, .cmd, .ps1, .ldif, .reg) into DIR, e.g. for an administrator.")
    Path saveDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the session report the wizard saves (.html for HTML, anything else Markdown).")
    Path reportFile;

    @Option(names = "--text-file", paramLabel = "FILE", description = "The error text the user saw, for the report (secrets in it are blanked).")
    String textFile;


    @Option(names = "--verify-keytab", paramLabel = "KEYTAB", description = "After applying, prove the fix with kvno -k KEYTAB (the target host's keytab).")
    Path verifyKeytab;

    @Option(names = "--krb5-ccache", paramLabel = "CCACHE", description = "Ticket cache for the Kerberos check (sets KRB5CCNAME for kvno), e.g. FILE:/tmp/cc after a fresh kinit.")
    String krb5Ccache;

    @Option(names = "--no-kerberos", description = "Do not request a Kerberos ticket when verifying.")
    boolean noKerberos;

    @Option(names = "--probe", description = "After applying, test the connection as the client would (spn-doctor probe), with fresh tickets.")
    boolean liveProbe;

    @picocli.CommandLine.Mixin
    ClientOptions probeClient;

    @picocli.CommandLine.Mixin
    ProbeOptions probeOptions;

    @Option(names = "--set-spn-prefix-here", description = "wsman-prefix on Windows: also set spn_prefix = WSMAN on this machine (needs an elevated prompt).")
    boolean setSpnPrefixHere;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "After writing, check every domain controller until all hold the change or this many seconds have passed (default: ${DEFAULT-VALUE}: check once; spn-doctor converge watches longer).")
    long waitSeconds;

    @Mixin
    DirectoryOptions directory;



    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TargetName name = TargetName.parse(target);
        if (!Remedies.ALL_IDS.contains(remedy)) {
            throw new IllegalArgumentException("Unknown remedy '" + remedy + "'. Known remedies: " + String.join(", ", Remedies.ALL_IDS) + ".");
        }
        java.time.Duration wait = waitTime();
        if (journalFile != null && Files.exists(journalFile)) {
            throw new IllegalArgumentException("The journal file " + journalFile + " already exists; a journal is never "
                    + "overwritten. Name a new file, or leave --journal out.");
        }
        RedactedText symptom = textFile == null ? RedactedText.EMPTY : RedactedText.of(DiagnoseCommand.readFile(textFile));
        try (Directory dir = opener.open(directory)) {
            out.println("Directory: " + dir.info().banner());
            RepairSession session = new RepairSession(dir, config());
            session.describe(symptom.text(), name);
            LookupResult lookup = session.lookup();
            out.println("Target:    " + lookup.target().asTyped() + lookup.target().fqdn().map(f -> " (" + f + ")").orElse("")
                    + " - computer " + lookup.computer().map(c -> c.ref().samAccountName()).orElse("not found"));
            Plan plan;
            try {
                plan = session.plan(remedy);
            } catch (NotApplicableException e) {
                err.println("not applicable: " + e.getMessage());
                return EXIT_NOT_APPLIED;
            }
            if (saveDir != null) {
                saveAll(plan, lookup.target(), out);
            }
            printPreview(out, plan, formats != null ? formats : dryRun ? List.of(Format.values()) : List.of(Format.SUMMARY, Format.SETSPN));
            if (dryRun) {
                out.println("Dry run: nothing was changed.");
                writeReport(session.report(), out);
                return 0;
            }
            if (!plan.hasDirectoryChanges()) {
                out.println("This remedy has no directory changes; run the steps above where they say.");
                out.print(session.check().summary());
                writeReport(session.report(), out);
                return 0;
            }
            if (dir.info().readOnly()) {
                err.println("This connection is read-only, so nothing was changed. Hand the script above to someone with the "
                        + "rights, or reconnect with --allow-changes.");
                writeReport(session.report(), out);
                return EXIT_NOT_APPLIED;
            }
            if (!yes && !confirm(out, err, in(), "Apply " + (plan.changes().size() == 1 ? "this change" : "these "
                    + Words.changes(plan.changes().size())) + " to " + dir.info().server() + " as " + dir.info().boundIdentity() + "?")) {
                return EXIT_NOT_APPLIED;
            }
            session.confirm();
            Commit commit = session.commit(progress(out), Optional.ofNullable(journalFile));
            out.println(commit.recheck().message());
            if (commit.applied().isEmpty()) {
                writeReport(session.report(), out);
                return EXIT_NOT_APPLIED;
            }
            commit.journal().ifPresent(j -> out.println("Journal (keep it for undo): " + j));
            ApplyReport applied = commit.applied().get();
            out.println(applied.message());
            applied.problems().forEach(p -> err.println("warning: " + p));
            if (!applied.success()) {
                err.println("The fix was not completed. Undo with: spn-doctor undo --journal "
                        + commit.journal().map(Path::toString).orElse("(the journal above)"));
                writeReport(session.report(), out);
                return EXIT_APPLY_FAILED;
            }
            if (commit.journal().isPresent()) {   // has every DC the change yet? (issue 15) Recorded in the report.
                var watched = ConvergenceOutput.watch(session, wait, err);
                ConvergenceOutput.print(watched, out);
                if (liveProbe) {   // then each DC's KDC: whose key does its ticket carry? (the demo: its own per DC)
                    var kdcs = session.askKdcs(watched, () -> probeOptions.environment(probeClient.resolver()),
                            io.github.spndoctor.core.converge.KdcCheck.Progress.NONE, () -> false);
                    out.println(kdcs.summary());
                    kdcs.tickets().forEach(t -> out.println("- " + t.words()));
                }
            }
            VerifyResult verified = commit.check().orElseThrow();
            out.println();
            out.print(verified.summary());
            printClientSteps(out, commit.recheck().plan());
            if (setSpnPrefixHere && Remedies.WSMAN_PREFIX.equals(remedy)) {
                setLocalPrefix(out, err);
            }
            boolean rejected = false;
            if (liveProbe) {
                rejected = runProbe(dir, session, out);
            }
            writeReport(session.report(), out);
            return verified.verdict() == VerifyResult.Verdict.NOT_FIXED || rejected ? EXIT_NOT_FIXED : 0;
        }
    }

    /** The session's settings: journals, audit log (the executor's), the Kerberos probe from the options, no DNS. */
    private SessionConfig config() {
        return SessionConfig.defaults().withNames(Optional.empty()).withProbes(this::probe)
                .withRemedySettings(new RemedySettings(https))
                .withAudit(executor().auditLog());
    }

    /** The live probe after the fix, with SPN Doctor's own tickets; true when the host still rejects Kerberos. */
    private boolean runProbe(Directory dir, RepairSession session, PrintWriter out) {
        out.println();
        var endpoint = io.github.spndoctor.core.spn.Endpoint.parse(target);
        var probe = new io.github.spndoctor.core.probe.LiveProbe(dir, io.github.spndoctor.core.demo.TrainerDemo.probeEnvironment(dir,
                        endpoint.name().asTyped(), () -> probeOptions.environment(probeClient.resolver())));
        // the same core step as the wizard's Result page: run, record (timeline, report's probe table), measure
        var r = session.probe(probe, endpoint, probeClient.winrmClient(), probeClient.settings(), step -> {
            if (step.status() != io.github.spndoctor.core.probe.ProbeStep.Status.RUNNING) {
                out.println(ProbeCommand.mark(step.status()) + " " + step.sends() + ": " + step.result());
            }
        });
        out.println(r.summary(true));
        io.github.spndoctor.core.probe.ProbeAdvice.of(r).forEach(a -> out.println("  " + a));
        return r.winrm() == io.github.spndoctor.core.probe.WinrmOutcome.REJECTED;
    }

    java.time.Duration waitTime() { return ConvergenceOutput.waitTime(waitSeconds); }

    /**
     * Asks on the console. Only "y" or "yes" applies; no answer at all (no console, stdin closed) refuses.
     */
    static boolean confirm(PrintWriter out, PrintWriter err, BufferedReader in, String question) throws IOException {
        out.print(question + " Type y to apply, anything else cancels: ");
        out.flush();
        String answer = in.readLine();
        if (answer == null) {
            out.println();
            err.println("No answer could be read (no console, or input closed): nothing was changed. Use --yes to apply without asking.");
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        if (a.equals("y") || a.equals("yes")) {
            return true;
        }
        out.println("Cancelled: nothing was changed.");
        return false;
    }

    private void saveAll(Plan plan, TargetName t, PrintWriter out) throws IOException {
        Files.createDirectories(saveDir);
        String base = "spn-doctor-" + t.asTyped().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + plan.remedyId();
        for (Format f : Format.values()) {
            Path file = saveDir.resolve(base + "." + f.extension());
            Files.writeString(file, Preview.render(plan, f), StandardCharsets.UTF_8);
            out.println("Saved " + f.label() + ": " + file);
        }
    }

    static void printPreview(PrintWriter out, Plan plan, List<Format> formats) {
        for (Format f : formats) {
            out.println();
            out.println("===== " + f.label() + " =====");
            out.print(Preview.render(plan, f).replace("\r\n", "\n"));
        }
        out.println();
    }

    static ApplyListener progress(PrintWriter out) {
        return new ApplyListener() {
            @Override
            public void finished(int index, int total, ChangeOutcome outcome) {
                out.println("[" + (index + 1) + "/" + total + "] " + outcome.change().description() + ": " + outcome.status().id()
                        + (outcome.detail().isEmpty() ? "" : " - " + outcome.detail()));
                out.flush();
            }
        };
    }

    private static void printClientSteps(PrintWriter out, Plan plan) {
        if (plan.clientSteps().isEmpty()) {
            return;
        }
        out.println();
        out.println("Now on the clients / servers (SPN Doctor does not do these):");
        int i = 1;
        for (ClientStep s : plan.clientSteps()) {
            out.println(i++ + ". " + s.title() + " [" + s.language() + "]");
            for (String line : s.script().split("\r?\n")) {
                out.println("   " + line);
            }
        }
    }

    private void setLocalPrefix(PrintWriter out, PrintWriter err) {
        if (!localPrefix.supported()) {
            err.println("--set-spn-prefix-here works only on Windows; use the .reg file or reg add line above on each client.");
            return;
        }
        try {
            CommandRunner.Result r = localPrefix.set();
            out.println("spn_prefix on this machine: " + (r.exitCode() == 0 ? "set to WSMAN" : "NOT set") + " - " + r.output().strip());
            out.println("To take it away again: reg delete \"" + io.github.spndoctor.core.remedy.ClientSteps.WSMAN_CLIENT_KEY + "\" /v spn_prefix /f");
        } catch (IOException e) {
            err.println("spn_prefix could not be set on this machine: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<KerberosProbe> probe(Directory dir) {
        if (noKerberos) {
            return Optional.empty();
        }
        Optional<io.github.spndoctor.core.demo.TrainerDemo> demo = io.github.spndoctor.core.demo.TrainerDemo.of(dir);
        if (demo.isPresent()) {
            return Optional.of(demo.get().ticketProbe()); // the demo's own KDC: real tickets, the host's own key
        }
        Map<String, String> env = krb5Ccache == null ? Map.of() : Map.of("KRB5CCNAME", krb5Ccache);
        if (verifyKeytab != null) {
            return Optional.of(new ToolKerberosProbe(CommandRunner.PROCESS, false, Optional.of(verifyKeytab), env));
        }
        return ToolKerberosProbe.available(CommandRunner.PROCESS, env)
                ? Optional.of(new ToolKerberosProbe(CommandRunner.PROCESS, org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS,
                        Optional.empty(), env)) : Optional.empty();
    }

    private void writeReport(SessionReport report, PrintWriter out) throws IOException {
        if (reportFile == null) {
            return;
        }
        writeReport(report, reportFile);
        out.println("Report written to " + reportFile);
    }

    static void writeReport(SessionReport report, Path file) throws IOException {
        boolean html = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")
                || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".htm");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, html ? report.toHtml() : report.toMarkdown(), StandardCharsets.UTF_8);
    }


    /** Accepts format names in any case: summary, SETSPN, PowerShell... */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(value.strip()) || f.label().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use summary, setspn, powershell, ldif or reg.");
        }
    }
}
