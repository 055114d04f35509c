package io.github.spndoctor.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetNameTest {
    @Test
    void splitsFqdn() {
        TargetName t = TargetName.parse("srv003.rwwilden01.local");
        assertEquals("srv003", t.shortName());
        assertEquals("srv003.rwwilden01.local", t.fqdn().orElseThrow());
        assertEquals(TargetName.Kind.FQDN, t.kind());
        assertEquals("SRV003$", t.computerSamAccountName());
    }

    @Test
    void takesHostFromUrlsAndUncPaths() {
        assertEquals("web01.contoso.com", TargetName.parse("http://web01.contoso.com:5985/wsman").asTyped());
        assertEquals("web01", TargetName.parse("\\\\web01\\c$").asTyped());
    }

    @Test
    void recognisesAddresses() {
        assertEquals(TargetName.Kind.IPV4, TargetName.parse("10.0.0.5").kind());
        assertEquals(TargetName.Kind.IPV6, TargetName.parse("fe80::1").kind());
        assertEquals(TargetName.Kind.LOCALHOST, TargetName.parse("localhost").kind());
        assertFalse(TargetName.parse("10.0.0.5").isDnsName());
    }

    @Test
    void rejectsJunkAndInjection() {
        assertThrows(IllegalArgumentException.class, () -> TargetName.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TargetName.parse("srv*)(objectClass=*"));
        assertThrows(IllegalArgumentException.class, () -> TargetName.parse("x".repeat(10_000_000)));
        assertThrows(IllegalArgumentException.class, () -> TargetName.parse("a..b"));
    }

    /** Issue 9: DOMAIN\\host gives the host (and notes the NetBIOS domain). */
    @Test
    void netbiosDomainForm_givesTheHost() {
        assertEquals("srv003", TargetName.parse("CONTOSO\\srv003").asTyped());
        assertEquals("srv003", TargetName.parse("RWWILDEN01\\SRV003$").asTyped().toLowerCase());
        TargetInput in = TargetName.read("CONTOSO\\srv003");
        assertEquals("CONTOSO", in.netbiosDomain().orElseThrow());
        assertTrue(in.notes().stream().anyMatch(n -> n.contains("CONTOSO")), in.notes().toString());
    }

    /** Issue 9: an SPN pasted as target gives its host and port. */
    @Test
    void spnForm_givesTheHostAndPort() {
        assertEquals("srv003.contoso.com", TargetName.parse("HTTP/srv003.contoso.com:5985").asTyped());
        assertEquals("srv003", TargetName.parse("WSMAN/srv003").asTyped());
        TargetInput in = TargetName.read("HTTP/srv003.contoso.com:5985");
        assertEquals(5985, in.port().orElseThrow());
        assertEquals("HTTP", in.serviceClass().orElseThrow());
        assertEquals("srv003.contoso.com", TargetName.parse("srv003.contoso.com/wsman").asTyped(), "a host with a path stays a host");
        assertEquals(5986, TargetName.read("https://srv003:5986/wsman").port().orElseThrow());
    }

    /** Issue 9: ports outside 1-65535 (or not numbers) are refused with a message saying so. */
    @Test
    void portOutOfRange_isRefused() {
        for (String bad : new String[] {"srv003:99999", "srv003:0", "HTTP/srv003:70000", "http://srv003:65536/wsman", "srv003:abc"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetName.parse(bad), bad);
            assertTrue(e.getMessage().contains("port") || e.getMessage().contains("Port"), e.getMessage());
        }
        assertEquals(65535, TargetName.read("srv003:65535").port().orElseThrow());
        assertEquals(1, TargetName.read("srv003:1").port().orElseThrow());
    }

    /** Issue 9: invisible and look-alike characters are refused, naming the character and its position. */
    @Test
    void invisibleAndLookAlikeCharacters_areNamedWithTheirPosition() {
        String[][] cases = {
                {"srv\u200B003", "U+200B", "ZERO WIDTH SPACE", "position 4"},
                {"\uFF53rv003", "U+FF53", "FULLWIDTH LATIN SMALL LETTER S", "position 1"},
                {"srv003.c\u043Entoso.com", "U+043E", "CYRILLIC SMALL LETTER O", "position 9"},
                {"srv003\u00A0", "U+00A0", "NO-BREAK SPACE", "position 7"},
                {"srv\u0007003", "U+0007", "", "position 4"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetName.parse(c[0]));
            for (int i = 1; i < c.length; i++) {
                assertTrue(e.getMessage().contains(c[i]), c[i] + " missing in: " + e.getMessage());
            }
        }
    }
}
