package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies a planned break the way a fix is applied (one path for the wizard and the CLI): the recheck at the moment
 * of commit, a journal in the demo's journal folder forced to disk before the first write, the demo's own audit
 * log. Two breaks differ, as the real world does: a true duplicate cannot be written through a check that refuses
 * duplicates, so it skips the duplicate part of the recheck (it stands for a restored backup, which AD does not
 * check either; knowledge.md 7.4) and is still journalled; the CNAME break changes the demo's DNS, not the directory.
 */
public final class BreakRunner {
    /** What applying a break did. {@code report} is empty for a DNS-only break. */
    public record Result(boolean success, String message, Optional<ApplyReport> report, Optional<java.nio.file.Path> journal) { }

    private BreakRunner() {}

    public static Result apply(TrainerDemo demo, DemoBreak b, ApplyListener listener) throws DirectoryException, IOException {
        if (b.dns().isPresent()) {
            DemoBreak.DnsChange d = b.dns().get();
            String now = demo.dns().aliases().get(d.alias());
            if (!d.before().equals(now)) {
                return new Result(false, "The alias " + d.alias() + " changed since the plan was made (now " + now
                        + "): nothing was changed.", Optional.empty(), Optional.empty());
            }
            demo.setAlias(d.alias(), d.after());
            return new Result(true, d.alias() + " now points at " + d.after() + ". To put it back: spn-doctor demo break cname --host "
                    + d.alias() + " --to " + d.before() + " (or reset the demo).", Optional.empty(), Optional.empty());
        }
        PlanExecutor executor = demo.executor();
        Plan plan = b.plan();
        if (!b.id().equals(Breaks.DUPLICATE)) {
            Recheck rc = executor.recheck(demo.directory(), plan);
            if (!rc.canApply()) {
                return new Result(false, rc.message(), Optional.empty(), Optional.empty());
            }
            plan = rc.plan();
        } else {
            b.plan().changes().forEach(c -> demo.allowDuplicate((io.github.spndoctor.core.model.SpnChange.Add) c));
        }
        Journal journal = Journal.create(demo.journals(), demo.directory().info(), TargetName.parse(b.target()), plan);
        ApplyReport r = executor.apply(demo.directory(), plan, journal, listener);
        String undo = r.success() ? " Undo it with: spn-doctor undo --demo --journal " + journal.file() : "";
        return new Result(r.success(), r.message() + undo, Optional.of(r), Optional.of(journal.file()));
    }

    /** The steps of a break in plain words, for a preview. */
    public static List<String> steps(DemoBreak b) {
        if (b.dns().isPresent()) {
            return List.of(b.dns().get().description());
        }
        return b.plan().changes().stream().map(c -> c.description()).toList();
    }
}
