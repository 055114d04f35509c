package io.github.spndoctor.core.demo;


import java.util.List;

/**
 * The CNAME break, which changes the demo's DNS and not the directory (so it has no journal): checked against the
 * alias as it is now, then saved. Every directory break goes through the repair session instead
 * ({@code RepairSession.planBreak}: recheck at commit by {@link BreakRules}, journal, demo audit log, undo), for the
 * wizard and {@code spn-doctor demo break} alike.
 */
public final class BreakRunner {
    /** What applying a DNS break did. */
    public record Result(boolean success, String message) { }

    private BreakRunner() {}

    /** Re-points the alias if it still points where the plan saw it. */
    public static Result applyDns(TrainerDemo demo, DemoBreak b) {
        DemoBreak.DnsChange d = b.dns().orElseThrow(() -> new IllegalArgumentException(
                "This break changes the directory: apply it through the repair session."));
        String now = demo.dns().aliases().get(d.alias());
        if (!d.before().equals(now)) {
            return new Result(false, "The alias " + d.alias() + " changed since the plan was made (now " + now
                    + "): nothing was changed.");
        }
        demo.setAlias(d.alias(), d.after());
        return new Result(true, d.alias() + " now points at " + d.after() + ". To put it back: spn-doctor demo break cname --host "
                + d.alias() + " --to " + d.before() + " (or reset the demo).");
    }

    /** The steps of a break in plain words, for a preview. */
    public static List<String> steps(DemoBreak b) {
        if (b.dns().isPresent()) {
            return List.of(b.dns().get().description());
        }
        return b.plan().changes().stream().map(c -> c.description()).toList();
    }
}
