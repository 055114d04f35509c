package io.github.spndoctor.core.directory.demo;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDirectoryTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    private static Registration reg(LookupResult r, String spn) {
        return r.registration(Spn.parse(spn)).orElseThrow(() -> new AssertionError("not a candidate: " + spn));
    }

    @Test
    void seed000HttpSpnIsOnTheManagedServiceAccount() throws Exception {
        LookupResult r = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        assertEquals("SRV003$", r.computer().orElseThrow().ref().samAccountName());
        Registration http = reg(r, "HTTP/srv003.rwwilden01.local");
        assertEquals(1, http.holders().size());
        assertEquals(AccountKind.MSA, http.holders().get(0).kind());
        assertEquals("svc-srv003-web$", http.holders().get(0).samAccountName());
        assertEquals(LookupResult.Status.WRONG_ACCOUNT, r.status(http));
        assertEquals(LookupResult.Status.OK, r.status(reg(r, "HOST/srv003.rwwilden01.local")));
        assertEquals(LookupResult.Status.MISSING, r.status(reg(r, "HTTP/srv003:5985")));
        List<RankedCause> causes = LookupClassifier.classify(r);
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, causes.get(0).id());
    }

    @Test
    void shortNameFindsTheFqdnFormsToo() throws Exception {
        LookupResult r = demo.lookup(TargetName.parse("DYNAMICS-CRM"));
        assertEquals("DYNAMICS-CRM.kimconnect.com", r.target().fqdn().orElseThrow());
        for (String spn : List.of("http/DYNAMICS-CRM", "HTTP/dynamics-crm.kimconnect.com")) {
            Registration reg = reg(r, spn);
            assertEquals("crmIisPoolServiceAccount", reg.holders().get(0).samAccountName());
            assertEquals(AccountKind.USER, reg.holders().get(0).kind());
        }
        assertEquals(LookupResult.Status.MISSING, r.status(reg(r, "WSMAN/DYNAMICS-CRM")));
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, LookupClassifier.classify(r).get(0).id());
    }

    @Test
    void healthyHostHasNoCause() throws Exception {
        LookupResult r = demo.lookup(TargetName.parse("srv004.rwwilden01.local"));
        assertTrue(r.computer().isPresent());
        assertTrue(LookupClassifier.classify(r).isEmpty());
    }

    @Test
    void teachingCasesClassify() throws Exception {
        assertEquals(CauseId.DUPLICATE_SPN, LookupClassifier.classify(demo.lookup(TargetName.parse("app01.contoso.com"))).get(0).id());
        assertEquals(CauseId.SPN_ON_OTHER_COMPUTER, LookupClassifier.classify(demo.lookup(TargetName.parse("web05.contoso.com"))).get(0).id());
    }

    @Test
    void unknownHostHasNoComputerAndEveryCandidateMissing() throws Exception {
        LookupResult r = demo.lookup(TargetName.parse("nosuchhost.contoso.com"));
        assertFalse(r.computer().isPresent());
        assertTrue(r.registrations().stream().noneMatch(Registration::registered));
    }

    @Test
    void refusesALiteralDuplicateLikeA2012R2Dc() throws Exception {
        Account srv003 = demo.lookup(TargetName.parse("srv003.rwwilden01.local")).computer().orElseThrow();
        DirectoryException e = assertThrows(DirectoryException.class,
                () -> demo.apply(new SpnChange.Add(srv003.ref(), Spn.parse("http/SRV003.rwwilden01.local"))));
        assertEquals(DirectoryException.Kind.REFUSED_BY_DC, e.kind());
        assertTrue(e.detail().contains("19"), e.detail());
        assertFalse(demo.readAccount(srv003.ref().dn()).orElseThrow().holds(Spn.parse("HTTP/srv003.rwwilden01.local")));
    }

    @Test
    void removeThenAddMovesTheSpnAndResetRestoresIt() throws Exception {
        LookupResult before = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        AccountRef msa = reg(before, "HTTP/srv003.rwwilden01.local").holders().get(0);
        demo.apply(new SpnChange.Remove(msa, Spn.parse("HTTP/srv003.rwwilden01.local")));
        LookupResult after = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        assertTrue(LookupClassifier.classify(after).isEmpty());
        demo.reset();
        assertEquals(1, reg(demo.lookup(TargetName.parse("srv003.rwwilden01.local")), "HTTP/srv003.rwwilden01.local").holders().size());
    }

    @Test
    void injectionStringsAreSearchedLiterallyNeverAsFilters() throws Exception {
        assertTrue(demo.findHolders(Spn.parse("HTTP/srv003")).isEmpty());
        // a '*' cannot reach a filter: Spn refuses it, and Filter factories escape everything else
        assertThrows(IllegalArgumentException.class, () -> Spn.parse("HTTP/*"));
        assertTrue(demo.findHolders(Spn.parse("HTTP/x.contoso.com:80/a|b&c!d")).isEmpty());
    }
}
