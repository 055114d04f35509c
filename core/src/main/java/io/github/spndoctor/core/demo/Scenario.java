package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.CauseId;

import java.util.List;
import java.util.Objects;

/**
 * One teaching scenario on the demo: a short story in plain words, what the class will see, the target to type and
 * the error text to paste, the cause the diagnosis should rank first, and the remedies that apply. Immutable.
 *
 * @param id        stable id for the CLI ({@code spn-doctor demo list}) and tests
 * @param remedyIds the remedies that apply, best first (ids of {@link io.github.spndoctor.core.remedy.Remedies})
 */
public record Scenario(String id, String title, String story, String classSees, String target, String errorText,
                       CauseId cause, List<String> remedyIds) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(classSees, "classSees");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(errorText, "errorText");
        Objects.requireNonNull(cause, "cause");
        remedyIds = List.copyOf(remedyIds);
    }

    /** True for the healthy-host scenario: nothing is wrong, and the tool must say so. */
    public boolean healthy() { return errorText.isEmpty(); }
}
