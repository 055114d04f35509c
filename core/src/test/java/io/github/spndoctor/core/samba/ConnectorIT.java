package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.UntrustedCertificateException;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.directory.connect.Trust;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections to the Samba AD DC: transports, binds, certificate validation, refusals. */
class ConnectorIT {
    @BeforeEach
    void lab() {
        SambaLab.require();
    }

    private static String holderOf(Directory dir, String target, String spn) throws DirectoryException {
        LookupResult r = dir.lookup(TargetName.parse(target));
        return r.registration(Spn.parse(spn)).orElseThrow().holders().get(0).samAccountName();
    }

    @Test
    void ldapsSimpleBindWithDnAndCaFile() throws Exception {
        ConnectionProfile p = SambaLab.profile().withBind(BindKind.SIMPLE_DN, SambaLab.bindDn());
        try (Directory dir = Connector.open(p, SambaLab.password().toCharArray())) {
            assertEquals("svc-srv003-web$", holderOf(dir, "srv003.lab.test", "HTTP/srv003.lab.test"));
            String dn = dir.lookup(TargetName.parse("srv003.lab.test")).computer().orElseThrow().ref().dn();
            assertEquals("SRV003$", dir.readAccount(dn).orElseThrow().ref().samAccountName(), "domain DC pool (lazy) reads");
            assertTrue(dir.info().readOnly());
            assertTrue(dir.info().banner().startsWith("LIVE · 127.0.0.1:636 · GC 127.0.0.1:3269"), dir.info().banner());
        }
    }

    @Test
    void startTlsSimpleBindWithUpn() throws Exception {
        ConnectionProfile p = SambaLab.profile().withSecurity(Security.STARTTLS);
        try (Directory dir = Connector.open(p, SambaLab.password().toCharArray())) {
            assertEquals("crmIisPoolServiceAccount", holderOf(dir, "DYNAMICS-CRM", "http/DYNAMICS-CRM"));
            assertTrue(dir.info().server().contains(":389"), dir.info().server());
        }
    }

    @Test
    void readOnlyProfileRefusesWrites() throws Exception {
        try (Directory dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray())) {
            var holder = dir.lookup(TargetName.parse("srv003.lab.test")).registration(Spn.parse("HTTP/srv003.lab.test"))
                    .orElseThrow().holders().get(0);
            DirectoryException e = assertThrows(DirectoryException.class,
                    () -> dir.apply(new SpnChange.Remove(holder, Spn.parse("HTTP/srv003.lab.test"))));
            assertEquals(DirectoryException.Kind.READ_ONLY, e.kind());
            assertEquals("svc-srv003-web$", holderOf(dir, "srv003.lab.test", "HTTP/srv003.lab.test"));
        }
    }

    @Test
    void plainSimpleBindIsRefusedByUsWithoutTouchingTheNetwork() {
        ConnectionProfile p = SambaLab.profile().withSecurity(Security.PLAIN).withPort(389);
        DirectoryException e = assertThrows(DirectoryException.class, () -> Connector.open(p, "x".toCharArray()));
        assertEquals(DirectoryException.Kind.ENCRYPTION_REQUIRED, e.kind());
        assertTrue(e.getMessage().contains("clear text"), e.getMessage());
    }

    @Test
    void plainSimpleBindAllowedByUserIsRefusedByTheDcWithResult8() {
        ConnectionProfile p = SambaLab.profile().withSecurity(Security.PLAIN).withPort(389).withAllowPlain(true);
        DirectoryException e = assertThrows(DirectoryException.class,
                () -> Connector.open(p, SambaLab.password().toCharArray()).close());
        assertEquals(DirectoryException.Kind.ENCRYPTION_REQUIRED, e.kind(), e.getMessage() + " / " + e.detail());
        assertTrue(e.detail().startsWith("LDAP result 8"), e.detail());
    }

    @Test
    void wrongPasswordIsResult49() {
        DirectoryException e = assertThrows(DirectoryException.class,
                () -> Connector.open(SambaLab.profile(), "not-the-password".toCharArray()).close());
        assertEquals(DirectoryException.Kind.NOT_AUTHENTICATED, e.kind(), e.detail());
        assertTrue(e.detail().contains("49"), e.detail());
        assertFalse(e.getMessage().contains("global catalog"), "a rejected password says so: " + e.getMessage());
    }

    @Test
    void untrustedCertificateIsRefusedWithItsFingerprintThenPinningItWorks() throws Exception {
        byte[] der = serverCertificate().getEncoded();
        String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        ConnectionProfile systemTrust = SambaLab.profile().withTrust(Trust.system());
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> Connector.open(systemTrust, SambaLab.password().toCharArray()).close());
        assertEquals(expected, e.sha256Fingerprint());
        assertTrue(e.subject().toLowerCase().contains("dc1") || !e.subject().isEmpty(), e.subject());
        assertTrue(e.getMessage().contains(expected));

        try (Directory dir = Connector.open(SambaLab.profile().withTrust(Trust.fingerprint(e.sha256Fingerprint())),
                SambaLab.password().toCharArray())) {
            assertEquals("svc-srv003-web$", holderOf(dir, "srv003.lab.test", "HTTP/srv003.lab.test"));
        }
        String wrong = expected.replace(expected.substring(0, 2), expected.startsWith("00") ? "11" : "00");
        assertThrows(UntrustedCertificateException.class, () -> Connector.open(
                SambaLab.profile().withTrust(Trust.fingerprint(wrong)), SambaLab.password().toCharArray()).close());
    }

    @Test
    void gssapiBindFromTheTicketCache() throws Exception {
        SambaLab.ensureTicket();
        // Kerberos on 389 with SASL sealing (auth-conf), as Windows tools do; no password travels at all
        ConnectionProfile p = SambaLab.profile().withBind(BindKind.GSSAPI, null).withSecurity(Security.PLAIN).withPort(389);
        try (Directory dir = Connector.open(p, null)) {
            assertEquals("crmIisPoolServiceAccount", holderOf(dir, "dynamics-crm.lab.test", "http/DYNAMICS-CRM.lab.test"));
            assertTrue(dir.info().boundIdentity().contains("Kerberos"));
        }
    }

    @Test
    void domainControllersAndGlobalCatalogDiscoveredFromSrvRecords() throws Exception {
        ConnectionProfile p = ConnectionProfile.discover("lab.test", "127.0.0.1", Security.LDAPS, BindKind.SIMPLE_UPN,
                SambaLab.bindUpn(), Trust.caFile(SambaLab.caFile().toString()));
        try (Directory dir = Connector.open(p, SambaLab.password().toCharArray())) {
            assertTrue(dir.info().server().startsWith("dc1.lab.test:636"), dir.info().server());
            LookupResult r = dir.lookup(TargetName.parse("srv004.lab.test"));
            assertEquals(AccountKind.COMPUTER, r.computer().orElseThrow().ref().kind());
        }
    }

    private static X509Certificate serverCertificate() throws Exception {
        byte[] pem = Files.readAllBytes(SambaLab.labDir().resolve("tls").resolve("cert.pem"));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }
}
