package io.github.spndoctor.app.plan;

import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.render.Format;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;

import java.nio.file.Path;
import java.util.List;

/**
 * Preview, recheck, apply and report for plans. Everything but {@link #formats()} and {@link #render} blocks on
 * the directory or the disk; run it off the UI thread.
 */
public interface PlanService {
    /** The preview tabs, Summary first. */
    List<Format> formats();

    /** The plan as text in one format (copyable, savable). */
    String render(Plan plan, Format format);

    /** Re-reads every account the plan touches; never overwrites another admin's change. */
    Recheck recheck(Directory directory, Plan plan) throws Exception;

    /** Writes the journal, then applies change by change, stopping at the first failure. */
    ApplyOutcome apply(Directory directory, TargetName target, Plan plan, ApplyListener listener) throws Exception;

    /** Check again: re-runs the lookup and the classification, and asks the KDC where that is possible. */
    io.github.spndoctor.core.verify.VerifyResult verify(Directory directory, TargetName target, String remedyId);

    /** The plan that undoes what {@code outcome} applied. */
    Plan undoPlan(ApplyOutcome outcome) throws Exception;

    /** Saves a script an administrator can run to make the plan's changes; returns the file written. */
    Path saveScript(Plan plan, TargetName target) throws Exception;

    /** Saves a report of the session; returns the file written. */
    Path saveReport(SessionFacts facts, Path file) throws Exception;
}
