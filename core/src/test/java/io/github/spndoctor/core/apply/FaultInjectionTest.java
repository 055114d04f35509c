package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection is cut before or after each change of a four-change plan (move-spn-to-computer: two removals, two
 * additions), with the server either back at once or staying unreachable. Whatever happens: every difference in the
 * directory is accounted for by the journal, the report says what state the directory is in, and undo from the
 * journal restores the exact prior state.
 */
class FaultInjectionTest {
    static final ConnectionCutter CUTTER = new ConnectionCutter();
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(DemoDirectory.Options.DEFAULT.withInterceptor(CUTTER));
        CUTTER.attach(demo.server());
    }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() {
        CUTTER.heal();
        demo.reset();
    }

    static Stream<Arguments> cuts() {
        List<Arguments> out = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            for (ConnectionCutter.When w : ConnectionCutter.When.values()) {
                out.add(Arguments.of(n, w, false));
                out.add(Arguments.of(n, w, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "cut {1} change {0}, stays down: {2}")
    @MethodSource("cuts")
    void cutConnection_neverLosesAnSpn_andUndoRestoresEverything(int n, ConnectionCutter.When when, boolean staysDown) throws Exception {
        Map<String, String> before = DemoState.snapshot(demo);
        LookupResult lookup = demo.lookup(TargetName.parse("DYNAMICS-CRM"));
        Plan plan = Remedies.plan("move-spn-to-computer", lookup, demo);
        assertEquals(4, plan.changes().size());
        PlanExecutor ex = new PlanExecutor(new AuditLog(home.resolve("audit.log")));
        Journal journal = Journal.create(home, demo.info(), lookup.target(), plan);

        CUTTER.arm(n, when, staysDown);
        ApplyReport report = ex.apply(demo, plan, journal, ApplyListener.NONE);
        CUTTER.heal();

        // the report is consistent with the directory, change by change
        Map<String, String> now = DemoState.snapshot(demo);
        for (ChangeOutcome o : report.outcomes()) {
            boolean inEffect = holds(now, o.change()) == (o.change() instanceof SpnChange.Add);
            switch (o.status()) {
                case APPLIED -> assertTrue(inEffect, "reported applied but not in effect: " + o);
                case FAILED, NOT_ATTEMPTED -> assertTrue(!inEffect, "reported not applied but in effect: " + o);
                case UNKNOWN -> { }
            }
        }
        if (!report.success()) {
            assertTrue(report.message().startsWith("Stopped at change " + n + " of 4"), report.message());
            assertTrue(report.message().contains("The directory is exactly as it was before.")
                    || report.message().contains("The directory is part-way"), report.message());
        }
        if (when == ConnectionCutter.When.BEFORE) {
            assertTrue(!report.success(), "the cut must stop the plan");
            assertEquals(staysDown ? ChangeOutcome.Status.UNKNOWN : ChangeOutcome.Status.FAILED, report.outcomes().get(n - 1).status(),
                    report.message());
        }
        if (when == ConnectionCutter.When.AFTER && staysDown) {
            assertEquals(ChangeOutcome.Status.UNKNOWN, report.outcomes().get(n - 1).status(), report.message());
            assertTrue(report.message().contains("Unknown (connection lost, could not confirm)"), report.message());
        }
        if (when == ConnectionCutter.When.AFTER && !staysDown) {
            // the write was made and its reply lost (or raced through): either way it is reported as applied
            assertEquals(ChangeOutcome.Status.APPLIED, report.outcomes().get(n - 1).status(), report.message());
        }

        // every difference from the prior state is a change the journal lists as possibly applied
        Journal read = Journal.read(journal.file());
        Set<String> explained = new HashSet<>();
        for (SpnChange c : read.possiblyApplied()) {
            explained.add(c.account().dn().toLowerCase() + "|" + c.spn().key());
        }
        for (String diff : differences(before, now)) {
            assertTrue(explained.contains(diff), "unexplained difference " + diff + "; journal: " + read.possiblyApplied());
        }

        // undo from the journal restores the exact prior state
        Recheck rc = ex.recheck(demo, read.undoPlan());
        assertTrue(rc.status() != Recheck.Status.REFUSED, rc.message());
        if (rc.canApply()) {
            ApplyReport undone = ex.apply(demo, rc.plan(), Journal.create(home, demo.info(), lookup.target(), rc.plan()), ApplyListener.NONE);
            assertTrue(undone.success(), undone.message());
        }
        assertEquals(before, DemoState.snapshot(demo));
    }

    private static boolean holds(Map<String, String> state, SpnChange c) {
        String v = state.getOrDefault(c.account().dn().toLowerCase(), "");
        for (String s : v.split("\\|")) {
            if (!s.isEmpty() && Spn.parse(s).equals(c.spn())) {
                return true;
            }
        }
        return false;
    }

    /** "dn|spnkey" for every value present in one state and not the other. */
    private static Set<String> differences(Map<String, String> a, Map<String, String> b) {
        Set<String> sa = flat(a);
        Set<String> sb = flat(b);
        Set<String> out = new HashSet<>(sa);
        out.removeAll(sb);
        Set<String> added = new HashSet<>(sb);
        added.removeAll(sa);
        out.addAll(added);
        return out;
    }

    private static Set<String> flat(Map<String, String> m) {
        Set<String> out = new HashSet<>();
        m.forEach((dn, v) -> {
            for (String s : v.split("\\|")) {
                if (!s.isEmpty()) {
                    out.add(dn + "|" + Spn.parse(s).key());
                }
            }
        });
        return out;
    }
}
