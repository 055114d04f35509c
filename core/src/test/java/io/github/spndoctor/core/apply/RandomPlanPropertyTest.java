package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.ProtectedSpns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: for any plan of random single-value removals and additions on the demo accounts, apply followed by undo
 * from the journal restores the exact prior state. Seeded, so a failure names a reproducible seed.
 */
class RandomPlanPropertyTest {
    static DemoDirectory demo;
    static final List<String> DNS = List.of(
            "CN=SRV003,CN=Computers,DC=rwwilden01,DC=local",
            "CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local",
            "CN=crmIisPoolServiceAccount,CN=Users,DC=kimconnect,DC=com",
            "CN=DYNAMICS-CRM,CN=Computers,DC=kimconnect,DC=com",
            "CN=svc-webapp,CN=Users,DC=contoso,DC=com",
            "CN=WAC01,CN=Computers,DC=contoso,DC=com");
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @Test
    void applyThenUndo_isIdentity_forRandomPlans() throws Exception {
        for (long seed = 1; seed <= 40; seed++) {
            demo.reset();
            Random rnd = new Random(seed);
            Map<String, String> before = DemoState.snapshot(demo);
            List<SpnChange> changes = new ArrayList<>();
            List<Account> basis = new ArrayList<>();
            int n = 1 + rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                Account a = demo.readAccount(DNS.get(rnd.nextInt(DNS.size()))).orElseThrow();
                if (basis.stream().noneMatch(b -> b.ref().sameEntry(a.ref()))) {
                    basis.add(a);
                }
                List<Spn> removable = a.spns().stream().filter(s -> !ProtectedSpns.isProtected(s))
                        .filter(s -> changes.stream().noneMatch(c -> c.spn().equals(s))).toList();
                if (rnd.nextBoolean() && !removable.isEmpty()) {
                    changes.add(new SpnChange.Remove(a.ref(), removable.get(rnd.nextInt(removable.size()))));
                } else {
                    Spn fresh = Spn.of(rnd.nextBoolean() ? "HTTP" : "WSMAN", "h" + seed + "x" + i + ".example.test",
                            rnd.nextBoolean() ? OptionalInt.of(1 + rnd.nextInt(65535)) : OptionalInt.empty());
                    changes.add(new SpnChange.Add(a.ref(), fresh));
                }
            }
            Plan plan = new Plan("property", "random plan " + seed, changes, List.of(), List.of(), basis);
            PlanExecutor ex = new PlanExecutor(new AuditLog(home.resolve("audit.log")));
            Recheck rc = ex.recheck(demo, plan);
            assertEquals(Recheck.Status.UNCHANGED, rc.status(), "seed " + seed + ": " + rc.message());
            ApplyReport r = ex.apply(demo, rc.plan(), Journal.create(home, demo.info(), io.github.spndoctor.core.model.TargetName.parse("x"), rc.plan()),
                    ApplyListener.NONE);
            assertTrue(r.success(), "seed " + seed + ": " + r.message());
            Plan undo = Journal.read(r.journal().orElseThrow()).undoPlan();
            Recheck urc = ex.recheck(demo, undo);
            assertEquals(Recheck.Status.UNCHANGED, urc.status(), "seed " + seed + ": " + urc.message());
            ApplyReport u = ex.apply(demo, urc.plan(), Journal.create(home, demo.info(), io.github.spndoctor.core.model.TargetName.parse("x"), urc.plan()),
                    ApplyListener.NONE);
            assertTrue(u.success(), "seed " + seed + ": " + u.message());
            assertEquals(before, DemoState.snapshot(demo), "seed " + seed);
        }
    }
}
