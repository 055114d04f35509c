package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.AliasChange;

import java.util.Objects;

/** What happened to one DNS alias change of a plan (the demo's CNAME break and its undo). Immutable. */
public record AliasOutcome(AliasChange change, ChangeOutcome.Status status, String detail) {
    public AliasOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }
}
