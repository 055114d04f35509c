package io.github.spndoctor.core.model;

import java.util.List;
import java.util.Objects;

/** One SPN and every account found holding it (empty: nobody). Immutable. */
public record Registration(Spn spn, List<AccountRef> holders) {
    public Registration {
        Objects.requireNonNull(spn, "spn");
        holders = List.copyOf(holders);
    }

    public boolean registered() { return !holders.isEmpty(); }

    public boolean duplicated() { return holders.size() > 1; }
}
