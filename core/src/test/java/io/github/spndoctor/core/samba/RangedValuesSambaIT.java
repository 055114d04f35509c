package io.github.spndoctor.core.samba;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.directory.ldap.RangedValues;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Range retrieval against the real Samba AD DC: a throw-away user with 1,601 SPNs (1,600 MSSQLSvc values and one
 * HTTP value last, so a lookup finds it). Samba does not cut a plain request at 1,500 values the way AD does, so the
 * follow-up path is forced by fetching the entry with {@code servicePrincipalName;range=0-99}. The user is deleted
 * afterwards whatever happens.
 */
class RangedValuesSambaIT {
    static final String SPN = "servicePrincipalName";
    static final int COUNT = 1600;
    static String tag;
    static String dn;
    static List<String> values;
    static LDAPConnection conn;

    @BeforeAll
    static void createUser() throws Exception {
        SambaLab.require();
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        tag = HexFormat.of().formatHex(b);
        String sam = "spnrange-" + tag;
        dn = "CN=" + sam + ",CN=Users," + SambaLab.baseDn();
        values = new ArrayList<>();
        for (int k = 0; k < COUNT; k++) {
            values.add("MSSQLSvc/rangetest" + k + "-" + tag + ".lab.test:1433");
        }
        values.add("HTTP/rangetest-" + tag + ".lab.test");
        conn = SambaLab.connect(SambaLab.ldapUri());
        conn.add(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", sam));
        for (int from = 0; from < values.size(); from += 400) {
            List<String> part = values.subList(from, Math.min(values.size(), from + 400));
            conn.modify(dn, new Modification(ModificationType.ADD, SPN, part.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void deleteUser() throws Exception {
        if (conn == null) {
            return;
        }
        try {
            if (dn != null && conn.getEntry(dn, "1.1") != null) {
                conn.delete(dn);
            }
        } finally {
            conn.close();
        }
    }

    private static void assertAll(List<String> actual, String where) {
        assertEquals(values.size(), actual.size(), where + ": count");
        assertEquals(new HashSet<>(values), new HashSet<>(actual), where);
    }

    @Test
    void sambaAnswersAPlainRequestInOnePiece() throws Exception {
        SearchResultEntry e = conn.getEntry(dn, SPN);
        Attribute plain = e.getAttribute(SPN);
        // Recorded behaviour: Samba 4 returns all 1,601 values under the plain name (AD would send range=0-1499).
        // Either way, RangedValues must end with every value.
        System.out.println("Samba plain request of " + values.size() + " values: "
                + (plain != null ? "plain attribute with " + plain.size() + " values"
                : "ranged: " + e.getAttributes().stream().map(Attribute::getName).toList()));
        assertAll(RangedValues.values(conn, e, SPN), "plain request");
    }

    @Test
    void followUpRangeReadsAgainstSambaReturnEveryValue() throws Exception {
        SearchResultEntry e = conn.getEntry(dn, SPN + ";range=0-99");
        assertNull(e.getAttribute(SPN));
        Attribute first = e.getAttribute(SPN + ";range=0-99");
        assertNotNull(first, "Samba answers the range request: " + e.getAttributes());
        assertEquals(100, first.size());
        assertTrue(RangedValues.isRanged(e, SPN));
        assertAll(RangedValues.values(conn, e, SPN), "ranged over LDAPS");
        SearchResultEntry completed = RangedValues.complete(conn, e, SPN);
        assertAll(List.of(completed.getAttributeValues(SPN)), "completed entry");

        try (LDAPConnection gc = SambaLab.connect(SambaLab.gcUri())) {
            SearchResultEntry g = gc.getEntry(dn, SPN + ";range=0-99");
            assertNotNull(g.getAttribute(SPN + ";range=0-99"));
            assertAll(RangedValues.values(gc, g, SPN), "ranged over the global catalog");
        }
        SearchResultEntry middle = conn.getEntry(dn, SPN + ";range=700-799");
        assertNotNull(middle.getAttribute(SPN + ";range=700-799"));
        assertAll(RangedValues.values(conn, middle, SPN), "fetched from the middle");
    }

    @Test
    void lookupReadAccountAndFindHoldersReturnEveryValue() throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            Account a = dir.readAccount(dn).orElseThrow();
            assertAll(a.spns().stream().map(Spn::toString).toList(), "readAccount");

            LookupResult r = dir.lookup(TargetName.parse("rangetest-" + tag + ".lab.test"));
            Spn http = Spn.parse(values.get(COUNT));
            assertEquals(List.of(dn.toLowerCase()), r.registration(http).orElseThrow().holders().stream()
                    .map(AccountRef::dn).map(String::toLowerCase).toList());
            Account found = r.accounts().stream().filter(x -> x.ref().dn().equalsIgnoreCase(dn)).findFirst().orElseThrow();
            assertAll(found.spns().stream().map(Spn::toString).toList(), "lookup");

            List<Account> holders = dir.findHolders(Spn.parse(values.get(COUNT - 1)));
            assertEquals(1, holders.size());
            Set<String> held = new HashSet<>(holders.get(0).spns().stream().map(Spn::toString).toList());
            assertEquals(new HashSet<>(values), held, "findHolders");
        }
    }
}
