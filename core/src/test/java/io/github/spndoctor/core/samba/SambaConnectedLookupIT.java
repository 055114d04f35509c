package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookups, through the Connector (LDAPS, GC on 3269, read-only), on the seeded lab. */
class SambaConnectedLookupIT {
    static Directory dir;

    @BeforeAll
    static void open() throws Exception {
        SambaLab.require();
        dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray());
    }

    @AfterAll
    static void close() {
        if (dir != null) {
            dir.close();
        }
    }

    private static AccountRef only(LookupResult r, String spn) {
        List<AccountRef> h = r.registration(Spn.parse(spn)).orElseThrow(() -> new AssertionError("no " + spn)).holders();
        assertEquals(1, h.size(), spn + " holders " + h);
        return h.get(0);
    }

    @Test
    void srv003() throws Exception {
        LookupResult r = dir.lookup(TargetName.parse("srv003.lab.test"));
        AccountRef h = only(r, "HTTP/srv003.lab.test");
        assertEquals("svc-srv003-web$", h.samAccountName());
        assertEquals(AccountKind.MSA, h.kind());
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, LookupClassifier.classify(r).get(0).id());
        assertTrue(r.source().banner().contains("GC 127.0.0.1:3269"), r.source().banner());
    }

    @Test
    void dynamicsCrmShortAndFqdn() throws Exception {
        for (String typed : List.of("DYNAMICS-CRM", "dynamics-crm.lab.test")) {
            LookupResult r = dir.lookup(TargetName.parse(typed));
            for (String spn : List.of("http/DYNAMICS-CRM", "http/DYNAMICS-CRM.lab.test")) {
                AccountRef h = only(r, spn);
                assertEquals("crmIisPoolServiceAccount", h.samAccountName(), typed);
                assertEquals(AccountKind.USER, h.kind());
            }
            assertEquals("DYNAMICS-CRM$", r.computer().orElseThrow().ref().samAccountName());
            assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, LookupClassifier.classify(r).get(0).id(), typed);
        }
    }

    @Test
    void srv004IsHealthy() throws Exception {
        LookupResult r = dir.lookup(TargetName.parse("srv004.lab.test"));
        AccountRef h = only(r, "HOST/srv004.lab.test");
        assertEquals("SRV004$", h.samAccountName());
        assertEquals(AccountKind.COMPUTER, h.kind());
        Set<CauseId> conflicts = Set.of(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, CauseId.DUPLICATE_SPN, CauseId.SPN_ON_OTHER_COMPUTER);
        for (RankedCause c : LookupClassifier.classify(r)) {
            assertFalse(conflicts.contains(c.id()), c.toString());
        }
    }
}
