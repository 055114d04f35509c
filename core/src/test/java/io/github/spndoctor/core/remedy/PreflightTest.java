package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: preflight before a write - plans SPN Doctor could not undo, and adds the DC refuses through sPNMappings. */
class PreflightTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    static LookupResult lookup(String name) throws Exception {
        return demo.lookup(TargetName.parse(name));
    }

    /** The wsman-prefix plan for the demo's domain controller would add SPNs to a DC, which undo never removes. */
    @Test
    void wsmanPrefixForTheDemoDomainController_isRefusedUpFront() throws Exception {
        LookupResult dc = lookup("srv001.rwwilden01.local");
        assertTrue(dc.computer().orElseThrow().domainController(), "srv001 is the demo's DC");
        NotApplicableException e = assertThrows(NotApplicableException.class, () -> Remedies.plan(Remedies.WSMAN_PREFIX, dc, demo));
        assertTrue(e.getMessage().contains("domain controller") && e.getMessage().contains("undo"), e.getMessage());
    }

    /** register-spn never plans an add of a protected class (HOST/): it could not be undone; it says so instead. */
    @Test
    void registerSpn_leavesProtectedAddsToAPerson() throws Exception {
        LookupResult l = lookup("srv004.rwwilden01.local");
        io.github.spndoctor.core.model.Account pc = l.computer().orElseThrow();
        for (io.github.spndoctor.core.model.Spn s : pc.spns()) {
            if (s.hasClass("HOST") || s.hasClass("WSMAN")) {
                demo.apply(new SpnChange.Remove(pc.ref(), s));
            }
        }
        Plan p = Remedies.plan(Remedies.REGISTER_SPN, lookup("srv004.rwwilden01.local"), demo);
        assertFalse(p.changes().isEmpty());
        assertTrue(p.changes().stream().noneMatch(c -> c.spn().hasClass("HOST")), p.changes().toString());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("HOST/") && w.contains("setspn")), p.warnings().toString());
    }

    /**
     * Undoing remove-spn puts HTTP/srv003... back on the service account while the computer holds HOST/srv003...:
     * sPNMappings maps HTTP onto HOST, so a DC refuses that add to anyone but an administrator (KB5008382).
     */
    @Test
    void anAddThatCollidesThroughTheAlias_isNamedBeforeTheWrite() throws Exception {
        LookupResult l = lookup("srv003.rwwilden01.local");
        Plan remove = Remedies.plan(Remedies.REMOVE_SPN, l, demo);
        for (SpnChange c : remove.changes()) {
            demo.apply(c);
        }
        List<SpnChange> inverse = remove.changes().stream().map(SpnChange::inverse).toList();
        Plan undo = new Plan(remove.remedyId(), "Undo", inverse, List.of(), List.of());
        Recheck rc = new PlanExecutor(new AuditLog(home.resolve("audit.log"))).recheck(demo, undo);
        String all = String.join("\n", rc.notes());
        assertTrue(all.contains("KB5008382") && all.contains("HOST/srv003.rwwilden01.local") && all.contains("SRV003$"), all);
        assertTrue(all.contains(demo.info().boundIdentity()), "names who is bound: " + all);

        // a port SPN on the computer collides with nothing through the alias
        demo.reset();
        Plan port = Remedies.plan(Remedies.PORT_SPN, lookup("srv003.rwwilden01.local"), demo);
        assertTrue(port.warnings().stream().noneMatch(w -> w.contains("KB5008382")), port.warnings().toString());
        Recheck prc = new PlanExecutor(new AuditLog(home.resolve("audit.log"))).recheck(demo, port);
        assertTrue(prc.notes().stream().noneMatch(w -> w.contains("KB5008382")), prc.notes().toString());
    }
}
