package io.github.spndoctor.core.session;

import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Measurement;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.report.TimelineEntry.Kind;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.List;
import java.util.Optional;

/**
 * The read path of a repair session: the lookup of the host (a run overtaken by a stop or a newer lookup is not
 * recorded) and the assessment made on it with the text, the measurement and the answers, cached until something new
 * comes in. The directory and DNS are asked outside the session's lock.
 */
final class Lookups {
    private final SessionState state;
    private final Observations observations;

    Lookups(SessionState state, Observations observations) {
        this.state = state;
        this.observations = observations;
    }

    /** Looks the target up (blocks). */
    LookupResult lookup() throws DirectoryException {
        long run;
        TargetName t;
        synchronized (state) {
            t = state.requireTarget();
            run = state.findings.startLookup();
        }
        try {
            LookupResult r = state.directory.lookup(t);
            synchronized (state) {
                if (state.findings.looked(run, r)) {
                    state.timeline.add(Steps.looked(t, r));
                }
            }
            return r;
        } catch (DirectoryException e) {
            synchronized (state) {
                if (state.findings.failed(run, e)) {
                    state.timeline.add(Steps.lookupFailed(t, e));
                }
            }
            throw e;
        }
    }

    /** The user stopped waiting: the running lookup's result is dropped, and the host counts as unknown. */
    void stopped(String why) {
        synchronized (state) {
            state.findings.stopped(new DirectoryException(DirectoryException.Kind.TIMEOUT, why));
            state.timeline.add(TimelineEntry.now(Kind.LOOKUP, why, ""));
        }
    }

    /** The assessment of what is known now (asks DNS on a live directory: blocks then). */
    Assessment assess() {
        TargetName t;
        Symptom s;
        Optional<LookupResult> l;
        Optional<DirectoryException> failure;
        Optional<Measurement> m;
        List<Answer> given;
        ClientChoice client;
        synchronized (state) {
            if (state.findings.assessment() != null) {
                return state.findings.assessment();
            }
            t = state.requireTarget();
            s = state.symptom;
            l = Optional.ofNullable(state.findings.lookup());
            failure = Optional.ofNullable(state.findings.failure());
            m = Optional.ofNullable(observations.measurement());
            given = observations.answers();
            client = state.client();
        }
        Assessment a = Assessor.assess(t, s, l, failure, m, given, client, Assessor.namesFor(state.directory, state.config));
        synchronized (state) {
            if (state.findings.assessed(l, a)) {
                state.timeline.add(TimelineEntry.now(Kind.DIAGNOSIS, a.verdict().sentence(), ""));
            }
        }
        return a;
    }
}
