package io.github.spndoctor.core.directory.ldap;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.SpnHolder;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.scan.ForestScanner;
import io.github.spndoctor.core.scan.ScanFinding;
import io.github.spndoctor.core.scan.ScanListener;
import io.github.spndoctor.core.scan.ScanReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts with more values than the server sends at once (MaxValRange = 10 here) arrive complete through every
 * {@link LdapDirectory} read and through the forest scan.
 */
class RangedRetrievalTest {
    static final int N = 10;
    static final int[] COUNTS = {0, N - 1, N, N + 1, 3 * N + 2};
    static final Map<Integer, String> DNS = new HashMap<>();
    static RangedDemo lab;

    @BeforeAll
    static void start() throws Exception {
        lab = new RangedDemo(N);
        for (int c : COUNTS) {
            DNS.put(c, lab.addUser("rv-" + c, spns(c), delegations(c)));
        }
        // a hijack and a duplicate that only show beyond the first chunk of values
        lab.add("RVHOST", "CN=Computers,DC=contoso,DC=com", List.of("top", "user", "computer"), "rvhost.contoso.com",
                List.of("HOST/RVHOST", "HOST/rvhost.contoso.com"), List.of());
        List<String> svc = RangedDemo.values("MSSQLSvc/rvsql", 3 * N + 2, ".contoso.com:1433");
        svc.set(2 * N + 5, "HTTP/rvhost.contoso.com");
        lab.addUser("svc-rv-web", svc, List.of());
        List<String> dupe = RangedDemo.values("MSSQLSvc/rvdupe", 3 * N + 2, ".contoso.com:1433");
        dupe.set(3 * N, "MSSQLSvc/rvsql7.contoso.com:1433"); // also value 7 of svc-rv-web
        lab.addUser("svc-rv-dupe", dupe, List.of());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @AfterEach
    void reset() {
        lab.range.setMaxValRange(N);
        lab.range.fault(MaxValRangeInterceptor.Fault.NONE);
    }

    static List<String> spns(int c) {
        return RangedDemo.values("HTTP/rv" + c + "-", c, ".contoso.com");
    }

    static List<String> delegations(int c) {
        return RangedDemo.values("cifs/rvd" + c + "-", c, ".contoso.com");
    }

    static List<String> texts(Account a) {
        return a.spns().stream().map(Spn::toString).toList();
    }

    @Test
    void readAccountReturnsEveryValue() throws Exception {
        for (int c : COUNTS) {
            Account a = lab.demo.readAccount(DNS.get(c)).orElseThrow();
            assertEquals(spns(c), texts(a), c + " SPNs");
            assertEquals(delegations(c), a.allowedToDelegateTo(), c + " delegation targets");
            assertEquals(AccountKind.USER, a.ref().kind());
        }
    }

    @Test
    void findHoldersReturnsEveryValueAndSeesTheLastOne() throws Exception {
        for (int c : COUNTS) {
            if (c == 0) {
                continue;
            }
            List<Account> holders = lab.demo.findHolders(Spn.parse(spns(c).get(c - 1)));
            assertEquals(1, holders.size(), c + ": the account holding its last SPN");
            assertEquals(spns(c), texts(holders.get(0)));
        }
    }

    @Test
    void findDelegatingToSeesADelegationBeyondTheFirstChunk() throws Exception {
        int c = 3 * N + 2;
        List<Account> delegating = lab.demo.findDelegatingTo(Spn.parse(delegations(c).get(c - 1)));
        assertEquals(1, delegating.size());
        assertEquals(delegations(c), delegating.get(0).allowedToDelegateTo());
        assertEquals(spns(c), texts(delegating.get(0)));
    }

    @Test
    void lookupListsAHolderWhoseSpnIsBeyondTheFirstChunk() throws Exception {
        for (int c : COUNTS) {
            if (c == 0) {
                continue;
            }
            TargetName target = TargetName.parse("rv" + c + "-" + (c - 1) + ".contoso.com");
            LookupResult r = lab.demo.lookup(target);
            List<AccountRef> holders = r.registration(Spn.parse(spns(c).get(c - 1))).orElseThrow().holders();
            assertEquals(List.of(DNS.get(c)), holders.stream().map(AccountRef::dn).toList(), target.asTyped());
            Account a = r.accounts().stream().filter(x -> x.ref().dn().equals(DNS.get(c))).findFirst().orElseThrow();
            assertEquals(spns(c), texts(a));
        }
    }

    @Test
    void rangedObjectClassesStillTellTheKind() throws Exception {
        lab.range.setMaxValRange(1); // objectClass (top, user, computer) arrives in ranges too
        Account host = lab.demo.readAccount("CN=RVHOST,CN=Computers,DC=contoso,DC=com").orElseThrow();
        assertEquals(AccountKind.COMPUTER, host.ref().kind());
        assertEquals(List.of("HOST/RVHOST", "HOST/rvhost.contoso.com"), texts(host));
        Account user = lab.demo.readAccount(DNS.get(N + 1)).orElseThrow();
        assertEquals(spns(N + 1), texts(user));
        assertEquals(delegations(N + 1), user.allowedToDelegateTo());
    }

    @Test
    void aMisbehavingServerFailsTheReadInsteadOfShortening() throws Exception {
        lab.range.fault(MaxValRangeInterceptor.Fault.STUCK);
        assertThrows(DirectoryException.class, () -> lab.demo.readAccount(DNS.get(N + 1)));
        assertThrows(DirectoryException.class, () -> lab.demo.findHolders(Spn.parse(spns(N + 1).get(0))));
        assertThrows(DirectoryException.class, () -> lab.demo.scanSpns(3, new SpnScanSink() {
            @Override
            public void accept(SpnHolder holder) {}
        }));
        lab.range.fault(MaxValRangeInterceptor.Fault.NONE);
        assertTrue(lab.demo.readAccount(DNS.get(N)).isPresent(), "exactly N values need no range read");
    }

    @Test
    void aDeletedAccountReadsAsGone() throws Exception {
        String dn = lab.addUser("rv-doomed", spns(3 * N), List.of());
        lab.range.onRangeRequest(base -> {
            if (base.equalsIgnoreCase(dn)) {
                lab.demo.server().delete(dn);
            }
        });
        try {
            assertEquals(Optional.empty(), lab.demo.readAccount(dn));
        } finally {
            lab.range.onRangeRequest(null);
        }
    }

    @Test
    void anAccountDeletedDuringASearchIsLeftOut() throws Exception {
        List<String> values = RangedDemo.values("HTTP/rvgone", 2 * N, ".contoso.com");
        String dn = lab.addUser("rv-gone", values, List.of());
        lab.range.onRangeRequest(base -> {
            if (base.equalsIgnoreCase(dn)) {
                lab.demo.server().delete(dn);
            }
        });
        try {
            assertEquals(List.of(), lab.demo.findHolders(Spn.parse(values.get(0))), "it holds nothing now");
            lab.addUser("rv-gone", values, List.of());
            Map<String, SpnHolder> seen = new HashMap<>();
            assertTrue(lab.demo.scanSpns(1000, new SpnScanSink() { // one page: found, then deleted before completion
                @Override
                public void accept(SpnHolder h) { seen.put(h.dn(), h); }
            }));
            assertFalse(seen.containsKey(dn), "deleted during the scan");
            assertTrue(seen.containsKey(DNS.get(N)), "the others are still there");
        } finally {
            lab.range.onRangeRequest(null);
        }
    }

    @Test
    void theScanDeliversCompleteHoldersBeforeEachPageEnds() throws Exception {
        List<String> events = new ArrayList<>();
        Map<String, SpnHolder> seen = new HashMap<>();
        boolean complete = lab.demo.scanSpns(3, new SpnScanSink() {
            long accepted;

            @Override
            public void accept(SpnHolder holder) {
                accepted++;
                events.add("accept " + holder.dn());
                assertFalse(seen.containsKey(holder.dn()), "each account once");
                seen.put(holder.dn(), holder);
            }

            @Override
            public void pageDone(long accountsSoFar) {
                assertEquals(accepted, accountsSoFar, "pageDone counts every account handed over before it");
                events.add("page");
            }
        });
        assertTrue(complete);
        assertEquals("page", events.get(events.size() - 1), "nothing arrives after the last page");
        for (int c : COUNTS) {
            if (c == 0) {
                assertFalse(seen.containsKey(DNS.get(c)), "an account without SPNs is not a holder");
            } else {
                assertEquals(spns(c), seen.get(DNS.get(c)).spns(), c + " SPNs");
            }
        }
        for (SpnHolder h : seen.values()) {
            assertEquals(lab.stored(h.dn(), "servicePrincipalName"), h.spns(), h.dn());
        }
    }

    @Test
    void theForestScanFindsConflictsBeyondTheFirstChunk() throws Exception {
        lab.demo.setUniquenessCheck(false);
        ScanReport r = ForestScanner.scan(lab.demo, 4, new ScanListener() {});
        assertTrue(r.complete());
        assertTrue(r.findings().stream().anyMatch(f -> f.cause() == CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT
                && f.spns().get(0).equalsIgnoreCase("HTTP/rvhost.contoso.com")
                && sams(f).equals(Set.of("svc-rv-web", "rvhost$"))), "hijack at value 25 of 32: " + r.findings());
        assertTrue(r.findings().stream().anyMatch(f -> f.cause() == CauseId.DUPLICATE_SPN
                && f.spns().get(0).equalsIgnoreCase("MSSQLSvc/rvsql7.contoso.com:1433")
                && sams(f).equals(Set.of("svc-rv-web", "svc-rv-dupe"))), "duplicate at value 30 of 32: " + r.findings());
        long stored = 0;
        for (var e : lab.demo.server().search("", com.unboundid.ldap.sdk.SearchScope.SUB,
                "(servicePrincipalName=*)", "servicePrincipalName").getSearchEntries()) {
            stored += e.getAttributeValues("servicePrincipalName").length;
        }
        assertEquals(stored, r.spns(), "the scan counted every stored SPN");
    }

    private static Set<String> sams(ScanFinding f) {
        return f.accounts().stream().map(AccountRef::samAccountName).map(String::toLowerCase).collect(Collectors.toSet());
    }
}
