package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.model.AccountRef;

import java.util.List;
import java.util.Objects;

/**
 * One conflict a forest scan found: the cause (an id from causes.md), the SPN values involved as stored, the
 * accounts involved, and one sentence saying what is wrong. Immutable.
 *
 * @param spns     the SPNs, the conflicting one first (for a hijack: the HTTP/ SPN, then the computer's HOST/ SPN)
 * @param accounts for duplicate-spn every holder; for http-spn-on-service-account the service account(s), then the
 *                 computer; for spn-on-other-computer the holding computer, then the computer the name belongs to
 */
public record ScanFinding(CauseId cause, List<String> spns, List<AccountRef> accounts, String summary) {
    public ScanFinding {
        Objects.requireNonNull(cause, "cause");
        spns = List.copyOf(spns);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(summary, "summary");
    }
}
