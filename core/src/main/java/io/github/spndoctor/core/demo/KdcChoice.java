package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which account a KDC encrypts a service ticket for, found as AD finds it (knowledge.md §7.2): the exact SPN first;
 * only when no account holds it, the SPN with its service class mapped to HOST (sPNMappings). Immutable.
 *
 * @param found    the SPN that was actually found: {@code requested} itself, or its HOST/ form; empty when none
 * @param accounts the account(s) holding {@code found}: one for a ticket, several for a duplicate, none when unknown
 */
public record KdcChoice(Spn requested, Kind kind, Optional<Spn> found, List<AccountRef> accounts) {
    /** How the KDC answered. */
    public enum Kind {
        /** One account holds the SPN exactly. */
        EXACT,
        /** No account holds it; the computer's HOST/ SPN answers for it. */
        VIA_HOST,
        /** Two or more accounts hold it: the KDC refuses (KDC_ERR_S_PRINCIPAL_UNKNOWN 0x7 / NOT_UNIQUE 0x8). */
        DUPLICATE,
        /** Nobody holds it, nor its HOST/ form: the KDC refuses (0x7). */
        UNKNOWN
    }

    public KdcChoice {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(found, "found");
        accounts = List.copyOf(accounts);
    }

    /** The one account the ticket is encrypted for, when the KDC issues one. */
    public Optional<AccountRef> holder() {
        return kind == Kind.EXACT || kind == Kind.VIA_HOST ? Optional.of(accounts.get(0)) : Optional.empty();
    }

    /** True when the KDC issues a ticket. */
    public boolean issues() { return holder().isPresent(); }
}
