package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another admin changes the directory between preview and apply: detected, and nothing of theirs is overwritten. */
class RecheckTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    private PlanExecutor executor() { return new PlanExecutor(new AuditLog(home.resolve("audit.log"))); }

    private static final String SRV003 = "srv003.rwwilden01.local";

    private static AccountRef svc() throws Exception {
        return demo.lookup(TargetName.parse(SRV003)).registration(Spn.parse("HTTP/" + SRV003)).orElseThrow().holders().get(0);
    }

    @Test
    void nothingChanged_isSaidSo() throws Exception {
        Plan plan = Remedies.plan("remove-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        Recheck rc = executor().recheck(demo, plan);
        assertEquals(Recheck.Status.UNCHANGED, rc.status());
        assertEquals(plan.changes(), rc.plan().changes());
        assertTrue(rc.message().startsWith("Nothing changed"));
    }

    @Test
    void unrelatedChange_isListed_butThePlanStillApplies() throws Exception {
        Plan plan = Remedies.plan("remove-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        demo.apply(new SpnChange.Add(svc(), Spn.parse("HTTP/reports.rwwilden01.local")));
        Recheck rc = executor().recheck(demo, plan);
        assertEquals(Recheck.Status.STILL_SAFE, rc.status());
        assertTrue(rc.notes().contains("svc-srv003-web$ (msa) gained HTTP/reports.rwwilden01.local since the lookup."), rc.notes().toString());
        assertTrue(rc.canApply());
    }

    @Test
    void valueAlreadyRemovedBySomeoneElse_stepIsDropped() throws Exception {
        Plan plan = Remedies.plan("remove-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        demo.apply(new SpnChange.Remove(svc(), Spn.parse("HTTP/" + SRV003)));
        Recheck rc = executor().recheck(demo, plan);
        assertEquals(Recheck.Status.REBUILT, rc.status());
        assertFalse(rc.canApply());
        assertTrue(rc.message().contains("Nothing is left to do"), rc.message());
    }

    @Test
    void valueTakenByAnotherAccount_beforeAnAddition_isRefusedAndNothingWritten() throws Exception {
        Plan plan = Remedies.plan("port-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        demo.apply(new SpnChange.Add(svc(), Spn.parse("HTTP/srv003:5985")));   // the other admin
        Map<String, String> theirs = DemoState.snapshot(demo);
        Recheck rc = executor().recheck(demo, plan);
        assertEquals(Recheck.Status.REFUSED, rc.status());
        assertFalse(rc.canApply());
        assertTrue(rc.message().contains("HTTP/srv003:5985 is now registered on svc-srv003-web$ (msa)"), rc.message());
        assertEquals(theirs, DemoState.snapshot(demo));
    }

    @Test
    void planWithoutBasis_isNeverCalledUnchanged() throws Exception {
        Plan full = Remedies.plan("remove-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        Plan bare = new Plan(full.remedyId(), full.title(), full.changes(), List.of(), List.of());
        Recheck rc = executor().recheck(demo, bare);
        assertEquals(Recheck.Status.STILL_SAFE, rc.status());
        assertTrue(rc.notes().get(0).startsWith("There is no record"), rc.notes().toString());
        assertTrue(rc.canApply());
    }

    @Test
    void accountDeleted_isRefused() throws Exception {
        Plan plan = Remedies.plan("remove-spn", demo.lookup(TargetName.parse(SRV003)), demo);
        demo.server().delete(svc().dn());
        Recheck rc = executor().recheck(demo, plan);
        assertEquals(Recheck.Status.REFUSED, rc.status());
        assertTrue(rc.notes().get(0).contains("no longer exists"));
    }

    @Test
    void stalePlanAppliedWithoutRecheck_valueLevelWriteDetectsTheChange_andOverwritesNothing() throws Exception {
        LookupResult lookup = demo.lookup(TargetName.parse("DYNAMICS-CRM"));
        Plan plan = Remedies.plan("remove-spn", lookup, demo);
        // the other admin moves http/DYNAMICS-CRM elsewhere between preview and apply
        AccountRef crm = plan.changes().get(0).account();
        demo.apply(new SpnChange.Remove(crm, Spn.parse("http/DYNAMICS-CRM")));
        AccountRef other = demo.lookup(TargetName.parse("srv004.rwwilden01.local")).computer().orElseThrow().ref();
        demo.apply(new SpnChange.Add(other, Spn.parse("http/DYNAMICS-CRM")));
        Map<String, String> theirs = DemoState.snapshot(demo);
        ApplyReport r = executor().apply(demo, plan, Journal.create(home, demo.info(), lookup.target(), plan), ApplyListener.NONE);
        assertFalse(r.success());
        assertEquals(ChangeOutcome.Status.FAILED, r.outcomes().get(0).status());
        assertTrue(r.outcomes().get(0).detail().startsWith("someone else changed this value"), r.outcomes().get(0).detail());
        assertEquals(theirs, DemoState.snapshot(demo), "nothing of the other admin's change was overwritten");
        assertEquals(List.of(ChangeOutcome.Status.FAILED, ChangeOutcome.Status.NOT_ATTEMPTED),
                r.outcomes().stream().map(ChangeOutcome::status).toList());
    }
}
