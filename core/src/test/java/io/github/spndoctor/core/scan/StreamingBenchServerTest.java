package io.github.spndoctor.core.scan;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.AccountRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark server's cursor paging returns every entry once, honours filters and attributes, and ends. */
class StreamingBenchServerTest {
    /** The first 3,000 accounts of the mix plus later ones that carry its seeded conflicts. */
    static final int FIRST = 3_000;
    static final int[] LATER = {10_000, 10_001, 25_002, 50_002};
    static StreamingBenchServer server;
    static LDAPConnection conn;

    static int index(int position) {
        return position < FIRST ? position : LATER[position - FIRST];
    }

    @BeforeAll
    static void start() throws Exception {
        server = new StreamingBenchServer(FIRST + LATER.length, i -> ScanBenchmark.entry(index(i)), 0);
        conn = new LDAPConnection("127.0.0.1", server.port());
    }

    @AfterAll
    static void stop() {
        conn.close();
        server.close();
    }

    /** Pages through a search; returns entries by DN (failing on a repeat) and counts pages. */
    static Map<String, SearchResultEntry> pageThrough(Filter filter, int pageSize, int[] pages, String... attributes)
            throws Exception {
        Map<String, SearchResultEntry> seen = new HashMap<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest r = new SearchRequest("", SearchScope.SUB, filter, attributes);
            r.setControls(new Control[]{new SimplePagedResultsControl(pageSize, cookie, true)});
            SearchResult result = conn.search(r);
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertTrue(result.getEntryCount() <= pageSize, "page larger than asked");
            for (SearchResultEntry e : result.getSearchEntries()) {
                assertNull(seen.put(e.getDN(), e), "delivered twice: " + e.getDN());
            }
            pages[0]++;
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response.moreResultsToReturn() ? response.getCookie() : null;
            assertTrue(pages[0] < 1000, "the cookie never ends the search");
        } while (cookie != null);
        return seen;
    }

    @Test
    void everySpnHolderArrivesExactlyOnceWithOnlyTheRequestedAttributes() throws Exception {
        int[] pages = {0};
        Map<String, SearchResultEntry> seen = pageThrough(Filter.createPresenceFilter("servicePrincipalName"), 250, pages,
                "servicePrincipalName", "sAMAccountName");
        Set<String> expected = new TreeSet<>();
        for (int p = 0; p < FIRST + LATER.length; p++) {
            expected.add(ScanBenchmark.entry(index(p)).getDN());
        }
        assertEquals(expected, new TreeSet<>(seen.keySet())); // the suffix entry has no SPN and is not returned
        assertEquals((FIRST + LATER.length + 249) / 250, pages[0]);
        SearchResultEntry computer = seen.get("CN=HOST0000050,DC=bench,DC=test");
        assertEquals(Set.of("HOST/HOST0000050", "HOST/host0000050.bench.test"),
                Set.of(computer.getAttributeValues("servicePrincipalName")));
        assertEquals("HOST0000050$", computer.getAttributeValue("sAMAccountName"));
        assertFalse(computer.hasAttribute("objectClass"));
        assertFalse(computer.hasAttribute("dNSHostName"));
    }

    @Test
    void filtersAreHonoured() throws Exception {
        int[] pages = {0};
        Filter computersWithHost = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "computer"),
                Filter.createSubstringFilter("servicePrincipalName", "HOST/", null, null));
        Map<String, SearchResultEntry> seen = pageThrough(computersWithHost, 7, pages, "dNSHostName");
        Set<String> expected = new TreeSet<>();
        for (int p = 0; p < FIRST + LATER.length; p++) {
            if (index(p) % 50 == 0) {
                expected.add(String.format("CN=HOST%07d,DC=bench,DC=test", index(p)));
            }
        }
        assertEquals(expected, new TreeSet<>(seen.keySet()));
        assertTrue(seen.values().stream().allMatch(e -> e.getAttributeValue("dNSHostName").endsWith(".bench.test")));

        Map<String, SearchResultEntry> none = pageThrough(Filter.createEqualityFilter("sAMAccountName", "nobody"), 10, pages);
        assertTrue(none.isEmpty());
    }

    @Test
    void aCookieFromAnotherSearchIsRefused() throws Exception {
        SearchRequest first = new SearchRequest("", SearchScope.SUB, Filter.createPresenceFilter("servicePrincipalName"));
        first.setControls(new Control[]{new SimplePagedResultsControl(10, null, true)});
        ASN1OctetString cookie = SimplePagedResultsControl.get(conn.search(first)).getCookie();
        SearchRequest other = new SearchRequest("", SearchScope.SUB, Filter.createPresenceFilter("dNSHostName"));
        other.setControls(new Control[]{new SimplePagedResultsControl(10, cookie, true)});
        LDAPSearchException e = assertThrows(LDAPSearchException.class, () -> conn.search(other));
        assertEquals(ResultCode.UNWILLING_TO_PERFORM, e.getResultCode());
    }

    @Test
    void aMissingBaseIsNoSuchObjectAndABaseScopesTheCursor() throws Exception {
        for (String base : List.of("CN=missing,DC=bench,DC=test", "DC=other,DC=test")) {
            SearchRequest r = new SearchRequest(base, SearchScope.SUB, Filter.createPresenceFilter("objectClass"));
            r.setControls(new Control[]{new SimplePagedResultsControl(10, null, true)});
            LDAPSearchException e = assertThrows(LDAPSearchException.class, () -> conn.search(r));
            assertEquals(ResultCode.NO_SUCH_OBJECT, e.getResultCode(), base);
        }
        SearchRequest one = new SearchRequest("CN=HOST0000050,DC=bench,DC=test", SearchScope.BASE,
                Filter.createPresenceFilter("objectClass"), "sAMAccountName");
        one.setControls(new Control[]{new SimplePagedResultsControl(10, null, true)});
        SearchResult result = conn.search(one);
        assertEquals(List.of("CN=HOST0000050,DC=bench,DC=test"),
                result.getSearchEntries().stream().map(Entry::getDN).toList());
        assertFalse(SimplePagedResultsControl.get(result).moreResultsToReturn());
    }

    @Test
    void aSizeLimitHoldsAcrossPages() throws Exception {
        SearchRequest first = new SearchRequest("", SearchScope.SUB, Filter.createPresenceFilter("servicePrincipalName"));
        first.setSizeLimit(5);
        first.setControls(new Control[]{new SimplePagedResultsControl(3, null, true)});
        SearchResult page1 = conn.search(first);
        assertEquals(3, page1.getEntryCount());
        SearchRequest second = new SearchRequest("", SearchScope.SUB, Filter.createPresenceFilter("servicePrincipalName"));
        second.setSizeLimit(5);
        second.setControls(new Control[]{new SimplePagedResultsControl(3,
                SimplePagedResultsControl.get(page1).getCookie(), true)});
        LDAPSearchException e = assertThrows(LDAPSearchException.class, () -> conn.search(second));
        assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, e.getResultCode());
        assertEquals(2, e.getEntryCount());
    }

    @Test
    void targetedEqualitySearchFindsExactlyTheSeededDuplicateHolders() throws Exception {
        SearchResult r = conn.search("", SearchScope.SUB,
                Filter.createEqualityFilter("servicePrincipalName", ScanBenchmark.DUPLICATE_SPN.toUpperCase()), "1.1");
        Set<String> dns = r.getSearchEntries().stream().map(Entry::getDN).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("CN=svc0000002,DC=bench,DC=test", "CN=svc0025002,DC=bench,DC=test",
                "CN=svc0050002,DC=bench,DC=test"), dns);
    }

    @Test
    void theScannerFindsTheSeededConflictsOverThisServer() throws Exception {
        LDAPConnectionPool pool = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", server.port()), 1, 2);
        try (LdapDirectory dir = new LdapDirectory(pool, "", pool,
                new DirectoryInfo(false, "bench:" + server.port(), "anonymous", true), 60, pool::close)) {
            ScanReport report = ForestScanner.scan(dir, 500, ScanListener.NONE);
            assertTrue(report.complete());
            assertEquals((FIRST + LATER.length) * 2L, report.spns());
            List<String> found = new ArrayList<>();
            for (ScanFinding f : report.findings()) {
                found.add(f.cause().id() + " " + f.spns().get(0) + " "
                        + f.accounts().stream().map(AccountRef::dn).sorted().toList());
            }
            assertEquals(List.of(
                    CauseId.DUPLICATE_SPN.id() + " " + ScanBenchmark.DUPLICATE_SPN + " [CN=svc0000002,DC=bench,DC=test, "
                            + "CN=svc0025002,DC=bench,DC=test, CN=svc0050002,DC=bench,DC=test]",
                    CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT.id() + " HTTP/host0000000.bench.test "
                            + "[CN=HOST0000000,DC=bench,DC=test, CN=svc0000001,DC=bench,DC=test]",
                    CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT.id() + " HTTP/host0010000.bench.test "
                            + "[CN=HOST0010000,DC=bench,DC=test, CN=svc0010001,DC=bench,DC=test]"), found);
        }
    }
}
