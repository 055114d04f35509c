package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.spndoctor.core.directory.DirectoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RangedValues} against an AD-like range-cutting server, including servers that misbehave. */
class RangedValuesTest {
    static final String SPN = "servicePrincipalName";
    static RangedDemo lab;
    static LDAPConnection conn;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        lab = new RangedDemo(10);
        conn = lab.connect();
    }

    @AfterAll
    static void stop() {
        conn.close();
        lab.close();
    }

    @AfterEach
    void reset() {
        lab.range.fault(MaxValRangeInterceptor.Fault.NONE);
        lab.range.setMaxValRange(10);
        lab.range.onRangeRequest(null);
        lab.range.emptyPastEnd(false);
    }

    private static String user(int count) throws Exception {
        String cn = "rvt-" + names.incrementAndGet();
        return lab.addUser(cn, RangedDemo.values("MSSQLSvc/" + cn + "-", count, ".contoso.com:1433"), List.of());
    }

    private static SearchResultEntry fetch(String dn, String... attributes) throws Exception {
        return conn.getEntry(dn, attributes);
    }

    @Test
    void theFixtureCutsValuesLikeActiveDirectory() throws Exception {
        String dn = user(25);
        SearchResultEntry plain = fetch(dn, SPN);
        assertNull(plain.getAttribute(SPN), "no plain attribute when there are more than MaxValRange values");
        assertEquals(10, plain.getAttribute(SPN + ";range=0-9").size());
        assertEquals(10, fetch(dn, SPN + ";range=10-*").getAttribute(SPN + ";range=10-19").size());
        assertEquals(5, fetch(dn, SPN + ";range=20-*").getAttribute(SPN + ";range=20-*").size());
        assertEquals(3, fetch(dn, SPN + ";range=20-22").getAttribute(SPN + ";range=20-22").size());
        assertEquals(List.of(), fetch(dn, SPN + ";range=25-*").getAttributes().stream()
                .filter(a -> a.getBaseName().equalsIgnoreCase(SPN)).toList(), "past the end: no attribute");
        assertEquals(25, lab.stored(dn, SPN).size(), "the server itself stores them all");
        String small = user(9);
        assertEquals(9, fetch(small, SPN).getAttribute(SPN).size(), "at most MaxValRange values come plain");
    }

    @Test
    void plainAttributeIsReturnedWithoutAnotherRead() throws Exception {
        String dn = user(10);
        SearchResultEntry e = fetch(dn, SPN);
        int before = lab.range.rangeRequests();
        assertEquals(lab.stored(dn, SPN), RangedValues.values(conn, e, SPN));
        assertSame(e, RangedValues.complete(conn, e, SPN), "a complete entry is handed back as is");
        assertEquals(before, lab.range.rangeRequests());
        assertEquals(List.of(), RangedValues.values(conn, fetch(user(0), SPN), SPN));
    }

    @Test
    void rangedValuesAreCollectedInOrder() throws Exception {
        String dn = user(32);
        SearchResultEntry e = fetch(dn, SPN, "sAMAccountName");
        assertTrue(RangedValues.isRanged(e, SPN));
        int before = lab.range.rangeRequests();
        assertEquals(lab.stored(dn, SPN), RangedValues.values(conn, e, SPN));
        assertEquals(3, lab.range.rangeRequests() - before, "10-*, 20-*, 30-*");
        SearchResultEntry complete = RangedValues.complete(conn, e, SPN);
        assertEquals(lab.stored(dn, SPN), List.of(complete.getAttributeValues(SPN)));
        assertFalse(RangedValues.isRanged(complete, SPN));
        assertEquals(1, complete.getAttributes().stream().filter(a -> a.getBaseName().equalsIgnoreCase(SPN)).count());
        assertEquals(e.getAttributeValue("sAMAccountName"), complete.getAttributeValue("sAMAccountName"), "other attributes are kept");
    }

    @Test
    void anEntryFetchedFromTheMiddleIsReadFromTheStart() throws Exception {
        String dn = user(23);
        SearchResultEntry e = fetch(dn, SPN + ";range=12-*");
        assertNotNull(e.getAttribute(SPN + ";range=12-21"));
        assertEquals(lab.stored(dn, SPN), RangedValues.values(conn, e, SPN));
    }

    @Test
    void aRangeThatDoesNotAdvanceFailsCleanly() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        lab.range.fault(MaxValRangeInterceptor.Fault.STUCK);
        DirectoryException x = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(DirectoryException.class, () -> RangedValues.values(conn, e, SPN)));
        assertEquals(DirectoryException.Kind.OTHER, x.kind());
        assertTrue(x.getMessage().contains("could not be read completely"), x.getMessage());
        assertTrue(x.detail().contains("asked for the values from index 10, it sent range 0-9"), x.detail());
    }

    @Test
    void aServerThatNeverEndsIsStoppedAtTheReadLimit() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        lab.range.fault(MaxValRangeInterceptor.Fault.ENDLESS);
        int before = lab.range.rangeRequests();
        DirectoryException x = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(DirectoryException.class, () -> RangedValues.values(conn, e, SPN, 40)));
        assertTrue(x.detail().contains("still sending more after 40 reads"), x.detail());
        assertEquals(40, lab.range.rangeRequests() - before);
    }

    @Test
    void malformedOrInconsistentRangesFail() throws Exception {
        for (String option : List.of("range=9-0", "range=0-", "range=-1-5", "range=a-9", "range=0-9-1", "range=+1-9",
                "range= 0-9", "range=99999999999-*", "range=0-9999999999")) {
            SearchResultEntry e = new SearchResultEntry("CN=x,DC=contoso,DC=com",
                    new Attribute[]{new Attribute(SPN + ";" + option, "HTTP/a", "HTTP/b")});
            DirectoryException x = assertThrows(DirectoryException.class, () -> RangedValues.values(conn, e, SPN), option);
            assertTrue(x.detail().contains(option), option + ": " + x.detail());
        }
        SearchResultEntry shortChunk = new SearchResultEntry("CN=x,DC=contoso,DC=com",
                new Attribute[]{new Attribute(SPN + ";range=0-9", "HTTP/a", "HTTP/b")});
        DirectoryException x = assertThrows(DirectoryException.class, () -> RangedValues.values(conn, shortChunk, SPN));
        assertTrue(x.detail().contains("range 0-9 came with 2 values"), x.detail());
    }

    @Test
    void rangeOptionsParseStrictly() {
        assertEquals(Optional.of(new RangedValues.Range(0, 1499)), RangedValues.Range.parse("range=0-1499"));
        assertEquals(Optional.of(new RangedValues.Range(1500, -1)), RangedValues.Range.parse("range=1500-*"));
        assertEquals(Optional.of(new RangedValues.Range(7, 7)), RangedValues.Range.parse("Range=7-7"));
        assertTrue(RangedValues.Range.parse("range=5-*").get().last());
        assertFalse(RangedValues.Range.parse("range=5-6").get().last());
        assertEquals(Optional.empty(), RangedValues.Range.parse("binary"));
        assertEquals(Optional.empty(), RangedValues.Range.parse("lang-en"));
        for (String bad : List.of("range=", "range=-", "range=1", "range=*-5", "range=5-4", "range=1-2-3", "range=0x1-2",
                "range=1-*5", "range=2147483648-*", "range=1-２")) {
            assertThrows(IllegalArgumentException.class, () -> RangedValues.Range.parse(bad), bad);
        }
    }

    @Test
    void valuesRemovedDuringTheReadAreReadAgainFromTheStart() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        List<String> all = lab.stored(dn, SPN);
        lab.demo.server().modify(dn, new Modification(ModificationType.DELETE, SPN, all.subList(0, 20).toArray(String[]::new)));
        assertEquals(all.subList(20, 25), RangedValues.values(conn, e, SPN), "the values there are now");
        lab.demo.server().modify(dn, new Modification(ModificationType.DELETE, SPN));
        assertEquals(List.of(), RangedValues.values(conn, e, SPN), "the attribute is gone: no values now");
    }

    @Test
    void anEmptyLastRangeAfterRemovalsIsReadAgainFromTheStart() throws Exception {
        lab.range.emptyPastEnd(true);
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        assertEquals(0, fetch(dn, SPN + ";range=25-*").getAttribute(SPN + ";range=25-*").size(), "fixture: empty last range");
        List<String> all = lab.stored(dn, SPN);
        lab.demo.server().modify(dn, new Modification(ModificationType.DELETE, SPN, all.subList(0, 15).toArray(String[]::new)));
        assertEquals(all.subList(15, 25), RangedValues.values(conn, e, SPN), "the values there are now");
    }

    @Test
    void valuesShiftedDuringTheReadAreReadAgainFromTheStart() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        List<String> shifted = new ArrayList<>(lab.stored(dn, SPN));
        shifted.add(0, "MSSQLSvc/newcomer.contoso.com:1433");
        lab.demo.server().modify(dn, new Modification(ModificationType.REPLACE, SPN, shifted.toArray(String[]::new)));
        assertEquals(shifted, lab.stored(dn, SPN), "the server keeps the new order");
        assertEquals(shifted, RangedValues.values(conn, e, SPN));
    }

    @Test
    void valuesThatKeepChangingFailInsteadOfGuessing() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        AtomicInteger added = new AtomicInteger();
        lab.range.onRangeRequest(base -> {
            List<String> v = new ArrayList<>(lab.stored(dn, SPN));
            v.add(0, "MSSQLSvc/churn" + added.incrementAndGet() + ".contoso.com:1433");
            lab.demo.server().modify(dn, new Modification(ModificationType.REPLACE, SPN, v.toArray(String[]::new)));
        });
        DirectoryException x = assertThrows(DirectoryException.class, () -> RangedValues.values(conn, e, SPN));
        assertTrue(x.getMessage().contains("kept changing"), x.getMessage());
        assertTrue(added.get() >= RangedValues.MAX_RESTARTS + 1, "it did try again");
    }

    @Test
    void anAccountDeletedDuringTheReadIsReportedAsGone() throws Exception {
        String dn = user(25);
        SearchResultEntry e = fetch(dn, SPN);
        lab.demo.server().delete(dn);
        DirectoryException x = assertThrows(DirectoryException.class, () -> RangedValues.values(conn, e, SPN));
        assertEquals(DirectoryException.Kind.NO_SUCH_ACCOUNT, x.kind());
    }
}
