package io.github.spndoctor.core.session;

import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.lookup.SpnState;

import java.util.List;
import java.util.Objects;

/**
 * What a session knows about its host after the lookup: the ranked causes, the verdict at a glance, the status of
 * every candidate SPN for the session's client, and that client (chosen, named in the text, or assumed). Immutable.
 */
public record Assessment(Diagnosis diagnosis, HostVerdict verdict, List<SpnState> spns, ClientChoice client) {
    public Assessment {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(verdict, "verdict");
        spns = List.copyOf(spns);
        Objects.requireNonNull(client, "client");
    }
}
