package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.model.Spn;

import java.util.Locale;
import java.util.Objects;

/**
 * What the KDC answered when asked for a service ticket, and (with a keytab) whether the host's key decrypts it.
 * Immutable.
 *
 * @param answer the tool's own output, verbatim (trimmed), for the "details" view and the report
 */
public record TicketCheck(Spn spn, Outcome outcome, String answer, String explanation) {
    /** The result of one ticket request. */
    public enum Outcome {
        /** The KDC issued a ticket (no keytab given, so which account it is for was not checked). */
        ISSUED,
        /** The KDC issued a ticket and the host's keytab decrypts it: the host will accept it. */
        ACCEPTED_BY_HOST,
        /** The KDC issued a ticket the host's keytab cannot decrypt: the KRB_AP_ERR_MODIFIED condition. */
        WRONG_ACCOUNT,
        /** The KDC knows no account for this SPN (KDC_ERR_S_PRINCIPAL_UNKNOWN), or several (duplicate). */
        NOT_FOUND,
        /** No usable Kerberos environment (no configuration, no ticket, tool missing, KDC unreachable). */
        UNAVAILABLE,
        /** Anything else; see the answer. */
        FAILED;

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    public TicketCheck {
        Objects.requireNonNull(spn, "spn");
        Objects.requireNonNull(outcome, "outcome");
        answer = answer == null ? "" : answer;
        explanation = explanation == null ? "" : explanation;
    }
}
