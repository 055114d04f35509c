package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.SpnHolder;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanner rules on hand-made forests: what is a finding and, above all, what is not. */
class ForestScannerRulesTest {
    /** An in-memory forest: enough of {@link Directory} for the scanner (stream, holders, computer by name). */
    static final class Forest implements Directory {
        final List<SpnHolder> entries = new ArrayList<>();
        boolean failOnSecondPage;

        Forest add(String sam, AccountKind kind, String dns, String... spns) {
            entries.add(new SpnHolder("CN=" + sam + ",DC=t", sam, kind, dns, List.of(spns)));
            return this;
        }

        private Account account(SpnHolder h) {
            return new Account(new AccountRef(h.dn(), h.samAccountName(), h.kind()),
                    h.spns().stream().map(Spn::parse).toList(), Optional.ofNullable(h.dnsHostName()), 0, List.of());
        }

        @Override
        public DirectoryInfo info() { return new DirectoryInfo(true, "test forest", "tester", true); }

        @Override
        public LookupResult lookup(TargetName target) {
            Optional<Account> computer = entries.stream().filter(h -> h.kind() == AccountKind.COMPUTER)
                    .filter(h -> h.samAccountName().equalsIgnoreCase(target.shortName() + "$")
                            || (h.dnsHostName() != null && h.dnsHostName().equalsIgnoreCase(target.asTyped())))
                    .map(this::account).findFirst();
            return new LookupResult(target, computer, List.of(), List.of(), info(), Instant.now());
        }

        @Override
        public List<Account> findHolders(Spn spn) {
            return entries.stream().map(this::account).filter(a -> a.holds(spn)).toList();
        }

        @Override
        public Optional<Account> readAccount(String dn) { return Optional.empty(); }

        @Override
        public void apply(SpnChange change) throws DirectoryException {
            throw new DirectoryException(DirectoryException.Kind.READ_ONLY, "read-only");
        }

        @Override
        public boolean scanSpns(int pageSize, SpnScanSink sink) throws DirectoryException {
            int n = 0;
            for (SpnHolder h : entries) {
                if (n > 0 && n % pageSize == 0) {
                    sink.pageDone(n);
                    if (failOnSecondPage) {
                        throw new DirectoryException(DirectoryException.Kind.TIMEOUT, "The domain controller did not answer in time.");
                    }
                    if (sink.cancelled()) {
                        return false;
                    }
                }
                sink.accept(h);
                n++;
            }
            sink.pageDone(n);
            return true;
        }

        @Override
        public void close() {}
    }

    static List<ScanFinding> scan(Forest f) throws DirectoryException {
        return ForestScanner.scan(f, 2, ScanListener.NONE).findings();
    }

    @Test
    void healthyForestWithTrickyButLegitimateSpnsHasNoFindings() throws Exception {
        Forest f = new Forest()
                .add("DC1$", AccountKind.COMPUTER, "dc1.t.local", "HOST/dc1.t.local/T", "ldap/dc1.t.local/t.local",
                        "ldap/0f3b2a51-1111-2222-3333-444455556666._msdcs.t.local",
                        "E3514235-4B06-11D1-AB04-00C04FC2DCD2/0f3b2a51-1111-2222-3333-444455556666/t.local",
                        "GC/dc1.t.local/t.local", "HOST/DC1", "RestrictedKrbHost/dc1.t.local")
                .add("WEB01$", AccountKind.COMPUTER, "web01.t.local", "HOST/WEB01", "HOST/web01.t.local", "WSMAN/web01.t.local")
                .add("svc-sql", AccountKind.USER, null, "MSSQLSvc/web01.t.local:1433", "MSSQLSvc/web01.t.local")
                .add("svc-iis", AccountKind.USER, null, "HTTP/web01.t.local:8080", "HTTP/intranet.t.local", "HTTP/intranet")
                .add("gmsa-app$", AccountKind.GMSA, null, "HTTP/app-vip.t.local")
                .add("CLUSTER1$", AccountKind.COMPUTER, "cluster1.t.local", "HOST/CLUSTER1", "HOST/cluster1.t.local")
                .add("krbtgt", AccountKind.USER, null, "kadmin/changepw");
        assertEquals(List.of(), scan(f));
    }

    @Test
    void eachRuleFiresOnceWithTheRightAccounts() throws Exception {
        Forest f = new Forest()
                .add("WEB01$", AccountKind.COMPUTER, "web01.t.local", "HOST/WEB01", "HOST/web01.t.local")
                .add("svc-iis", AccountKind.USER, null, "http/WEB01.T.LOCAL", "HTTP/web01.t.local.")
                .add("OLD02$", AccountKind.COMPUTER, "old02.t.local", "HOST/old02", "WSMAN/web02.t.local")
                .add("WEB02$", AccountKind.COMPUTER, "web02.t.local", "HOST/web02")
                .add("a", AccountKind.USER, null, "MSSQLSvc/db:1433")
                .add("b", AccountKind.MSA, null, "mssqlsvc/DB:1433");
        List<ScanFinding> found = scan(f);
        assertEquals(3, found.size(), found.toString());
        ScanFinding hijack = found.stream().filter(x -> x.cause() == CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT).findFirst().orElseThrow();
        assertEquals("http/WEB01.T.LOCAL", hijack.spns().get(0));
        assertEquals(List.of("svc-iis", "WEB01$"), hijack.accounts().stream().map(AccountRef::samAccountName).toList());
        ScanFinding other = found.stream().filter(x -> x.cause() == CauseId.SPN_ON_OTHER_COMPUTER).findFirst().orElseThrow();
        assertEquals(List.of("OLD02$", "WEB02$"), other.accounts().stream().map(AccountRef::samAccountName).toList());
        ScanFinding dup = found.stream().filter(x -> x.cause() == CauseId.DUPLICATE_SPN).findFirst().orElseThrow();
        assertEquals(List.of("a", "b"), dup.accounts().stream().map(AccountRef::samAccountName).toList());
    }

    @Test
    void ambiguousShortNamesAreNotJudged() throws Exception {
        Forest f = new Forest()
                .add("APP$", AccountKind.COMPUTER, "app.one.local", "HOST/app.one.local")
                .add("APP$", AccountKind.COMPUTER, "app.two.local", "HOST/app.two.local")
                .add("WEIRD$", AccountKind.COMPUTER, "weird.one.local", "HOST/app");
        assertEquals(List.of(), scan(f));
    }

    @Test
    void aFailureMidScanIsAnErrorNeverAReport() {
        Forest f = new Forest();
        for (int i = 0; i < 10; i++) {
            f.add("u" + i, AccountKind.USER, null, "HTTP/x" + i);
        }
        f.failOnSecondPage = true;
        DirectoryException e = assertThrows(DirectoryException.class, () -> ForestScanner.scan(f, 3, ScanListener.NONE));
        assertEquals(DirectoryException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void randomForestsAgreeWithANaiveDuplicateCount() throws Exception {
        for (long seed = 1; seed <= 15; seed++) {
            Random rnd = new Random(seed);
            Forest f = new Forest();
            java.util.Map<String, java.util.Set<Integer>> naive = new java.util.HashMap<>();
            int accounts = 5 + rnd.nextInt(40);
            for (int a = 0; a < accounts; a++) {
                java.util.Set<String> mine = new java.util.LinkedHashSet<>();
                int n = 1 + rnd.nextInt(4);
                for (int s = 0; s < n; s++) {
                    String spn = "MSSQLSvc/h" + rnd.nextInt(30) + ":" + (1433 + rnd.nextInt(2));
                    spn = rnd.nextBoolean() ? spn.toUpperCase() : spn;
                    if (mine.stream().noneMatch(spn::equalsIgnoreCase)) {
                        mine.add(spn);
                        naive.computeIfAbsent(spn.toLowerCase(), k -> new java.util.HashSet<>()).add(a);
                    }
                }
                f.add("u" + a, AccountKind.USER, null, mine.toArray(String[]::new));
            }
            long expected = naive.values().stream().filter(s -> s.size() > 1).count();
            List<ScanFinding> found = scan(f);
            assertEquals(expected, found.size(), "seed " + seed);
            for (ScanFinding x : found) {
                assertEquals(naive.get(x.spns().get(0).toLowerCase()).size(), x.accounts().size(), "seed " + seed);
                assertTrue(x.cause() == CauseId.DUPLICATE_SPN);
            }
        }
    }
}
