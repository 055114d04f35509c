package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Measurement;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.RemedyAdvisor;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.Verifier;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.report.TimelineEntry.Kind;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import io.github.spndoctor.core.verify.VerifyResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One repair of one host over one connection — the whole flow the wizard's pages and the CLI's subcommands both
 * drive: symptom and target → lookup → assessment (diagnosis, verdict, per-SPN status) → ranked remedy options →
 * plan and previews → explicit confirmation → commit (re-check at that moment, journal forced to disk, apply with
 * progress, check) → undo (same rules) → report with the timeline of every step. Nothing here decides differently for
 * the two faces. {@link #startOver} keeps the connection for another host.
 * <p>
 * Thread-safe: state is read and written under a lock, but the network is never called while holding it, so a UI
 * thread can read while a worker thread waits on the directory. Blocking methods (marked) belong off the UI thread.
 */
public final class RepairSession {
    /** Why the current plan exists. */
    public enum Purpose {
        FIX, UNDO,
        /** A trainer's breaking action on the demo ({@link #planBreak}): committed and undone like a fix. */
        BREAK
    }

    private final Object lock = new Object();
    private final Directory directory;
    private final SessionConfig config;
    private final PlanExecutor executor;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<EvidenceItem> evidence = new ArrayList<>();
    private String symptomText = "";
    private Symptom symptom = Symptom.EMPTY;
    private TargetName target;
    private final Findings findings = new Findings();
    private Measurement measurement;
    private List<Answer> answers = List.of();
    private final Changes changes = new Changes();
    private VerifyResult lastCheck;
    private String probedHost;
    private io.github.spndoctor.core.flow.TicketFlow flow;

    public RepairSession(Directory directory, SessionConfig config) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new PlanExecutor(config.audit());
    }

    /** The connection: demo or live, server, identity, read-only or not. */
    public DirectoryInfo connection() { return directory.info(); }

    /** The directory itself, for the few callers that own its life (closing it, the forest scan). */
    public Directory directory() { return directory; }

    /** Sets what the user pasted and the host to repair; forgets everything found for a previous host. */
    public void describe(String text, TargetName host) {
        // the text enters the product here: only its redacted form is kept, parsed or reported
        String redacted = io.github.spndoctor.core.text.RedactedText.of(text == null ? "" : text).text();
        Symptom parsed = SymptomParser.parse(redacted);
        synchronized (lock) {
            symptomText = redacted;
            symptom = parsed;
            target = Objects.requireNonNull(host, "host");
            clearFindings();
            timeline.add(Steps.described(host, parsed));
        }
    }

    /**
     * {@link #describe(String, TargetName)} with the evidence the user's files and pastes gave (core
     * {@code EvidenceSet}: the text already carries its lines); they replace the evidence of an earlier describe and
     * go into the report's Evidence section and the timeline.
     */
    public void describe(String text, TargetName host, List<EvidenceItem> fromFiles) {
        describe(text, host);
        synchronized (lock) {
            evidence.removeIf(e -> e.kind() != io.github.spndoctor.core.evidence.EvidenceKind.LIVE_PROBE);
        }
        fromFiles.forEach(this::addEvidence);
    }

    public Symptom symptom() { synchronized (lock) { return symptom; } }

    /** The pasted text (the report blanks secrets in it). */
    public String symptomText() { synchronized (lock) { return symptomText; } }

    public Optional<TargetName> target() { synchronized (lock) { return Optional.ofNullable(target); } }

    /** The client program the text names (Server Manager, pypsrp, ...), if any. */
    public Optional<Client> client() {
        synchronized (lock) { return symptom.clients().stream().findFirst().map(f -> f.value()); }
    }

    /** Looks the target up (blocks). A lookup overtaken by {@link #lookupStopped} or a newer one is not recorded. */
    public LookupResult lookup() throws DirectoryException {
        long run;
        TargetName t;
        synchronized (lock) {
            t = requireTarget();
            run = findings.startLookup();
        }
        try {
            LookupResult r = directory.lookup(t);
            synchronized (lock) {
                if (findings.looked(run, r)) {
                    timeline.add(Steps.looked(t, r));
                }
            }
            return r;
        } catch (DirectoryException e) {
            synchronized (lock) {
                if (findings.failed(run, e)) {
                    timeline.add(Steps.lookupFailed(t, e));
                }
            }
            throw e;
        }
    }

    /** The user stopped waiting: the running lookup's result is dropped, and the host counts as unknown. */
    public void lookupStopped(String why) {
        synchronized (lock) {
            findings.stopped(new DirectoryException(DirectoryException.Kind.TIMEOUT, why));
            timeline.add(TimelineEntry.now(Kind.LOOKUP, why, ""));
        }
    }

    public Optional<LookupResult> lastLookup() { synchronized (lock) { return Optional.ofNullable(findings.lookup()); } }

    public Optional<DirectoryException> lookupFailure() { synchronized (lock) { return Optional.ofNullable(findings.failure()); } }

    /** Diagnosis, verdict and per-SPN status; asks DNS on a live directory (blocks then). Cached until the next lookup. */
    public Assessment assess() {
        Symptom s;
        Optional<LookupResult> l;
        Optional<DirectoryException> failure;
        Optional<Measurement> m;
        List<Answer> given;
        TargetName t;
        synchronized (lock) {
            if (findings.assessment() != null) {
                return findings.assessment();
            }
            t = requireTarget();
            s = symptom;
            l = Optional.ofNullable(findings.lookup());
            failure = Optional.ofNullable(findings.failure());
            m = Optional.ofNullable(measurement);
            given = answers;
        }
        Assessment a = Assessor.assess(t, s, l, failure, m, given, config);
        synchronized (lock) {
            if (findings.assessed(l, a)) {
                timeline.add(TimelineEntry.now(Kind.DIAGNOSIS, a.verdict().sentence(), ""));
            }
        }
        return a;
    }

    /**
     * What a live probe measured for this host ("Test the connection"): evidence that outweighs the text. The next
     * assessment weighs it; the timeline records it.
     */
    public void measured(Measurement m, String summary) {
        synchronized (lock) {
            measurement = Objects.requireNonNull(m, "m");
            findings.invalidate();
            timeline.add(TimelineEntry.now(Kind.PROBE, summary, ""));
        }
    }

    /**
     * Tests the connection to this session's host as the client would (blocks; {@code probe.stop()} ends it) and
     * records it: measured evidence for the next assessment, a timeline step with every probe step, and a row of the
     * report's "Live probe" table saying when it ran (before any change, after the fix, after the undo). The wizard's
     * "Test the connection", its Result page and {@code probe} / {@code fix --probe} all run it through here.
     */
    public io.github.spndoctor.core.probe.ProbeResult probe(io.github.spndoctor.core.probe.LiveProbe probe,
            io.github.spndoctor.core.spn.Endpoint endpoint, io.github.spndoctor.core.spn.WinrmClient client,
            io.github.spndoctor.core.spn.ClientSettings settings,
            java.util.function.Consumer<io.github.spndoctor.core.probe.ProbeStep> progress) {
        io.github.spndoctor.core.probe.ProbeResult r = probe.run(endpoint, client, settings, progress);
        String when;
        boolean changed;
        boolean ours;
        synchronized (lock) {
            boolean undone = changes.undoReport() != null && changes.purpose() == Purpose.UNDO;
            changed = undone || changes.applyReport() != null;
            when = (undone ? "after the undo" : changes.applyReport() != null ? "after the fix" : "before any change") + ", "
                    + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            ours = target != null && r.host().equalsIgnoreCase(target.asTyped());
            if (ours && !r.stopped()) {
                probedHost = r.host();
                measurement = r.measurement();
                findings.invalidate();
            }
            timeline.add(TimelineEntry.now(Kind.PROBE, r.summary(changed), r.stepLines()));
            if (!r.stopped()) {
                evidence.add(r.evidence(when, changed));   // its timeline step is the one above
            }
        }
        return r;
    }

    /**
     * True when the Result page should test the connection again by itself after an apply or an undo: the probe
     * ran for this host in this session, or the connection is the demo (its probe never leaves the process). On a
     * real network the probe stays opt-in: it sends a ticket request and a request to the host.
     */
    public boolean probeAfterCommit() {
        synchronized (lock) {
            return target != null && (target.asTyped().equalsIgnoreCase(probedHost)
                    || io.github.spndoctor.core.demo.TrainerDemo.of(directory).isPresent());
        }
    }

    /** The user's answers to the deciding questions: evidence for the next assessment ("you said: ..."). */
    public void answered(List<Answer> given) {
        synchronized (lock) {
            List<Answer> copy = List.copyOf(given);
            if (!copy.equals(answers)) {
                answers = copy;
                findings.invalidate();
                if (!copy.isEmpty()) {
                    timeline.add(Steps.answered(copy));
                }
            }
        }
    }

    /** Every remedy for this host and client, recommended first; empty without a lookup. */
    public List<RemedyOption> remedies() {
        Assessment a = assess();
        Optional<LookupResult> l = lastLookup();
        return l.map(r -> RemedyAdvisor.options(r, a.client(), a.verdict())).orElse(List.of());
    }

    /** Builds the plan for one remedy (blocks: forest-wide duplicate and delegation checks). */
    public Plan plan(String remedyId) throws DirectoryException {
        LookupResult l;
        synchronized (lock) {
            l = findings.lookup();
            if (l == null) {
                throw new IllegalStateException("Look the host up before planning a fix.");
            }
        }
        Plan p = Remedies.plan(remedyId, l, directory, config.remedySettings());
        synchronized (lock) {
            timeline.add(changes.planned(p));
        }
        return p;
    }

    /**
     * Makes a trainer's breaking action the current plan (the trainer's demo only): its host becomes the target, and
     * it is previewed, confirmed, rechecked at commit ({@link io.github.spndoctor.core.demo.BreakRules}), journalled,
     * applied and undone exactly as a fix is. A break that changes DNS, not the directory, has no journal and is
     * refused here.
     */
    public Plan planBreak(io.github.spndoctor.core.demo.DemoBreak b) {
        if (io.github.spndoctor.core.demo.TrainerDemo.of(directory).isEmpty()) {
            throw new IllegalStateException("Breaking actions are for the trainer's demo only.");
        }
        if (b.dns().isPresent() || !b.plan().hasDirectoryChanges()) {
            throw new IllegalArgumentException("This break changes the demo's DNS, not the directory: it has no journal to undo it from.");
        }
        describe("", TargetName.parse(b.target()));
        synchronized (lock) {
            timeline.add(changes.plannedBreak(b));
            return changes.plan();
        }
    }

    /**
     * Plans the trainer's break {@code id} against the demo as it is now (blocks: reads the directory) and makes it
     * the current plan ({@link #planBreak(io.github.spndoctor.core.demo.DemoBreak)}); a DNS break is only planned.
     *
     * @param host the host to break; empty for the demo's default (the healthy SRV004)
     */
    public io.github.spndoctor.core.demo.DemoBreak planBreak(String id, Optional<String> host)
            throws DirectoryException, io.github.spndoctor.core.remedy.NotApplicableException {
        io.github.spndoctor.core.demo.TrainerDemo demo = io.github.spndoctor.core.demo.TrainerDemo.of(directory)
                .orElseThrow(() -> new IllegalStateException("Breaking actions are for the trainer's demo only."));
        io.github.spndoctor.core.demo.DemoBreak b = io.github.spndoctor.core.demo.Breaks.plan(demo, id, host, Optional.empty());
        if (b.dns().isEmpty()) {
            planBreak(b);
        }
        return b;
    }

    /** The break the current plan comes from, while the purpose is {@link Purpose#BREAK}. */
    public Optional<io.github.spndoctor.core.demo.DemoBreak> currentBreak() {
        synchronized (lock) { return Optional.ofNullable(changes.breaking()); }
    }

    public Optional<Plan> currentPlan() { synchronized (lock) { return Optional.ofNullable(changes.plan()); } }

    public Purpose purpose() { synchronized (lock) { return changes.purpose(); } }

    /** The current plan in one format (Summary, setspn, PowerShell, LDIF, .reg). */
    public String preview(Format format) {
        return Preview.render(currentPlan().orElseThrow(() -> new IllegalStateException("There is no plan to preview.")), format);
    }

    /** The user confirmed the current plan, exactly as previewed. */
    public void confirm() {
        synchronized (lock) {
            timeline.add(changes.confirm(directory.info().server()));
        }
    }

    public boolean confirmed() { synchronized (lock) { return changes.confirmed(); } }

    /**
     * What a commit would find if it ran now (blocks; reads only, writes and records nothing): for dry runs. The
     * commit itself re-checks again at its own moment.
     */
    public Recheck recheckNow() throws DirectoryException {
        Plan p = currentPlan().orElseThrow(() -> new IllegalStateException("There is no plan to check."));
        return executor.recheck(directory, p);
    }

    /**
     * Commits the confirmed plan (blocks): re-checks the directory now (ADR 0401) — a refused or empty re-check writes
     * nothing; a rebuilt plan only drops steps, so it stays within what was confirmed — then writes the journal
     * (forced to disk) and applies change by change, and checks the result right away.
     *
     * @param journalFile a new file for the journal; empty for a new file in the configured journal directory
     */
    public Commit commit(ApplyListener listener, Optional<Path> journalFile) throws DirectoryException, IOException {
        Plan p;
        Purpose why;
        TargetName t;
        io.github.spndoctor.core.demo.DemoBreak b;
        synchronized (lock) {
            if (directory.info().readOnly()) {
                throw new IllegalStateException("This connection is read-only: nothing can be applied.");
            }
            t = requireTarget();
            why = changes.purpose();
            b = changes.breaking();
            p = changes.takeConfirmed();
        }
        Recheck rc = why == Purpose.BREAK ? io.github.spndoctor.core.demo.BreakRules.recheck(directory, b, executor)
                : executor.recheck(directory, p);
        synchronized (lock) {
            timeline.add(changes.rechecked(rc));
        }
        if (!rc.canApply()) {
            return new Commit(why == Purpose.UNDO, rc, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Plan toApply = rc.plan();
        Journal j = journalFile.isPresent() ? Journal.createAt(journalFile.get(), directory.info(), t, toApply)
                : Journal.create(StatePaths.journalsUnder(config.journalDir(), directory.info().demo()), directory.info(), t, toApply);
        ApplyReport r = executor.apply(directory, toApply, j, listener == null ? ApplyListener.NONE : listener);
        synchronized (lock) {
            timeline.add(changes.committed(why, toApply, r, j));
        }
        VerifyResult v = checkNow(why, toApply);
        return new Commit(why == Purpose.UNDO, rc, Optional.of(r), Optional.of(v), Optional.of(j.file()));
    }

    /**
     * Checks again (blocks): after an apply, exactly what its remedy relies on; after an undo, that every change is
     * reversed and what stands now; before any apply, the chosen remedy's (or plain WinRM's) SPNs.
     */
    public VerifyResult check() {
        Purpose why;
        Plan basis;
        synchronized (lock) {
            why = changes.checkPurpose();
            basis = changes.checkBasis();
        }
        return checkNow(why, basis);
    }

    private VerifyResult checkNow(Purpose why, Plan basis) {
        TargetName t = target().orElseThrow(() -> new IllegalStateException("No host to check."));
        VerifyResult v;
        if (why == Purpose.UNDO) {
            v = Verifier.verifyUndo(directory, t, basis);
        } else if (why == Purpose.BREAK) {
            v = io.github.spndoctor.core.demo.BreakRules.check(directory, t, basis, config.probes().probeFor(directory));
        } else if (basis == null) {
            v = Verifier.verify(directory, t, (String) null, config.probes().probeFor(directory));
        } else {
            v = Verifier.verify(directory, t, basis, config.probes().probeFor(directory));
        }
        synchronized (lock) {
            lastCheck = v;
            findings.checked(v);
            timeline.add(Steps.checked(why == Purpose.UNDO, v));
        }
        return v;
    }

    /**
     * Watches the values the last commit (fix or undo) wrote reach every domain controller (blocks; issue 15): up to
     * {@code limit} (zero: one look), {@code listener} told after each round, until all agree or {@code stop} says
     * so. The outcome goes into the timeline and the report, the same for both faces.
     */
    public WatchOutcome watchReplication(Duration limit, ConvergenceWatch.Listener listener, BooleanSupplier stop)
            throws DirectoryException {
        Journal j;
        boolean undo;
        synchronized (lock) {
            j = changes.lastJournal();
            if (j == null) {
                throw new IllegalStateException("Nothing was written in this session, so there is nothing to replicate.");
            }
            undo = changes.lastPurpose() == Purpose.UNDO;
        }
        WatchOutcome o = ConvergenceWatch.follow(directory, j, limit, listener, stop);
        synchronized (lock) {
            timeline.add(Steps.replicated(undo, o));
        }
        return o;
    }

    /**
     * After a watch (blocks): asks the KDC of every DC that answered for a ticket to each SPN the write changed and
     * says whose key it carries (the target's computer compared too); recorded in the timeline. Empty when nothing was
     * watched.
     */
    public List<KdcCheck.DcTicket> checkKdcs(WatchOutcome watched, ProbeEnvironment env) {
        if (watched.report().isEmpty()) {
            return List.of();
        }
        List<AccountRef> computer = lastLookup().flatMap(LookupResult::computer).map(a -> List.of(a.ref())).orElse(List.of());
        List<KdcCheck.DcTicket> asked = KdcCheck.run(watched.report().get(), directory, computer, env);
        record(Steps.kdcsAsked(new io.github.spndoctor.core.converge.KdcReport(asked, false, "")));
        return asked;
    }

    /**
     * After a watch (blocks; issue 15): asks the KDC of every DC that answered for a ticket to each SPN the write
     * changed, whose key it carries, DC by DC — on the trainer demo its own KDC per simulated DC, else in
     * {@code otherwise}; {@code progress} is told before each request, {@code stop} ends it. Recorded in the timeline
     * and the report; the wizard's Result page and {@code fix --probe} both run it.
     */
    public io.github.spndoctor.core.converge.KdcReport askKdcs(WatchOutcome watched,
            java.util.function.Supplier<ProbeEnvironment> otherwise, KdcCheck.Progress progress, BooleanSupplier stop) {
        String host = target().map(TargetName::asTyped).orElse("");
        List<AccountRef> computer = lastLookup().flatMap(LookupResult::computer).map(a -> List.of(a.ref())).orElse(List.of());
        io.github.spndoctor.core.converge.KdcReport r = KdcAsk.ask(directory, host, computer, watched, otherwise, progress, stop);
        record(Steps.kdcsAsked(r));
        return r;
    }

    public Optional<VerifyResult> lastCheck() { synchronized (lock) { return Optional.ofNullable(lastCheck); } }

    /** The changes the last fix applied (what Undo reverses); empty when none. */
    public Optional<Plan> applied() { synchronized (lock) { return Optional.ofNullable(changes.applied()); } }

    /** True when this session has written to the directory (the wizard asks before closing). */
    public boolean wroteToDirectory() { synchronized (lock) { return changes.wroteToDirectory(); } }

    /** Makes the undo of the last fix the current plan (from its journal: everything that may have been written). */
    public Plan planUndo() {
        synchronized (lock) {
            if (changes.journal() == null) {
                throw new IllegalStateException("Nothing was applied in this session, so there is nothing to undo.");
            }
            timeline.add(changes.undoFrom(changes.journal(), "Undo of the last fix"));
            return changes.plan();
        }
    }

    /** Makes the undo recorded in an already read journal the current plan. */
    public Plan useUndo(Journal j, Path file) {
        synchronized (lock) {
            timeline.add(changes.undoFrom(j, "Undo from journal " + file.getFileName()));
            return changes.plan();
        }
    }

    /** Appends a step to the timeline (probes, evidence collectors and trainers use this). */
    public void record(TimelineEntry entry) {
        synchronized (lock) { timeline.add(Objects.requireNonNull(entry, "entry")); }
    }

    /** Adds evidence gathered beyond the lookup; it goes into the report and the timeline. */
    public void addEvidence(EvidenceItem item) {
        synchronized (lock) {
            evidence.add(Objects.requireNonNull(item, "item"));
            timeline.add(TimelineEntry.now(Kind.EVIDENCE, item.title(), item.detail()));
        }
    }

    public List<TimelineEntry> timeline() { synchronized (lock) { return List.copyOf(timeline); } }

    public List<EvidenceItem> evidence() { synchronized (lock) { return List.copyOf(evidence); } }

    /**
     * The ticket flow for {@code requested} (the SPN the client asks for) as the directory answers now, for the host
     * being repaired (blocks). The report shows the last one drawn; a new host or lookup forgets it.
     */
    public io.github.spndoctor.core.flow.TicketFlow ticketFlow(io.github.spndoctor.core.model.Spn requested) throws DirectoryException {
        TargetName t;
        LookupResult l;
        synchronized (lock) {
            t = requireTarget();
            l = findings.lookup() != null ? findings.lookup() : findings.reportedLookup();
        }
        Optional<io.github.spndoctor.core.model.Account> computer = l != null ? l.computer() : directory.lookup(t).computer();
        io.github.spndoctor.core.flow.TicketFlow f = io.github.spndoctor.core.flow.TicketFlows.of(directory, requested, t.asTyped(), computer);
        synchronized (lock) {
            if (t.equals(target)) {
                flow = f;
            }
        }
        return f;
    }

    /**
     * The ticket flow for the SPN a Windows client asks for (blocks): {@code HTTP/<host as typed>}, or after a fix that
     * changes what the client asks for, what it asks for then — {@code HTTP/<host>:5985} with -IncludePortInSPN after
     * the port-SPN fix, {@code WSMAN/<host>} after the prefix fix; after an undo the default again.
     */
    public io.github.spndoctor.core.flow.TicketFlow ticketFlow() throws DirectoryException {
        io.github.spndoctor.core.model.Spn spn;
        synchronized (lock) {
            String host = requireTarget().asTyped();
            Plan fix = changes.checkPurpose() == Purpose.FIX ? changes.applied() : null;
            String remedy = fix == null ? "" : fix.remedyId();
            spn = remedy.equals(Remedies.PORT_SPN) ? io.github.spndoctor.core.model.Spn.of("HTTP", host, java.util.OptionalInt.of(5985))
                    : remedy.equals(Remedies.WSMAN_PREFIX) ? io.github.spndoctor.core.model.Spn.of("WSMAN", host)
                    : io.github.spndoctor.core.model.Spn.of("HTTP", host);
        }
        return ticketFlow(spn);
    }

    /** The report of this session so far: symptom, findings, causes, plan, re-check and the timeline. */
    public SessionReport report() {
        synchronized (lock) {
            return Assessor.report(symptomText, directory.info(), findings.reportedLookup(),
                    findings.reportedAssessment(), changes.reportedPlan(),
                    changes.recheck(), changes.applyReport(), lastCheck, changes.undoReport(), timeline, evidence)
                    .withTicketFlow(flow);
        }
    }

    /** Another host on the same connection: forgets target, symptom, findings, plan and timeline. */
    public void startOver() {
        synchronized (lock) {
            symptomText = "";
            symptom = Symptom.EMPTY;
            target = null;
            clearFindings();
            changes.forgetApplied();
            timeline.clear();
            evidence.clear();
            probedHost = null;
        }
    }

    private void clearFindings() {
        flow = null;
        measurement = null;
        answers = List.of();
        findings.clear();
        changes.clearPlan();
        lastCheck = null;
    }

    private TargetName requireTarget() {
        if (target == null) {
            throw new IllegalStateException("No host named yet.");
        }
        return target;
    }
}
