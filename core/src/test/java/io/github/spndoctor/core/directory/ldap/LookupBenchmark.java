package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.samba.SambaLab;

import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test): a lookup on a warm pooled connection vs one raw UnboundID search with the same filter on
 * the same single-connection pool, interleaved. The lookup includes its re-read of the accounts found on the domain's
 * DC (a second connection), as in the product. Run by bench/run-benchmarks.sh against the Samba lab's GC.
 * Usage: LookupBenchmark [target] [rounds]
 */
public final class LookupBenchmark {
    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "srv003.lab.test";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        LDAPConnectionPool gc = new LDAPConnectionPool(SambaLab.connect(SambaLab.gcUri()), 1);
        LDAPConnectionPool dc = new LDAPConnectionPool(SambaLab.connect(SambaLab.ldapUri()), 1);
        // as Connector builds it: the lookup's accounts are re-read on the domain's DC
        DomainRouter router = SambaLab.router(dc);
        LdapDirectory dir = new LdapDirectory(gc, "", router, new DirectoryInfo(false, SambaLab.gcUri(), "bench", true), 30,
                () -> { gc.close(); dc.close(); });
        TargetName t = TargetName.parse(target);
        Filter filter = LdapDirectory.lookupFilter(t);
        SearchRequest raw = new SearchRequest("", SearchScope.SUB, filter, LdapDirectory.ACCOUNT_ATTRIBUTES);
        raw.setSizeLimit(LdapDirectory.LOOKUP_SIZE_LIMIT);
        raw.setTimeLimitSeconds(30);
        for (int i = 0; i < 300; i++) {
            dir.lookup(t);
            gc.search(raw);
        }
        long[] lookup = new long[rounds];
        long[] search = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long a = System.nanoTime();
            dir.lookup(t);
            long b = System.nanoTime();
            gc.search(raw);
            long c = System.nanoTime();
            lookup[i] = b - a;
            search[i] = c - b;
        }
        dir.close();
        Arrays.sort(lookup);
        Arrays.sort(search);
        System.out.printf(Locale.ROOT, "target=%s rounds=%d%n", target, rounds);
        System.out.printf(Locale.ROOT, "lookup      median %.3f ms  p90 %.3f ms%n", lookup[rounds / 2] / 1e6, lookup[rounds * 9 / 10] / 1e6);
        System.out.printf(Locale.ROOT, "raw search  median %.3f ms  p90 %.3f ms%n", search[rounds / 2] / 1e6, search[rounds * 9 / 10] / 1e6);
        System.out.printf(Locale.ROOT, "ratio (median lookup / median raw search) = %.3f%n", (double) lookup[rounds / 2] / search[rounds / 2]);
    }
}
