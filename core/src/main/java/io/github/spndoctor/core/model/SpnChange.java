package io.github.spndoctor.core.model;

import java.util.Objects;

/**
 * One value-level change to an account's servicePrincipalName: add or delete exactly one value. Nothing else is ever
 * written to a directory. Immutable; {@link #inverse()} gives the change that undoes it.
 */
public sealed interface SpnChange permits SpnChange.Add, SpnChange.Remove {
    AccountRef account();

    Spn spn();

    SpnChange inverse();

    /** A plain sentence: "Add HTTP/x:5985 to SRV003$ (computer)". */
    String description();

    /** Adds one SPN value to one account. */
    record Add(AccountRef account, Spn spn) implements SpnChange {
        public Add {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(spn, "spn");
        }

        @Override
        public SpnChange inverse() { return new Remove(account, spn); }

        @Override
        public String description() { return "Add " + spn + " to " + account.label(); }
    }

    /** Deletes one SPN value from one account (the value as stored). */
    record Remove(AccountRef account, Spn spn) implements SpnChange {
        public Remove {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(spn, "spn");
        }

        @Override
        public SpnChange inverse() { return new Add(account, spn); }

        @Override
        public String description() { return "Remove " + spn + " from " + account.label(); }
    }
}
