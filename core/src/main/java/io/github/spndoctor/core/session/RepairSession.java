package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.converge.ConvergenceWatch;
import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.demo.DemoBreak;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Measurement;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.remedy.NotApplicableException;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.RemedyAdvisor;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.core.render.Preview;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.PastedText;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.verify.VerifyResult;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One repair of one host over one connection — the whole flow the wizard's pages and the CLI's subcommands both
 * drive: symptom and target → lookup → assessment (diagnosis, verdict, per-SPN status) → ranked remedy options →
 * plan and previews → explicit confirmation → commit (re-check at that moment, journal forced to disk, apply with
 * progress, check) → undo (same rules) → report with the timeline of every step. Nothing here decides differently for
 * the two faces. {@link #startOver} keeps the connection for another host.
 * <p>
 * This class is the one public face; each concept behind it lives in a collaborator of this package (ADR 0004):
 * {@link Lookups} (lookup and assessment), {@link Observations} (probe runs, answers, evidence), {@link Commits}
 * (re-check, journal, apply, check, undo), {@link Replication} (every DC and its KDC), {@link TrainerBreaks} and
 * {@link FlowDrawing} (the ticket flow). They share one {@link SessionState}, which is the lock: state is read and
 * written under it, but the network is never called while holding it, so a UI thread can read while a worker thread
 * waits. Blocking methods (marked) belong off the UI thread.
 */
public final class RepairSession {
    /** Why the current plan exists. */
    public enum Purpose {
        FIX, UNDO,
        /** A trainer's breaking action on the demo ({@link #planBreak}): committed and undone like a fix. */
        BREAK
    }

    private final SessionState state;
    private final Observations observations;
    private final Lookups lookups;
    private final Commits commits;
    private final Replication replication;
    private final TrainerBreaks breaks;
    private final FlowDrawing flows;

    public RepairSession(Directory directory, SessionConfig config) {
        state = new SessionState(directory, config);
        observations = new Observations(state);
        lookups = new Lookups(state, observations);
        commits = new Commits(state);
        replication = new Replication(state);
        breaks = new TrainerBreaks(state);
        flows = new FlowDrawing(state);
    }

    /** The connection: demo or live, server, identity, read-only or not. */
    public DirectoryInfo connection() { return state.directory.info(); }

    /** The directory itself, for the few callers that own its life (closing it, the forest scan). */
    public Directory directory() { return state.directory; }

    /** Sets what the user pasted and the host to repair; forgets everything found for a previous host. */
    public void describe(String text, TargetName host) {
        // the text enters the product here: only its redacted form is kept, parsed or reported
        describe(PastedText.read(text), host);
    }

    /** {@link #describe(String, TargetName)} with text already read ({@link PastedText#read}, off a UI thread). */
    public void describe(PastedText pasted, TargetName host) {
        Objects.requireNonNull(pasted, "pasted");
        Objects.requireNonNull(host, "host");
        synchronized (state) {
            state.symptomText = pasted.text().text();
            state.symptom = pasted.symptom();
            state.target = host;
            clearFindings();
            state.timeline.add(Steps.described(host, pasted.symptom()));
        }
    }

    /**
     * {@link #describe(String, TargetName)} with the evidence the user's files and pastes gave (core
     * {@code EvidenceSet}: the text already carries its lines); they replace the evidence of an earlier describe and
     * go into the report's Evidence section and the timeline.
     */
    public void describe(String text, TargetName host, List<EvidenceItem> fromFiles) {
        describe(PastedText.read(text), host, fromFiles);
    }

    /** {@link #describe(String, TargetName, List)} with text already read ({@link PastedText#read}). */
    public void describe(PastedText pasted, TargetName host, List<EvidenceItem> fromFiles) {
        describe(pasted, host);
        observations.dropFileEvidence();
        fromFiles.forEach(observations::add);
    }

    public Symptom symptom() { synchronized (state) { return state.symptom; } }

    /** The pasted text (the report blanks secrets in it). */
    public String symptomText() { synchronized (state) { return state.symptomText; } }

    public Optional<TargetName> target() { synchronized (state) { return Optional.ofNullable(state.target); } }

    /** The client program the text names (Server Manager, pypsrp, ...), if any: a clue; {@link #clientChoice()} is the client. */
    public Optional<Client> client() {
        synchronized (state) { return state.symptom.clients().stream().findFirst().map(f -> f.value()); }
    }

    /** Looks the target up (blocks). A lookup overtaken by {@link #lookupStopped} or a newer one is not recorded. */
    public LookupResult lookup() throws DirectoryException { return lookups.lookup(); }

    /** The user stopped waiting: the running lookup's result is dropped, and the host counts as unknown. */
    public void lookupStopped(String why) { lookups.stopped(why); }

    public Optional<LookupResult> lastLookup() { synchronized (state) { return Optional.ofNullable(state.findings.lookup()); } }

    public Optional<DirectoryException> lookupFailure() { synchronized (state) { return Optional.ofNullable(state.findings.failure()); } }

    /** Diagnosis, verdict and per-SPN status; asks DNS on a live directory (blocks then). Cached until the next lookup. */
    public Assessment assess() { return lookups.assess(); }

    /** What a live probe measured for this host: evidence that outweighs the text, weighed by the next assessment. */
    public void measured(Measurement m, String summary) { observations.measured(m, summary); }

    /**
     * Tests the connection to this session's host as the client would (blocks; {@code probe.stop()} ends it) and
     * records it: measured evidence for the next assessment, a timeline step with every probe step, and a row of the
     * report's "Live probe" table saying when it ran (before any change, after the fix, after the undo). The wizard's
     * "Test the connection", its Result page and {@code probe} / {@code fix --probe} all run it through here.
     */
    public ProbeResult probe(LiveProbe probe, Endpoint endpoint, WinrmClient client, ClientSettings settings,
                             Consumer<ProbeStep> progress) {
        return observations.probe(probe, endpoint, client, settings, progress);
    }

    /**
     * True when the Result page should test the connection again by itself after an apply or an undo: the probe
     * ran for this host in this session, or the connection is the trainer's demo (its probe never leaves the process).
     * On a real network the probe stays opt-in: it sends a ticket request and a request to the host.
     */
    public boolean probeAfterCommit() { return observations.probeAfterCommit(); }

    /** The user's answers to the deciding questions: evidence for the next assessment ("you said: ..."). */
    public void answered(List<Answer> given) { observations.answered(given); }

    /** Every remedy for this host and client, recommended first; empty without a lookup. */
    public List<RemedyOption> remedies() {
        Assessment a = assess();
        return lastLookup().map(r -> RemedyAdvisor.options(r, a.client().client(), a.verdict())).orElse(List.of());
    }

    /** Builds the plan for one remedy (blocks: forest-wide duplicate and delegation checks). */
    public Plan plan(String remedyId) throws DirectoryException {
        LookupResult l = lastLookup().orElseThrow(() -> new IllegalStateException("Look the host up before planning a fix."));
        Plan p = Remedies.plan(remedyId, l, state.directory, state.config.remedySettings());
        synchronized (state) {
            state.timeline.add(state.changes.planned(p));
        }
        return p;
    }

    /**
     * Makes a trainer's breaking action the current plan (the trainer's demo only; ADR 0720): its host becomes the
     * target, and it is previewed, confirmed, rechecked at commit, journalled, applied and undone exactly as a fix is —
     * the CNAME break too: its one DNS alias change is journalled and undone like an SPN value.
     */
    public Plan planBreak(DemoBreak b) {
        breaks.requireChanges(b);
        describe("", TargetName.parse(b.target()));
        return breaks.adopt(b);
    }

    /**
     * Plans the trainer's break {@code id} against the demo as it is now (blocks: reads the directory) and makes it
     * the current plan ({@link #planBreak(DemoBreak)}).
     *
     * @param host the host to break (for {@code cname}: the alias); empty for the demo's default
     * @param to   for {@code cname}: where the alias will point; empty for the default
     */
    public DemoBreak planBreak(String id, Optional<String> host, Optional<String> to) throws DirectoryException, NotApplicableException {
        DemoBreak b = breaks.plan(id, host, to);
        planBreak(b);
        return b;
    }

    /** {@link #planBreak(String, Optional, Optional)} with the default alias target. */
    public DemoBreak planBreak(String id, Optional<String> host) throws DirectoryException, NotApplicableException {
        return planBreak(id, host, Optional.empty());
    }

    /** The break the current plan comes from, while the purpose is {@link Purpose#BREAK}. */
    public Optional<DemoBreak> currentBreak() { return breaks.current(); }

    public Optional<Plan> currentPlan() { synchronized (state) { return Optional.ofNullable(state.changes.plan()); } }

    public Purpose purpose() { synchronized (state) { return state.changes.purpose(); } }

    /** The current plan in one format (Summary, setspn, PowerShell, LDIF, .reg). */
    public String preview(Format format) {
        return Preview.render(currentPlan().orElseThrow(() -> new IllegalStateException("There is no plan to preview.")), format);
    }

    /** The user confirmed the current plan, exactly as previewed. */
    public void confirm() {
        synchronized (state) {
            state.timeline.add(state.changes.confirm(state.directory.info().server()));
        }
    }

    public boolean confirmed() { synchronized (state) { return state.changes.confirmed(); } }

    /** What a commit would find if it ran now (blocks; reads only, records nothing): for dry runs. */
    public Recheck recheckNow() throws DirectoryException { return commits.recheckNow(); }

    /**
     * Commits the confirmed plan (blocks): re-checks the directory now (ADR 0401) — a refused or empty re-check writes
     * nothing; a rebuilt plan only drops steps, so it stays within what was confirmed — then writes the journal
     * (forced to disk) and applies change by change, and checks the result right away.
     *
     * @param journalFile a new file for the journal; empty for a new file in the configured journal directory
     */
    public Commit commit(ApplyListener listener, Optional<Path> journalFile) throws DirectoryException, IOException {
        return commits.commit(listener, journalFile);
    }

    /**
     * Checks again (blocks): after an apply, exactly what its remedy relies on; after an undo, that every change is
     * reversed and what stands now; before any apply, the chosen remedy's (or plain WinRM's) SPNs.
     */
    public VerifyResult check() { return commits.check(); }

    /**
     * Watches the values the last commit (fix or undo) wrote reach every domain controller (blocks; issue 15): up to
     * {@code limit} (zero: one look), {@code listener} told after each round, until all agree or {@code stop} says
     * so. The outcome goes into the timeline and the report, the same for both faces.
     */
    public WatchOutcome watchReplication(Duration limit, ConvergenceWatch.Listener listener, BooleanSupplier stop)
            throws DirectoryException {
        return replication.watch(limit, listener, stop);
    }

    /**
     * After a watch (blocks): asks the KDC of every DC that answered for a ticket to each SPN the write changed and
     * says whose key it carries (the target's computer compared too); recorded in the timeline. Empty when nothing was
     * watched.
     */
    public List<KdcCheck.DcTicket> checkKdcs(WatchOutcome watched, ProbeEnvironment env) {
        return replication.checkKdcs(watched, env);
    }

    /**
     * After a watch (blocks; issue 15): asks the KDC of every DC that answered for a ticket to each SPN the write
     * changed, whose key it carries, DC by DC — on the trainer demo its own KDC per simulated DC, else in
     * {@code otherwise}; {@code progress} is told before each request, {@code stop} ends it. Recorded in the timeline
     * and the report; the wizard's Result page and {@code fix --probe} both run it.
     */
    public io.github.spndoctor.core.converge.KdcReport askKdcs(WatchOutcome watched,
            java.util.function.Supplier<ProbeEnvironment> otherwise, KdcCheck.Progress progress, BooleanSupplier stop) {
        return replication.askKdcs(watched, otherwise, progress, stop);
    }

    public Optional<VerifyResult> lastCheck() { synchronized (state) { return Optional.ofNullable(state.findings.lastCheck()); } }

    /** The changes the last fix applied (what Undo reverses); empty when none. */
    public Optional<Plan> applied() { synchronized (state) { return Optional.ofNullable(state.changes.applied()); } }

    /** True when this session has written to the directory (the wizard asks before closing). */
    public boolean wroteToDirectory() { synchronized (state) { return state.changes.wroteToDirectory(); } }

    /** Makes the undo of the last fix the current plan (from its journal: everything that may have been written). */
    public Plan planUndo() { return commits.planUndo(); }

    /** Makes the undo recorded in an already read journal the current plan. */
    public Plan useUndo(Journal j, Path file) { return commits.useUndo(j, file); }

    /** Appends a step to the timeline (probes, evidence collectors and trainers use this). */
    public void record(TimelineEntry entry) { state.record(entry); }

    /** Adds evidence gathered beyond the lookup; it goes into the report and the timeline. */
    public void addEvidence(EvidenceItem item) { observations.add(item); }

    public List<TimelineEntry> timeline() { synchronized (state) { return List.copyOf(state.timeline); } }

    public List<EvidenceItem> evidence() { synchronized (state) { return observations.evidence(); } }

    /**
     * The ticket flow for {@code requested} (the SPN the client asks for) as the directory answers now, for the host
     * being repaired (blocks). The report shows the last one drawn; a new host or lookup forgets it.
     */
    public TicketFlow ticketFlow(Spn requested) throws DirectoryException { return flows.draw(requested); }

    /**
     * The ticket flow for the SPN the session's client asks for (blocks; {@link #clientChoice()}): Windows clients
     * {@code HTTP/<host as typed>}, MIT clients (pywinrm, Ansible) the name DNS gives (a CNAME followed), each with its
     * settings; after a fix that changes what the client asks for, what it asks for then — {@code HTTP/<host>:5985}
     * with -IncludePortInSPN after the port-SPN fix (clients that offer it), {@code WSMAN/<host>} after the prefix fix;
     * after an undo the default again.
     */
    public TicketFlow ticketFlow() throws DirectoryException { return flows.drawForClient(); }

    /**
     * The WinRM client that connects to the host, as the person chose it (the wizard's Look up page, {@code flow
     * --client}): the per-SPN states, the verdict, the remedy options and the ticket flow follow it (the next
     * {@link #assess()} is made afresh). Kept for other lookups of this session until {@link #startOver}. Takes the
     * lock only: safe on a UI thread.
     *
     * @return false when it is the session's client already (with the same settings): nothing changes then
     */
    public boolean useClient(WinrmClient client, ClientSettings settings) {
        synchronized (state) {
            if (flows.choice().sameAs(client, settings)) {
                return false;
            }
            flows.choose(ClientChoice.chosen(client, settings));
            // the per-SPN states, the verdict and the remedy options follow the client: assessed afresh
            state.findings.invalidate();
            state.timeline.add(io.github.spndoctor.core.report.TimelineEntry.now(
                    io.github.spndoctor.core.report.TimelineEntry.Kind.DIAGNOSIS, "Client: " + client.label(), ""));
            return true;
        }
    }

    /** The client the ticket flow is drawn for: the one chosen, else the one the text names, else Windows PowerShell. */
    public ClientChoice clientChoice() { synchronized (state) { return flows.choice(); } }

    /** The report of this session so far: symptom, findings, causes, plan, re-check and the timeline. */
    public SessionReport report() {
        synchronized (state) {
            Findings f = state.findings;
            Changes c = state.changes;
            return Assessor.report(state.symptomText, state.directory.info(), f.reportedLookup(), f.reportedAssessment(),
                    c.reportedPlan(), c.recheck(), c.applyReport(), f.lastCheck(), c.undoReport(), state.timeline,
                    observations.evidence()).withTicketFlow(flows.last());
        }
    }

    /** Another host on the same connection: forgets target, symptom, findings, plan, evidence and timeline. */
    public void startOver() {
        synchronized (state) {
            state.symptomText = "";
            state.symptom = Symptom.EMPTY;
            state.target = null;
            clearFindings();
            state.changes.forgetApplied();
            state.timeline.clear();
            observations.clear();
            flows.forgetClient();
        }
    }

    /** Under the lock: a new host or text forgets what was found, measured and drawn, and the plan under way. */
    private void clearFindings() {
        flows.forget();
        observations.forgetHost();
        state.findings.clear();
        state.changes.clearPlan();
    }
}
