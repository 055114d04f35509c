package io.github.spndoctor.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
