package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.verify.CommandRunner;
import io.github.spndoctor.core.verify.TicketCheck;
import io.github.spndoctor.core.verify.ToolKerberosProbe;
import io.github.spndoctor.core.remedy.Verifier;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each remedy against the real Samba AD DC: applied through the same executor and journal as the product, proved
 * (remove-spn with real Kerberos: SRV003's keytab cannot decrypt the HTTP ticket before, can after), and undone from
 * the journal to the exact prior state. The lab is re-seeded before each test and after the class.
 */
class SambaRemedyIT {
    static final List<String> TARGETS = List.of("srv003.lab.test", "dynamics-crm.lab.test", "srv004.lab.test");
    @TempDir
    Path tmp;

    @BeforeEach
    void seed() throws Exception {
        SambaLab.require();
        SambaLab.script("seed");
    }

    @AfterAll
    static void reseed() throws Exception {
        if (SambaLab.configured()) {
            SambaLab.script("seed");
        }
    }

    /** Every account seen by the lookups of the lab targets: DN to its SPNs exactly as stored. */
    static Map<String, Set<String>> state(LdapDirectory dir) throws Exception {
        Set<String> dns = new LinkedHashSet<>();
        for (String t : TARGETS) {
            for (Account a : dir.lookup(TargetName.parse(t)).accounts()) {
                dns.add(a.ref().dn());
            }
        }
        Map<String, Set<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String dn : dns) {
            Set<String> spns = new TreeSet<>();
            dir.readAccount(dn).orElseThrow().spns().forEach(s -> spns.add(s.toString()));
            out.put(dn, spns);
        }
        return out;
    }

    /** The same, compared case-insensitively (Samba rewrites the case of a HOST/ SPN when an alias is added). */
    static Map<String, Set<String>> folded(Map<String, Set<String>> s) {
        Map<String, Set<String>> out = new TreeMap<>();
        s.forEach((dn, spns) -> {
            Set<String> f = new TreeSet<>();
            spns.forEach(x -> f.add(x.toLowerCase(Locale.ROOT)));
            out.put(dn.toLowerCase(Locale.ROOT), f);
        });
        return out;
    }

    private ApplyReport applyWithJournal(LdapDirectory dir, PlanExecutor ex, TargetName t, Plan plan, Path journals) throws Exception {
        Recheck rc = ex.recheck(dir, plan);
        assertTrue(rc.canApply(), rc.message());
        Journal j = Journal.create(journals, dir.info(), t, rc.plan());
        return ex.apply(dir, rc.plan(), j, ApplyListener.NONE);
    }

    private void undo(LdapDirectory dir, PlanExecutor ex, TargetName t, ApplyReport applied) throws Exception {
        Plan undo = Journal.read(applied.journal().orElseThrow()).undoPlan();
        Recheck rc = ex.recheck(dir, undo);
        assertEquals(Recheck.Status.UNCHANGED, rc.status(), rc.message());
        ApplyReport r = ex.apply(dir, rc.plan(), Journal.create(tmp.resolve("undo"), dir.info(), t, rc.plan()), ApplyListener.NONE);
        assertTrue(r.success(), r.message());
    }

    /** kinit into a private ticket cache, so other users of the lab's cache are not disturbed. */
    private Map<String, String> freshTicket() throws Exception {
        Path cc = tmp.resolve("krb5cc");
        Map<String, String> env = Map.of("KRB5CCNAME", "FILE:" + cc, "KRB5_CONFIG", SambaLab.env("KRB5_CONFIG"));
        run(env, List.of("kdestroy"), null);
        int rc = run(env, List.of("kinit", "Administrator@" + SambaLab.env("SAMBALAB_REALM")), SambaLab.password() + "\n");
        assertEquals(0, rc, "kinit failed");
        return env;
    }

    private static int run(Map<String, String> env, List<String> cmd, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes());
        }
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static ToolKerberosProbe probe(Map<String, String> env, String keytab) {
        return new ToolKerberosProbe(CommandRunner.PROCESS, false, Optional.of(SambaLab.labDir().resolve("keytabs").resolve(keytab)), env);
    }

    @Test
    void removeSpn_srv003_keytabDecryptsAfterTheFix_andUndoRestoresTheBreak() throws Exception {
        TargetName t = TargetName.parse("srv003.lab.test");
        Spn http = Spn.parse("HTTP/srv003.lab.test");
        try (LdapDirectory dir = SambaLab.directory()) {
            Map<String, Set<String>> before = state(dir);
            TicketCheck broken = probe(freshTicket(), "SRV003.keytab").requestTicket(http);
            assertEquals(TicketCheck.Outcome.WRONG_ACCOUNT, broken.outcome(), broken.answer());

            PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
            LookupResult l = dir.lookup(t);
            Plan plan = Remedies.plan("remove-spn", l, dir);
            assertEquals(1, plan.changes().size());
            ApplyReport applied = applyWithJournal(dir, ex, l.target(), plan, tmp.resolve("j"));
            assertTrue(applied.success(), applied.message());

            VerifyResult v = Verifier.verify(dir, t, "remove-spn", Optional.of(probe(freshTicket(), "SRV003.keytab")));
            assertEquals(VerifyResult.Verdict.FIXED, v.verdict(), v.summary());
            assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, v.ticket().orElseThrow().outcome(), v.summary());

            undo(dir, ex, l.target(), applied);
            assertEquals(folded(before), folded(state(dir)));
            TicketCheck again = probe(freshTicket(), "SRV003.keytab").requestTicket(http);
            assertEquals(TicketCheck.Outcome.WRONG_ACCOUNT, again.outcome(), "undo restores the prior (broken) state: " + again.answer());
        }
    }

    @Test
    void portSpn_srv003_registersBothPortSpnsOnTheComputer_andUndoes() throws Exception {
        TargetName t = TargetName.parse("srv003.lab.test");
        try (LdapDirectory dir = SambaLab.directory()) {
            Map<String, Set<String>> before = state(dir);
            PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
            LookupResult l = dir.lookup(t);
            ApplyReport applied = applyWithJournal(dir, ex, l.target(), Remedies.plan("port-spn", l, dir), tmp.resolve("j"));
            assertTrue(applied.success(), applied.message());
            Account srv003 = dir.readAccount(l.computer().orElseThrow().ref().dn()).orElseThrow();
            assertTrue(srv003.holds(Spn.parse("HTTP/srv003:5985")), srv003.spns().toString());
            assertTrue(srv003.holds(Spn.parse("HTTP/srv003.lab.test:5985")), srv003.spns().toString());
            assertEquals(VerifyResult.Verdict.STEPS_REMAIN, Verifier.verify(dir, t, "port-spn", Optional.empty()).verdict());
            assertNotEquals(folded(before), folded(state(dir)));
            undo(dir, ex, l.target(), applied);
            assertEquals(before, state(dir), "exact prior state, case included");
        }
    }

    @Test
    void wsmanPrefix_dynamicsCrm_registersWsmanSpnsOnTheComputer_andUndoes() throws Exception {
        TargetName t = TargetName.parse("dynamics-crm.lab.test");
        try (LdapDirectory dir = SambaLab.directory()) {
            Map<String, Set<String>> before = state(dir);
            PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
            LookupResult l = dir.lookup(t);
            Plan plan = Remedies.plan("wsman-prefix", l, dir);
            assertEquals(2, plan.changes().size(), plan.changes().toString());
            assertTrue(plan.clientSteps().stream().anyMatch(s -> s.script().contains("spn_prefix")));
            ApplyReport applied = applyWithJournal(dir, ex, l.target(), plan, tmp.resolve("j"));
            assertTrue(applied.success(), applied.message());
            Account crm = dir.readAccount(l.computer().orElseThrow().ref().dn()).orElseThrow();
            assertTrue(crm.holds(Spn.parse("WSMAN/dynamics-crm")), crm.spns().toString());
            assertTrue(crm.holds(Spn.parse("WSMAN/dynamics-crm.lab.test")), crm.spns().toString());
            // the KDC now issues WSMAN/ tickets the computer's own key decrypts
            TicketCheck wsman = probe(freshTicket(), "DYNAMICS-CRM.keytab").requestTicket(Spn.parse("WSMAN/dynamics-crm.lab.test"));
            assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, wsman.outcome(), wsman.answer());
            undo(dir, ex, l.target(), applied);
            assertEquals(before, state(dir), "exact prior state, case included");
        }
    }

    @Test
    void moveSpn_dynamicsCrm_removesBeforeAdding_andUndoes() throws Exception {
        TargetName t = TargetName.parse("dynamics-crm.lab.test");
        try (LdapDirectory dir = SambaLab.directory()) {
            Map<String, Set<String>> before = state(dir);
            PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
            LookupResult l = dir.lookup(t);
            ApplyReport applied = applyWithJournal(dir, ex, l.target(), Remedies.plan("move-spn-to-computer", l, dir), tmp.resolve("j"));
            assertTrue(applied.success(), applied.message());
            assertEquals(VerifyResult.Verdict.FIXED, Verifier.verify(dir, t, "move-spn-to-computer", Optional.empty()).verdict());
            undo(dir, ex, l.target(), applied);
            assertEquals(folded(before), folded(state(dir)));
        }
    }
}
