package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forest of three domains on three in-memory "domain controllers" plus a fourth server as the global catalog,
 * which (like AD's) holds every account but not msDS-AllowedToDelegateTo, and holds one SPN value that its DC has
 * since removed (replication lag). Proves that reads, writes and delegation searches reach each account's own DC.
 */
class OwnDomainTest {
    private static final String A = "DC=a,DC=test";
    private static final String CHILD = "DC=child,DC=a,DC=test";
    private static final String B = "DC=b,DC=test";
    private static final String CONFIG = "CN=Configuration," + A;

    private InMemoryDirectoryServer dcA;
    private InMemoryDirectoryServer dcChild;
    private InMemoryDirectoryServer dcB;
    private InMemoryDirectoryServer gc;
    private final List<String> opened = new ArrayList<>();
    private final List<LDAPConnectionPool> pools = new ArrayList<>();
    private boolean childDown;

    @BeforeEach
    void forest() throws Exception {
        dcA = server(A, CONFIG);
        dcChild = server(CHILD);
        dcB = server(B);
        gc = server(A, B);
        ldif(dcA, "dn: " + A, "objectClass: domain", "dc: a");
        ldif(dcA, "dn: " + CONFIG, "objectClass: container", "cn: Configuration");
        ldif(dcA, "dn: CN=Partitions," + CONFIG, "objectClass: container", "cn: Partitions");
        crossRef("A", A, "a.test", 3);
        crossRef("CHILD", CHILD, "child.a.test", 3);
        crossRef("B", B, "b.test", 3);
        crossRef("Zones", "DC=DomainDnsZones," + A, "DomainDnsZones.a.test", 5);
        crossRef("Schema", "CN=Schema," + CONFIG, "a.test", 1);
        ldif(dcChild, "dn: " + CHILD, "objectClass: domain", "dc: child");
        ldif(dcB, "dn: " + B, "objectClass: domain", "dc: b");
        ldif(gc, "dn: " + A, "objectClass: domain", "dc: a");
        ldif(gc, "dn: " + CHILD, "objectClass: domain", "dc: child");
        ldif(gc, "dn: " + B, "objectClass: domain", "dc: b");
        for (InMemoryDirectoryServer s : List.of(dcA, dcChild, dcB, gc)) {
            for (String base : s == gc ? List.of(A, CHILD, B) : List.of(s == dcA ? A : s == dcB ? B : CHILD)) {
                ldif(s, "dn: CN=Users," + base, "objectClass: container", "cn: Users");
                ldif(s, "dn: CN=Computers," + base, "objectClass: container", "cn: Computers");
            }
        }

        // web01.child.a.test: its computer delegates to a SQL service; its HTTP/ name is on a service account in b.test
        account(dcChild, "CN=WEB01,CN=Computers," + CHILD, "WEB01$", "computer", "web01.child.a.test",
                List.of("HOST/web01.child.a.test", "HOST/WEB01"), List.of("MSSQLSvc/db01.b.test:1433"));
        account(gc, "CN=WEB01,CN=Computers," + CHILD, "WEB01$", "computer", "web01.child.a.test",
                List.of("HOST/web01.child.a.test", "HOST/WEB01", "HTTP/web01.child.a.test:8080"), List.of());
        account(dcB, "CN=svc-web,CN=Users," + B, "svc-web", "user", null,
                List.of("HTTP/web01.child.a.test"), List.of("HTTP/intranet.b.test"));
        account(gc, "CN=svc-web,CN=Users," + B, "svc-web", "user", null, List.of("HTTP/web01.child.a.test"), List.of());
        // delegators in two domains, invisible to the GC's copy
        account(dcA, "CN=portal,CN=Users," + A, "portal", "user", null, List.of(), List.of("HTTP/web01.child.a.test"));
        account(gc, "CN=portal,CN=Users," + A, "portal", "user", null, List.of(), List.of());
        account(dcB, "CN=batch,CN=Users," + B, "batch", "user", null, List.of(), List.of("http/WEB01.child.a.test"));
        account(gc, "CN=batch,CN=Users," + B, "batch", "user", null, List.of(), List.of());
    }

    @AfterEach
    void stop() {
        pools.forEach(LDAPConnectionPool::close);
        for (InMemoryDirectoryServer s : List.of(dcA, dcChild, dcB, gc)) {
            s.shutDown(true);
        }
    }

    private LdapDirectory directory(String configurationContext) throws Exception {
        LDAPConnectionPool home = pool(dcA);
        LDAPConnectionPool forest = pool(gc);
        Map<String, InMemoryDirectoryServer> byName = Map.of("child.a.test", dcChild, "b.test", dcB);
        DomainRouter router = DomainRouter.forest(home, A, configurationContext, dns -> {
            opened.add(dns);
            if (childDown && dns.equals("child.a.test")) {
                throw new DirectoryException(DirectoryException.Kind.UNREACHABLE, "No domain controller of child.a.test answered.");
            }
            try {
                return new LDAPConnectionPool(new LDAPConnection("127.0.0.1", byName.get(dns).getListenPort()), 1);
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                throw new IllegalStateException(e);
            }
        }, 10);
        return new LdapDirectory(forest, "", router, new DirectoryInfo(false, "gc", "test", false), 10, () -> {});
    }

    @Test
    void lookupReReadsAccountsInTheirOwnDomains() throws Exception {
        try (LdapDirectory dir = directory(CONFIG)) {
            LookupResult r = dir.lookup(TargetName.parse("web01.child.a.test"));
            Account computer = r.computer().orElseThrow();
            assertEquals(List.of("MSSQLSvc/db01.b.test:1433"), computer.allowedToDelegateTo(),
                    "delegation comes from the child domain's DC; the GC copy has none");
            assertFalse(computer.holds(Spn.parse("HTTP/web01.child.a.test:8080")),
                    "the DC's current SPNs replace the GC's stale copy");
            Account service = r.accounts().stream().filter(a -> a.ref().samAccountName().equals("svc-web")).findFirst().orElseThrow();
            assertEquals(List.of("HTTP/intranet.b.test"), service.allowedToDelegateTo());
            LookupResult.Status status = r.status(r.registration(Spn.parse("HTTP/web01.child.a.test")).orElseThrow());
            assertEquals(LookupResult.Status.WRONG_ACCOUNT, status);
            assertEquals(List.of("child.a.test", "b.test"), opened, "one pool per other domain, opened on first use");
        }
    }

    @Test
    void aLookupWhoseOwnDomainCannotBeReachedFailsInsteadOfUsingThePartialCopy() throws Exception {
        childDown = true;
        try (LdapDirectory dir = directory(CONFIG)) {
            DirectoryException e = assertThrows(DirectoryException.class, () -> dir.lookup(TargetName.parse("web01.child.a.test")));
            assertTrue(e.getMessage().contains("child.a.test"), e.getMessage());
        }
    }

    @Test
    void readsAndWritesGoToTheAccountsOwnDomain() throws Exception {
        try (LdapDirectory dir = directory(CONFIG)) {
            String dn = "CN=svc-web,CN=Users," + B;
            Account read = dir.readAccount(dn).orElseThrow();
            assertEquals(List.of("HTTP/intranet.b.test"), read.allowedToDelegateTo());
            AccountRef ref = read.ref();
            dir.apply(new SpnChange.Add(ref, Spn.parse("HTTP/intranet.b.test")));
            dir.apply(new SpnChange.Remove(ref, Spn.parse("HTTP/web01.child.a.test")));
            assertEquals(List.of("HTTP/intranet.b.test"), List.of(dcB.getEntry(dn).getAttributeValues("servicePrincipalName")));
            assertEquals(List.of("HTTP/web01.child.a.test"), List.of(gc.getEntry(dn).getAttributeValues("servicePrincipalName")),
                    "the global catalog is never written");
            assertEquals(List.of("b.test"), opened, "the pool for b.test is reused");
            assertTrue(dir.readAccount("CN=gone,CN=Users," + B).isEmpty());
        }
    }

    @Test
    void delegationIsSearchedInEveryDomainNotInTheGlobalCatalog() throws Exception {
        try (LdapDirectory dir = directory(CONFIG)) {
            List<String> names = dir.findDelegatingTo(Spn.parse("HTTP/web01.child.a.test")).stream()
                    .map(a -> a.ref().samAccountName()).sorted().toList();
            assertEquals(List.of("batch", "portal"), names, "found in a.test and b.test, case-insensitively");
        }
    }

    @Test
    void theHomeDomainIsServedWithoutReadingTheCrossRefs() throws Exception {
        // a configuration context that does not exist: any crossRef read would fail
        try (LdapDirectory dir = directory("CN=Nowhere," + A)) {
            assertEquals("portal", dir.readAccount("CN=portal,CN=Users," + A).orElseThrow().ref().samAccountName());
            DirectoryException e = assertThrows(DirectoryException.class, () -> dir.readAccount("CN=svc-web,CN=Users," + B));
            assertTrue(e.getMessage().contains("domains of the forest"), e.getMessage());
            assertTrue(opened.isEmpty());
        }
    }

    @Test
    void routingPicksTheMostSpecificNamingContext() throws Exception {
        try (DomainRouter router = DomainRouter.forest(pool(dcA), A, CONFIG, null, 10)) {
            assertEquals(List.of(A, B, CHILD), router.domains().stream().map(DomainRouter.Domain::namingContext).toList(),
                    "domain crossRefs only (systemFlags bit 2), home first, then by DNS name");
            Map<DomainRouter.Domain, List<String>> groups = router.byDomain(List.of("CN=x,CN=Users," + CHILD,
                    "CN=y,OU=Sales," + A, "CN=z," + B, "CN=w,DC=elsewhere,DC=org"));
            assertEquals(3, groups.size());
            assertEquals(List.of("CN=x,CN=Users," + CHILD), groups.get(new DomainRouter.Domain(CHILD, "child.a.test")));
            DirectoryException e = assertThrows(DirectoryException.class, () -> router.connectionFor("CN=z," + B));
            assertTrue(e.getMessage().contains("b.test") && e.getMessage().contains("a.test"), e.getMessage());
            assertEquals(DirectoryException.Kind.NO_SUCH_ACCOUNT,
                    assertThrows(DirectoryException.class, () -> router.connectionFor("CN=w,DC=elsewhere,DC=org")).kind());
        }
    }

    @Test
    void aSingleConnectionRouterServesEverythingFromOneConnection() throws Exception {
        LDAPConnectionPool one = pool(gc);
        try (DomainRouter router = DomainRouter.single(one)) {
            assertFalse(router.knowsDomains());
            assertTrue(router.domains().isEmpty());
            assertTrue(router.connectionFor("CN=z," + B) == one);
        }
    }

    private LDAPConnectionPool pool(InMemoryDirectoryServer s) throws Exception {
        LDAPConnectionPool p = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", s.getListenPort()), 1);
        pools.add(p);
        return p;
    }

    private void crossRef(String cn, String nc, String dnsRoot, int flags) throws Exception {
        ldif(dcA, "dn: CN=" + cn + ",CN=Partitions," + CONFIG, "objectClass: crossRef", "cn: " + cn, "nCName: " + nc,
                "dnsRoot: " + dnsRoot, "systemFlags: " + flags);
    }

    private static void account(InMemoryDirectoryServer s, String dn, String sam, String cls, String dns,
                                List<String> spns, List<String> delegateTo) throws Exception {
        List<String> lines = new ArrayList<>(List.of("dn: " + dn, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: user", "distinguishedName: " + dn,
                "sAMAccountName: " + sam, "userAccountControl: " + (cls.equals("computer") ? 4096 : 512)));
        if (cls.equals("computer")) {
            lines.add("objectClass: computer");
        }
        if (dns != null) {
            lines.add("dNSHostName: " + dns);
        }
        spns.forEach(v -> lines.add("servicePrincipalName: " + v));
        delegateTo.forEach(v -> lines.add("msDS-AllowedToDelegateTo: " + v));
        ldif(s, lines.toArray(String[]::new));
    }

    private static void ldif(InMemoryDirectoryServer s, String... lines) throws Exception {
        s.add(lines);
    }

    private static InMemoryDirectoryServer server(String... bases) throws Exception {
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(bases);
        cfg.setSchema(null);
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer s = new InMemoryDirectoryServer(cfg);
        s.startListening();
        return s;
    }
}
