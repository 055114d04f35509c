package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.diagnosis.FakeNameResolver;
import io.github.spndoctor.core.symptom.Client;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of knowledge.md §7.3, against an in-memory DNS where web.corp.test is a CNAME with a reverse name. */
class ClientModelTest {
    /** portal.corp.test → CNAME web01.corp.test → 10.0.0.5 → PTR WEB01.corp.test.; short "Portal" has no record. */
    static final FakeNameResolver DNS = new FakeNameResolver()
            .cname("portal.corp.test", "web01.corp.test.")
            .a("web01.corp.test", "10.0.0.5")
            .ptr("10.0.0.5", "WEB01.corp.test.")
            .a("srv9.corp.test", "10.0.0.9");

    static String spn(String typed, WinrmClient c, ClientSettings s) {
        return ClientModel.requested(Endpoint.parse(typed), c, s, DNS).spn().map(Object::toString).orElse("none");
    }

    @Test
    void windowsClientsAskForHttpAsTypedWithoutDns() {
        for (WinrmClient c : new WinrmClient[]{WinrmClient.POWERSHELL, WinrmClient.SERVER_MANAGER, WinrmClient.WAC, WinrmClient.WINRS}) {
            assertEquals("HTTP/Portal.corp.test", spn("Portal.corp.test", c, ClientSettings.DEFAULT), c.id());
            assertEquals("HTTP/portal", spn("portal", c, ClientSettings.DEFAULT), c.id());
        }
    }

    @Test
    void includePortOnlyWhereTheClientOffersIt() {
        ClientSettings port = ClientSettings.DEFAULT.withIncludePort(true);
        assertEquals("HTTP/srv9.corp.test:5985", spn("srv9.corp.test", WinrmClient.POWERSHELL, port));
        assertEquals("HTTP/srv9.corp.test:5986", spn("https://srv9.corp.test/wsman", WinrmClient.POWERSHELL, port));
        assertEquals("HTTP/srv9.corp.test:8080", spn("srv9.corp.test:8080", WinrmClient.WINRS, port));
        for (WinrmClient c : new WinrmClient[]{WinrmClient.SERVER_MANAGER, WinrmClient.WAC, WinrmClient.PYWINRM}) {
            SpnRequest r = ClientModel.requested(Endpoint.parse("srv9.corp.test"), c, port, DNS);
            assertFalse(r.spn().orElseThrow().port().isPresent(), c.id());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("cannot put the port")), c.id());
        }
    }

    @Test
    void registrySpnPrefixChangesTheClassOfWindowsClients() {
        ClientSettings wsman = ClientSettings.DEFAULT.withSpnPrefix("wsman");
        assertEquals("WSMAN/srv9", spn("srv9", WinrmClient.POWERSHELL, wsman));
        assertEquals("WSMAN/srv9.corp.test", spn("srv9.corp.test", WinrmClient.SERVER_MANAGER, wsman));
        assertEquals("WSMAN/srv9.corp.test:5985", spn("srv9.corp.test", WinrmClient.POWERSHELL, wsman.withIncludePort(true)));
        SpnRequest host = ClientModel.requested(Endpoint.parse("srv9"), WinrmClient.WAC, ClientSettings.DEFAULT.withSpnPrefix("HOST"), DNS);
        assertEquals("HOST/srv9", host.spn().orElseThrow().toString());
        assertTrue(host.notes().stream().anyMatch(n -> n.contains("not verified")));
    }

    @Test
    void mitClientsFollowCnamesThenTheReverseNameAndLowerCase() {
        for (WinrmClient c : new WinrmClient[]{WinrmClient.PYWINRM, WinrmClient.ANSIBLE_WINRM, WinrmClient.PWSH_LINUX, WinrmClient.EVIL_WINRM}) {
            assertEquals("HTTP/web01.corp.test", spn("Portal.corp.test", c, ClientSettings.DEFAULT), c.id());
        }
        SpnRequest r = ClientModel.requested(Endpoint.parse("portal.corp.test"), WinrmClient.PYWINRM, ClientSettings.DEFAULT, DNS);
        assertTrue(r.derivation().contains("CNAME portal.corp.test → web01.corp.test"), r.derivation().toString());
        assertTrue(r.derivation().contains("reverse lookup of 10.0.0.5 → WEB01.corp.test"), r.derivation().toString());
    }

    @Test
    void mitSwitchesTurnTheRewritingOff() {
        assertEquals("HTTP/web01.corp.test", spn("portal.corp.test", WinrmClient.PYWINRM, ClientSettings.DEFAULT.withRdns(false)));
        assertEquals("HTTP/portal.corp.test", spn("Portal.corp.test", WinrmClient.PYWINRM, ClientSettings.DEFAULT.withDnsCanonicalize(false)));
        // a name without a reverse record keeps its forward name
        assertEquals("HTTP/srv9.corp.test", spn("SRV9.corp.test", WinrmClient.PYWINRM, ClientSettings.DEFAULT));
        // a name DNS does not know is kept, lower-cased
        assertEquals("HTTP/ghost.corp.test", spn("Ghost.corp.test", WinrmClient.PYWINRM, ClientSettings.DEFAULT));
    }

    @Test
    void hostnameOverrideReplacesTheConnectionNameForPythonClientsOnly() {
        ClientSettings o = ClientSettings.DEFAULT.withHostnameOverride("srv9.corp.test");
        assertEquals("HTTP/srv9.corp.test", spn("10.0.0.5", WinrmClient.PYWINRM, o));
        assertEquals("WSMAN/srv9.corp.test", spn("10.0.0.5", WinrmClient.PYPSRP, o));
        SpnRequest ps = ClientModel.requested(Endpoint.parse("portal.corp.test"), WinrmClient.POWERSHELL, o, DNS);
        assertEquals("HTTP/portal.corp.test", ps.spn().orElseThrow().toString());
        assertTrue(ps.notes().stream().anyMatch(n -> n.contains("no host name override")));
    }

    @Test
    void pypsrpAsksForWsmanAndAnsiblePsrpForHostSince221() {
        assertEquals("WSMAN/web01.corp.test", spn("portal.corp.test", WinrmClient.PYPSRP, ClientSettings.DEFAULT));
        assertEquals("HOST/web01.corp.test", spn("portal.corp.test", WinrmClient.ANSIBLE_PSRP, ClientSettings.DEFAULT));
        assertEquals("WSMAN/web01.corp.test", spn("portal.corp.test", WinrmClient.ANSIBLE_PSRP_LEGACY, ClientSettings.DEFAULT));
        assertEquals("HTTP/web01.corp.test", spn("portal.corp.test", WinrmClient.PYPSRP, ClientSettings.DEFAULT.withSpnPrefix("http")));
    }

    @Test
    void anIpAddressGetsNoKerberosOnWindowsButAReverseNameOnMit() {
        SpnRequest win = ClientModel.requested(Endpoint.parse("10.0.0.5"), WinrmClient.POWERSHELL, ClientSettings.DEFAULT, DNS);
        assertTrue(win.spn().isEmpty());
        assertTrue(win.notes().get(0).contains("NTLM"));
        assertEquals("HTTP/web01.corp.test", spn("10.0.0.5", WinrmClient.PYWINRM, ClientSettings.DEFAULT));
    }

    @Test
    void aCnameLoopEnds() {
        FakeNameResolver loop = new FakeNameResolver().cname("a.x", "b.x").cname("b.x", "a.x");
        SpnRequest r = ClientModel.requested(Endpoint.parse("a.x"), WinrmClient.PYWINRM, ClientSettings.DEFAULT.withRdns(false), loop);
        assertTrue(r.spn().isPresent());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("loop")));
    }

    @Test
    void everyRecognisedClientButPackerMapsOntoAModelledClient() {
        Arrays.stream(Client.values()).forEach(c ->
                assertEquals(c != Client.PACKER, WinrmClient.fromRecognised(c).isPresent(), c.name()));
        assertEquals(WinrmClient.SERVER_MANAGER, WinrmClient.fromRecognised(Client.SERVER_MANAGER).orElseThrow());
        assertEquals(WinrmClient.PYPSRP, WinrmClient.fromRecognised(Client.PYPSRP).orElseThrow());
        assertEquals(WinrmClient.POWERSHELL, WinrmClient.fromRecognised(Client.ENTER_PSSESSION).orElseThrow());
    }

    @Test
    void idsAreStableAndSettingsReject() {
        for (String id : new String[]{"powershell", "server-manager", "wac", "winrs", "pwsh-linux", "pywinrm", "ansible-winrm", "pypsrp", "ansible-psrp"}) {
            assertEquals(id, WinrmClient.byId(id).orElseThrow().id());
        }
        assertTrue(WinrmClient.byId("nope").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ClientSettings.DEFAULT.withSpnPrefix("HTTP/x"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("srv:70000"));
        assertEquals(5986, Endpoint.parse("https://srv9").port());
    }
}
