package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.remedy.Plan;

import java.util.Objects;

/**
 * A breaking action planned on the demo, ready for the same preview, journal and undo as a fix: its changes are a
 * {@link Plan} (SPN values, or for the CNAME break one DNS alias, {@link Plan#aliases()}). Immutable.
 *
 * @param target the host the class will now test (for the CNAME break: the alias)
 */
public record DemoBreak(String id, String title, String story, String target, Plan plan) {
    public DemoBreak {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plan, "plan");
    }
}
