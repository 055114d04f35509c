package io.github.spndoctor.core.lookup;

import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.Objects;

/**
 * One candidate SPN with its holders, its status for the client at hand and a sentence saying why. Immutable.
 *
 * @param why plain words with the real names, e.g. "HTTP/srv003 is held by svc-srv003-web$, not by SRV003$"
 */
public record SpnState(Spn spn, List<AccountRef> holders, SpnStatus status, String why) {
    public SpnState {
        Objects.requireNonNull(spn, "spn");
        holders = List.copyOf(holders);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(why, "why");
    }
}
