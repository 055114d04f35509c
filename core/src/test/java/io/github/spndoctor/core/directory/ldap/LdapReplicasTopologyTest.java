package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ReplicaRead;
import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: the DCs come from the directory itself — the nTDSDSA objects under CN=Sites of the configuration
 * partition, their server objects' dNSHostName and site, the IS_GC option bit, the domain each holds — and an account
 * outside a DC's own domain is read on that DC's global-catalog port. An in-memory directory with two domains and
 * two sites stands in for a forest.
 */
class LdapReplicasTopologyTest {
    static final String CONFIG = "CN=Configuration,DC=corp,DC=test";
    static final String SITES = "CN=Sites," + CONFIG;
    static final String USER = "CN=svc,CN=Users,DC=corp,DC=test";
    InMemoryDirectoryServer server;
    final List<String> dialled = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig c = new InMemoryDirectoryServerConfig("DC=test");
        c.setSchema(null);
        server = new InMemoryDirectoryServer(c);
        server.startListening();
        add("DC=test", "dc");
        add("DC=corp,DC=test", "domain");
        add(CONFIG, "container");
        add(SITES, "container");
        for (String site : List.of("Default-First-Site-Name", "Branch")) {
            add("CN=" + site + "," + SITES, "site");
            add("CN=Servers,CN=" + site + "," + SITES, "serversContainer");
        }
        dc("DC2", "Branch", "dc2.corp.test", 0, "DC=corp,DC=test", null, 2);
        dc("DC1", "Default-First-Site-Name", "dc1.corp.test", 1, "DC=corp,DC=test", null, 1);
        dc("DC3", "Branch", "dc3.sub.corp.test", 1, null, "DC=sub,DC=corp,DC=test", 3);   // no msDS-HasDomainNCs: from hasMasterNCs
        dc("OLD", "Branch", null, 1, "DC=corp,DC=test", null, 4);                          // no dNSHostName: cannot be dialled
        add("CN=Users,DC=corp,DC=test", "container");
        Entry u = new Entry(USER, new Attribute("objectClass", "user"), new Attribute("servicePrincipalName", "HTTP/web.corp.test"),
                new Attribute("uSNChanged", "4711"));
        server.add(u);
    }

    @AfterEach
    void stop() { server.shutDown(true); }

    void add(String dn, String objectClass) throws Exception {
        server.add(new Entry(dn, new Attribute("objectClass", objectClass)));
    }

    void dc(String cn, String site, String host, int options, String hasDomain, String master, int id) throws Exception {
        String serverDn = "CN=" + cn + ",CN=Servers,CN=" + site + "," + SITES;
        Entry s = new Entry(serverDn, new Attribute("objectClass", "server"));
        if (host != null) {
            s.addAttribute("dNSHostName", host);
        }
        server.add(s);
        Entry d = new Entry("CN=NTDS Settings," + serverDn, new Attribute("objectClass", "nTDSDSA"),
                new Attribute("options", String.valueOf(options)), new Attribute("invocationId", invocation(id)));
        if (hasDomain != null) {
            d.addAttribute("msDS-HasDomainNCs", hasDomain);
        }
        if (master != null) {
            d.addAttribute("hasMasterNCs", CONFIG, "DC=DomainDnsZones," + master, master);
        }
        server.add(d);
    }

    static byte[] invocation(int id) {
        byte[] b = new byte[16];
        b[15] = (byte) id;
        return b;
    }

    LdapReplicas replicas() throws Exception {
        return new LdapReplicas(server.getConnection(), CONFIG, (host, gc) -> {
            dialled.add(host + (gc ? " gc" : " dc"));
            try {
                return new LDAPConnectionPool(server.getConnection(), 1);
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                throw new IllegalStateException(e);
            }
        }, 5);
    }

    @Test
    void theDcsAreReadFromTheNtdsDsaObjects_withSiteGcAndDomain_sortedBySiteThenName() throws Exception {
        try (LdapReplicas r = replicas()) {
            List<DomainController> dcs = r.domainControllers();
            assertEquals(List.of("dc2.corp.test", "dc3.sub.corp.test", "dc1.corp.test"), dcs.stream().map(DomainController::name).toList(),
                    "sorted by site (Branch first) then name; the server without dNSHostName is left out");
            DomainController dc2 = dcs.get(0);
            DomainController dc3 = dcs.get(1);
            DomainController dc1 = dcs.get(2);
            assertEquals("Branch", dc2.site());
            assertEquals("Default-First-Site-Name", dc1.site());
            assertTrue(dc1.globalCatalog());
            assertFalse(dc2.globalCatalog());
            assertEquals("DC=corp,DC=test", dc1.domainNamingContext());
            assertEquals("DC=sub,DC=corp,DC=test", dc3.domainNamingContext(), "the domain among hasMasterNCs, not a DNS zone");
            assertEquals(HexFormat.of().formatHex(invocation(3)), dc3.invocationId());
        }
    }

    @Test
    void anAccountOutsideADcsDomainIsReadOnItsGlobalCatalogPort() throws Exception {
        try (LdapReplicas r = replicas()) {
            List<DomainController> dcs = r.domainControllers();
            ReplicaRead own = r.read(dcs.get(2), USER);
            ReplicaRead viaGc = r.read(dcs.get(1), USER, false);
            assertEquals(List.of("dc1.corp.test dc", "dc3.sub.corp.test gc"), dialled);
            assertEquals(ReplicaRead.Status.FOUND, own.status());
            assertTrue(own.holds(Spn.parse("http/WEB.corp.test")), own.toString());
            assertEquals(4711, viaGc.usnChanged());
            assertEquals(ReplicaRead.Status.ABSENT, r.read(dcs.get(2), "CN=nobody,CN=Users,DC=corp,DC=test").status());
        }
    }
}
