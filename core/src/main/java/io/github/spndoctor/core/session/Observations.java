package io.github.spndoctor.core.session;

import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Measurement;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceKind;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.report.TimelineEntry.Kind;
import io.github.spndoctor.core.session.RepairSession.Purpose;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a repair session learns beyond the lookup: live probe runs and what they measured, the user's answers to the
 * deciding questions, and the evidence items from files, pastes and probes. The measurement and the answers weigh in
 * the next assessment; the items go into the report's Evidence section. Its fields are guarded by the session's lock.
 */
final class Observations {
    private final SessionState state;
    private final List<EvidenceItem> evidence = new ArrayList<>();
    private Measurement measurement;
    private List<Answer> answers = List.of();
    private String probedHost;

    Observations(SessionState state) {
        this.state = state;
    }

    /** A measurement made elsewhere: the next assessment weighs it. */
    void measured(Measurement m, String summary) {
        synchronized (state) {
            measurement = Objects.requireNonNull(m, "m");
            state.findings.invalidate();
            state.timeline.add(TimelineEntry.now(Kind.PROBE, summary, ""));
        }
    }

    /** Runs {@code probe} (blocks) and records it: measurement (for this host), timeline step, evidence row. */
    ProbeResult probe(LiveProbe probe, Endpoint endpoint, WinrmClient client, ClientSettings settings,
                      Consumer<ProbeStep> progress) {
        ProbeResult r = probe.run(endpoint, client, settings, progress);
        synchronized (state) {
            Changes c = state.changes;
            boolean undone = c.undoReport() != null && c.purpose() == Purpose.UNDO;
            boolean changed = undone || c.applyReport() != null;
            String when = (undone ? "after the undo" : c.applyReport() != null ? "after the fix" : "before any change")
                    + ", " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            if (state.isTarget(r.host()) && !r.stopped()) {
                probedHost = r.host();
                measurement = r.measurement();
                state.findings.invalidate();
            }
            state.timeline.add(TimelineEntry.now(Kind.PROBE, r.summary(changed), r.stepLines()));
            if (!r.stopped()) {
                evidence.add(r.evidence(when, changed));   // its timeline step is the one above
            }
        }
        return r;
    }

    /** True when the probe ran for this host in this session, or the connection is the trainer's demo. */
    boolean probeAfterCommit() {
        synchronized (state) {
            return state.target != null && (state.isTarget(probedHost) || TrainerDemo.of(state.directory).isPresent());
        }
    }

    /** New answers: the next assessment is made afresh, and the timeline says what was answered. */
    void answered(List<Answer> given) {
        List<Answer> copy = List.copyOf(given);
        synchronized (state) {
            if (!copy.equals(answers)) {
                answers = copy;
                state.findings.invalidate();
                if (!copy.isEmpty()) {
                    state.timeline.add(Steps.answered(copy));
                }
            }
        }
    }

    void add(EvidenceItem item) {
        Objects.requireNonNull(item, "item");
        synchronized (state) {
            evidence.add(item);
            state.timeline.add(TimelineEntry.now(Kind.EVIDENCE, item.title(), item.detail()));
        }
    }

    /** The evidence of files and pastes goes (a new describe brings its own); the live probes' rows stay. */
    void dropFileEvidence() {
        synchronized (state) {
            evidence.removeIf(e -> e.kind() != EvidenceKind.LIVE_PROBE);
        }
    }

    /** Call under the lock. */
    Measurement measurement() { return measurement; }

    /** Call under the lock. */
    List<Answer> answers() { return answers; }

    /** Call under the lock. */
    List<EvidenceItem> evidence() { return List.copyOf(evidence); }

    /** Another host or text: the measurement and the answers go (call under the lock). */
    void forgetHost() {
        measurement = null;
        answers = List.of();
    }

    /** Start over: the evidence and the probed host go too (call under the lock). */
    void clear() {
        forgetHost();
        evidence.clear();
        probedHost = null;
    }
}
