package io.github.spndoctor.core.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one repair session's collaborators share: the connection, the configuration, the pasted text and the host, what
 * was found ({@link Findings}), the changes under way ({@link Changes}) and the timeline. This object is the session's
 * lock: every field is read and written inside {@code synchronized (state)}, and no one holding it calls the network
 * or the disk, so a UI thread can read while a worker waits on the directory.
 */
final class SessionState {
    final Directory directory;
    final SessionConfig config;
    final Findings findings = new Findings();
    final Changes changes = new Changes();
    final List<TimelineEntry> timeline = new ArrayList<>();
    String symptomText = "";
    Symptom symptom = Symptom.EMPTY;
    TargetName target;

    SessionState(Directory directory, SessionConfig config) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The host being repaired; call under the lock. */
    TargetName requireTarget() {
        if (target == null) {
            throw new IllegalStateException("No host named yet.");
        }
        return target;
    }

    /** True when {@code host} (as typed, any case) is the host being repaired; call under the lock. */
    boolean isTarget(String host) {
        return target != null && target.asTyped().equalsIgnoreCase(host);
    }

    /** Appends a step to the timeline (takes the lock). */
    void record(TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (this) {
            timeline.add(entry);
        }
    }
}
