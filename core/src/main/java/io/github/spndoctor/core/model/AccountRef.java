package io.github.spndoctor.core.model;

import java.util.Objects;

/**
 * Identity of a directory account: its DN, sAMAccountName and kind. Immutable. DNs compare case-insensitively.
 */
public record AccountRef(String dn, String samAccountName, AccountKind kind) {
    public AccountRef {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(kind, "kind");
        samAccountName = samAccountName == null ? "" : samAccountName;
    }

    /** True when both refer to the same entry (DN, ignoring case). */
    public boolean sameEntry(AccountRef other) {
        return other != null && dn.equalsIgnoreCase(other.dn);
    }

    /** A short, human label: {@code svc-srv003-web$ (msa)}. */
    public String label() {
        return (samAccountName.isEmpty() ? dn : samAccountName) + " (" + kind.id() + ")";
    }
}
