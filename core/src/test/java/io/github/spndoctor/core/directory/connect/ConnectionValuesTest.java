package io.github.spndoctor.core.directory.connect;

import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Mode;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionValuesTest {
    @Test
    void fingerprintsAreNormalisedAndValidated() {
        String canonical = ("AB:".repeat(32)).substring(0, 95);
        assertEquals(canonical, Trust.normaliseFingerprint("ab".repeat(32)));
        assertEquals(canonical, Trust.normaliseFingerprint("SHA256:" + "ab ".repeat(32)));
        assertEquals(canonical, Trust.fingerprint(canonical.toLowerCase()).value());
        assertThrows(IllegalArgumentException.class, () -> Trust.normaliseFingerprint("ab".repeat(31)));
        assertThrows(IllegalArgumentException.class, () -> Trust.normaliseFingerprint("zz".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> Trust.caFile(" "));
    }

    @Test
    void profileDefaultsAndRefusals() {
        ConnectionProfile p = ConnectionProfile.ldaps("dc1", "a@b.c", null);
        assertEquals(636, p.effectivePort());
        assertEquals(3269, p.effectiveGcPort());
        assertTrue(p.readOnly());
        assertEquals(Trust.system(), p.trust());
        assertEquals(BindKind.SIMPLE_UPN, p.bindKind());
        assertEquals(BindKind.SIMPLE_DN, ConnectionProfile.ldaps("dc1", "CN=a,DC=b", null).bindKind());
        assertEquals(389, p.withSecurity(Security.STARTTLS).effectivePort());
        assertEquals(3268, p.withSecurity(Security.STARTTLS).effectiveGcPort());
        assertTrue(p.needsPassword());
        assertFalse(p.withBind(BindKind.GSSAPI, null).needsPassword());
        assertThrows(IllegalArgumentException.class, () -> new ConnectionProfile(null, Mode.LIVE, null, null, 0, null,
                null, 0, null, null, null, null, false, true, null, null, null), "no host, no domain");
        assertThrows(IllegalArgumentException.class, () -> p.withBind(BindKind.SIMPLE_DN, null));
        assertThrows(IllegalArgumentException.class, () -> p.withBind(BindKind.SIMPLE_UPN, "nobody"));
        assertThrows(IllegalArgumentException.class, () -> p.withPort(70000));
    }

    @Test
    void srvRecordsParse() {
        var e = SrvDiscovery.parse("0 100 389 DC1.lab.test.").orElseThrow();
        assertEquals("dc1.lab.test", e.host());
        assertEquals(389, e.port());
        assertEquals(100, e.weight());
        assertTrue(SrvDiscovery.parse("0 0 0 .").isEmpty(), "'.' = service not offered");
        assertTrue(SrvDiscovery.parse("garbage").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SrvDiscovery(null, 100).domainControllers("a;b)(x=*"));
    }

    @Test
    void forestDnsNameFromTheRootDomainDn() {
        assertEquals("lab.test", Connector.dnsName("DC=lab,DC=test"));
        assertEquals("corp.example.com", Connector.dnsName("dc=Corp, DC=Example,DC=com"));
        assertEquals(null, Connector.dnsName("CN=Configuration"));
    }
}
