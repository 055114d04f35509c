package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.remedy.Plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A breaking action planned on the demo, ready for the same preview, journal and undo as a fix: the directory
 * changes as a {@link Plan}, plus (for the CNAME break) the demo DNS change that is not a directory write.
 * Immutable.
 *
 * @param target the host the class will now test
 * @param dns    the alias change, when the break re-points a CNAME
 */
public record DemoBreak(String id, String title, String story, String target, Plan plan, Optional<DnsChange> dns) {
    /** One CNAME record re-pointed: {@code alias} from {@code before} to {@code after}. */
    public record DnsChange(String alias, String before, String after) {
        public DnsChange inverse() { return new DnsChange(alias, after, before); }

        public String description() { return "Point the DNS alias " + alias + " at " + after + " (now " + before + ")"; }
    }

    public DemoBreak {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(dns, "dns");
    }
}
