package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.spndoctor.core.directory.SpnHolder;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded property test: for random value counts and random MaxValRange settings, every read path returns exactly the
 * set of values the server stores. Fixed seed, so a failure names a case that can be replayed.
 */
class RangedValuesPropertyTest {
    static final long SEED = 0x5eedL * 20_261_122L;
    static final int CASES = 200;
    static final String SPN = "servicePrincipalName";

    @Test
    void everyReadPathReturnsTheStoredSet() throws Exception {
        Random rnd = new Random(SEED);
        Map<String, List<String>> created = new HashMap<>();
        try (RangedDemo lab = new RangedDemo(10); LDAPConnection conn = lab.connect()) {
            for (int c = 0; c < CASES; c++) {
                int n = 1 + rnd.nextInt(15);
                int count = count(rnd, n);
                int delegations = count(rnd, n) / 2;
                String cn = "rvp-" + c;
                List<String> spns = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    spns.add(randomSpn(rnd, c, k));
                }
                List<String> deleg = RangedDemo.values("cifs/rvp" + c + "-", delegations, ".contoso.com");
                String dn = lab.addUser(cn, spns, deleg);
                created.put(dn, spns);
                lab.range.setMaxValRange(n);
                String where = "case " + c + " (seed " + SEED + ", N=" + n + ", " + count + " SPNs, "
                        + delegations + " delegations)";

                Account a = lab.demo.readAccount(dn).orElseThrow();
                assertSameSet(lab.stored(dn, SPN), a.spns().stream().map(Spn::toString).toList(), where + " readAccount");
                assertSameSet(deleg, a.allowedToDelegateTo(), where + " delegations");
                assertEquals(AccountKind.USER, a.ref().kind(), where + " kind");

                if (count > 0) {
                    String probe = spns.get(rnd.nextInt(count));
                    List<Account> holders = lab.demo.findHolders(Spn.parse(probe));
                    assertEquals(1, holders.size(), where + " findHolders " + probe);
                    assertSameSet(spns, holders.get(0).spns().stream().map(Spn::toString).toList(), where + " findHolders");

                    // an entry fetched from anywhere in its values is completed from the first one
                    int low = rnd.nextInt(count);
                    String asked = SPN + ";range=" + low + "-" + (rnd.nextBoolean() ? "*" : String.valueOf(low + rnd.nextInt(2 * n + 1)));
                    SearchResultEntry partial = conn.getEntry(dn, asked);
                    assertSameSet(spns, RangedValues.values(conn, partial, SPN), where + " from " + asked);
                }
            }

            lab.range.setMaxValRange(3);
            Map<String, List<String>> scanned = new HashMap<>();
            lab.demo.scanSpns(1 + new Random(SEED).nextInt(20), new SpnScanSink() {
                @Override
                public void accept(SpnHolder h) { scanned.put(h.dn(), h.spns()); }
            });
            for (Map.Entry<String, List<String>> e : created.entrySet()) {
                if (e.getValue().isEmpty()) {
                    assertTrue(!scanned.containsKey(e.getKey()), e.getKey());
                } else {
                    assertSameSet(e.getValue(), scanned.get(e.getKey()), "scan " + e.getKey());
                }
            }
        }
    }

    /** Mostly around multiples of N, where off-by-one mistakes live; sometimes anywhere up to 5N+1. */
    private static int count(Random rnd, int n) {
        if (rnd.nextInt(3) == 0) {
            return rnd.nextInt(5 * n + 2);
        }
        return Math.max(0, (1 + rnd.nextInt(4)) * n + rnd.nextInt(3) - 1);
    }

    private static String randomSpn(Random rnd, int c, int k) {
        String[] classes = {"HTTP", "MSSQLSvc", "HOST", "WSMAN", "ldap"};
        String host = "h" + c + "-" + k + "-" + Long.toString(rnd.nextLong() & 0xffffffL, 36) + ".contoso.com";
        String cls = classes[rnd.nextInt(classes.length)];
        return rnd.nextBoolean() ? cls + "/" + host : cls + "/" + host + ":" + (1 + rnd.nextInt(65535));
    }

    private static void assertSameSet(List<String> expected, List<String> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": count");
        assertEquals(new HashSet<>(expected), new HashSet<>(actual), where);
        assertEquals(actual.size(), new HashSet<>(actual).size(), where + ": no value twice");
    }
}
