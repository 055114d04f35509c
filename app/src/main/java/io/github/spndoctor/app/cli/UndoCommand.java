package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.session.Commit;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import io.github.spndoctor.core.render.Words;
import java.nio.file.Path;
import java.util.Optional;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.apply.UndoCheck;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code undo --journal FILE}: previews the inverse of what a journal says was applied, re-checks the directory
 * (a step a domain controller would refuse is explained and left out), asks, and applies it with its own journal.
 */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Put back what a fix changed, from its journal. Asks before changing anything.")
public final class UndoCommand extends DirectoryWriteCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "The journal written by fix (or by the wizard).")
    Path journalFile;

    @Option(names = "--yes", description = "Undo without asking. The re-check still runs.")
    boolean yes;

    @Option(names = "--dry-run", description = "Show what undo would do and change nothing.")
    boolean dryRun;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", converter = FixCommand.FormatConverter.class, description = "Preview formats: summary, setspn, powershell, ldif, reg (default: summary,setspn).")
    List<Format> formats;

    @Option(names = "--remove-spn-prefix-here", description = "Undoing wsman-prefix on Windows: also remove spn_prefix from this machine (elevated prompt).")
    boolean removeSpnPrefixHere;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the session report of this undo (.html for HTML, anything else Markdown).")
    Path reportFile;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "After writing, check every domain controller until all hold the change or this many seconds have passed (default: ${DEFAULT-VALUE}: check once; spn-doctor converge watches longer).")
    long waitSeconds;

    @Mixin
    DirectoryOptions directory;



    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.time.Duration wait = ConvergenceOutput.waitTime(waitSeconds);
        Journal journal = Journal.read(journalFile);
        out.println("Journal: " + journal.remedyId() + " on " + journal.target() + ", " + journal.created() + ", "
                + journal.server() + (journal.demo() ? " (demo)" : "") + " as " + journal.boundIdentity());
        Plan undo = journal.undoPlan();
        if (!undo.hasDirectoryChanges()) {
            out.println("The journal records no applied change: there is nothing to undo in the directory.");
            if (removeSpnPrefixHere) {
                // nothing local changes before the confirmation, nothing at all in a dry run
                if (dryRun) {
                    out.println("Dry run: spn_prefix on this machine would be removed; nothing was changed.");
                } else if (yes || FixCommand.confirm(out, err, in(), "Remove spn_prefix on this machine?")) {
                    removeLocalPrefix(out, err);
                } else {
                    return FixCommand.EXIT_NOT_APPLIED;
                }
            }
            return 0;
        }
        try (Directory dir = opener.open(directory)) {
            out.println("Directory: " + dir.info().banner());
            List<String> refusals = UndoCheck.refusals(journal, dir);
            if (!refusals.isEmpty()) {
                err.println("Undo refused: nothing was changed.");
                refusals.forEach(r -> err.println(" - " + r));
                return FixCommand.EXIT_NOT_APPLIED;
            }
            if (!dir.info().server().equalsIgnoreCase(journal.server())) {
                out.println("Note: the journal was written through " + journal.server() + "; you are connected to " + dir.info().server() + ".");
            }
            Path journals = journalFile.toAbsolutePath().getParent() != null ? journalFile.toAbsolutePath().getParent() : StatePaths.journals(dir.info().demo());
            RepairSession session = new RepairSession(dir, SessionConfig.defaults().withNames(Optional.empty())
                    .withProbes(ProbeChoice.NONE).withAudit(executor().auditLog()).withJournalDir(journals));
            session.describe("", TargetName.parse(journal.target()));
            session.useUndo(journal, journalFile);
            FixCommand.printPreview(out, undo, formats != null ? formats : List.of(Format.SUMMARY, Format.SETSPN));
            printClientSteps(out, undo);
            if (dryRun) {
                Recheck now = session.recheckNow();
                out.println(now.message());
                out.println((removeSpnPrefixHere ? "Dry run: nothing was changed (neither the directory nor spn_prefix on this machine)."
                        : "Dry run: nothing was changed.") + " The accounts are re-read again when you undo for real.");
                return 0;
            }
            if (dir.info().readOnly()) {
                err.println("This connection is read-only, so nothing was changed. Hand the script above to someone with the "
                        + "rights, or reconnect with --allow-changes.");
                return FixCommand.EXIT_NOT_APPLIED;
            }
            if (!yes && !FixCommand.confirm(out, err, in(), "Undo " + Words.changes(undo.changes().size() + undo.aliases().size()) + " on " + dir.info().server()
                    + (removeSpnPrefixHere ? " and remove spn_prefix on this machine" : "") + "?")) {
                return FixCommand.EXIT_NOT_APPLIED;
            }
            session.confirm();
            Commit c = session.commit(FixCommand.progress(out), Optional.empty());
            out.println(c.recheck().message());
            if (c.recheck().status() == Recheck.Status.REFUSED) {
                err.println("Undo refused: nothing was changed.");
                return FixCommand.EXIT_NOT_APPLIED;
            }
            if (c.applied().isEmpty()) {
                out.println("Nothing is left to undo in the directory.");
                return 0;
            }
            c.journal().ifPresent(j -> out.println("Journal of this undo: " + j));
            ApplyReport r = c.applied().get();
            out.println(r.message());
            r.problems().forEach(p -> err.println("warning: " + p));
            c.check().ifPresent(v -> out.print(v.summary()));
            if (removeSpnPrefixHere) {
                if (r.success()) {
                    removeLocalPrefix(out, err);
                } else {
                    err.println("spn_prefix on this machine was left as it is, because the directory undo did not complete.");
                }
            }
            if (c.journal().isPresent()) {   // has every DC the undo yet? (issue 15) Recorded in the report.
                ConvergenceOutput.print(ConvergenceOutput.watch(session, wait, err), out);
            }
            if (reportFile != null) {
                FixCommand.writeReport(session.report(), reportFile);
                out.println("Report written to " + reportFile);
            }
            return r.success() ? 0 : FixCommand.EXIT_APPLY_FAILED;
        }
    }

    private void removeLocalPrefix(PrintWriter out, PrintWriter err) {
        if (!localPrefix.supported()) {
            err.println("--remove-spn-prefix-here works only on Windows; run the reg delete line on each client.");
            return;
        }
        try {
            var r = localPrefix.undo();
            out.println("spn_prefix on this machine: " + (r.exitCode() == 0 ? "removed" : "NOT removed") + " - " + r.output().strip());
        } catch (java.io.IOException e) {
            err.println("spn_prefix could not be removed on this machine: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printClientSteps(PrintWriter out, Plan undo) {
        for (ClientStep s : undo.clientSteps()) {
            out.println("Also: " + s.title() + " - " + s.explanation());
            out.println("   " + s.script().replace("\n", "\n   "));
        }
    }
}
