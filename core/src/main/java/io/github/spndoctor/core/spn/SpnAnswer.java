package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answers a requested SPN, as AD's KDC computes it. Immutable.
 *
 * @param requested the SPN the client asked for
 * @param how       how the directory found the account
 * @param holders   the accounts found: one for EXACT and HOST_ALIAS, two or more for SEVERAL, none for NONE
 * @param via       for HOST_ALIAS: the SPN actually held ({@code HOST/<name>}); for SEVERAL through the alias too
 */
public record SpnAnswer(Spn requested, How how, List<Account> holders, Optional<Spn> via) {
    /** How the directory found the account; the ids are the JSON contract. */
    public enum How {
        /** One account holds the requested SPN itself. */
        EXACT("exact"),
        /** No account holds it; one holds the class it maps onto through sPNMappings ({@code HOST/<name>}). */
        HOST_ALIAS("host-alias"),
        /** Nobody holds it, nor its alias: the KDC answers "principal unknown". */
        NONE("none"),
        /** Two or more accounts hold it (or, failing that, its alias): the KDC refuses it as not unique. */
        SEVERAL("several");

        private final String id;

        How(String id) { this.id = id; }

        public String id() { return id; }
    }

    public SpnAnswer {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(how, "how");
        holders = List.copyOf(holders);
        Objects.requireNonNull(via, "via");
    }

    /** The one account whose key a ticket for {@link #requested} is encrypted with, when there is exactly one. */
    public Optional<Account> answeredBy() {
        return how == How.EXACT || how == How.HOST_ALIAS ? Optional.of(holders.get(0)) : Optional.empty();
    }

    /** True when the KDC issues a ticket at all. */
    public boolean ticketIssued() { return answeredBy().isPresent(); }
}
