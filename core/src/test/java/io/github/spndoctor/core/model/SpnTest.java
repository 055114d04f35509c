package io.github.spndoctor.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalInt;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpnTest {
    @Test
    void parsesAllParts() {
        Spn spn = Spn.parse("MSSQLSvc/sql01.contoso.com:1433/instance");
        assertEquals("MSSQLSvc", spn.serviceClass());
        assertEquals("sql01.contoso.com", spn.host());
        assertEquals(OptionalInt.of(1433), spn.port());
        assertEquals("instance", spn.serviceName().orElseThrow());
    }

    @Test
    void formatRoundTripsAndIdentityIgnoresCase() {
        Spn a = Spn.parse("HTTP/Srv003.RWWilden01.local:5985");
        assertEquals("HTTP/Srv003.RWWilden01.local:5985", a.toString());
        assertEquals(a, Spn.parse("http/srv003.rwwilden01.local:5985"));
        assertEquals(a.hashCode(), Spn.parse("http/srv003.rwwilden01.local:5985").hashCode());
        assertNotEquals(a, Spn.parse("HTTP/srv003.rwwilden01.local"));
        assertEquals(a, Spn.of("HTTP", "srv003.rwwilden01.local", OptionalInt.of(5985)));
    }

    @Test
    void randomWellFormedSpnsRoundTrip() {
        Random rnd = new Random(4549715);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        for (int i = 0; i < 2000; i++) {
            String cls = word(rnd, alphabet, 1 + rnd.nextInt(12));
            String host = word(rnd, alphabet, 1 + rnd.nextInt(15)) + (rnd.nextBoolean() ? "." + word(rnd, alphabet, 1 + rnd.nextInt(10)) : "");
            OptionalInt port = rnd.nextBoolean() ? OptionalInt.of(1 + rnd.nextInt(65535)) : OptionalInt.empty();
            Spn spn = Spn.of(cls, host, port);
            Spn again = Spn.parse(spn.toString());
            assertEquals(spn, again);
            assertEquals(cls, again.serviceClass());
            assertEquals(host, again.host());
            assertEquals(port, again.port());
            assertEquals(spn, Spn.parse(spn.toString().toUpperCase()));
        }
    }

    private static String word(Random rnd, String alphabet, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "HTTP", "/host", "HTTP/", "HTTP/host:", "HTTP/host:99999", "HTTP/host:0",
        "HTTP/host:abc", "HTTP/ho st", "HTTP/host)(objectClass=*", "HTTP/*", "HTTP/host\u0000", "HTTP/host//x"})
    void rejectsMalformedInputWithAMessage(String text) {
        SpnFormatException e = assertThrows(SpnFormatException.class, () -> Spn.parse(text));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void rejectsHugeInputWithoutEchoingIt() {
        String huge = "HTTP/" + "a".repeat(10_000_000);
        SpnFormatException e = assertThrows(SpnFormatException.class, () -> Spn.parse(huge));
        assertTrue(e.getMessage().length() < 200, "message must not echo the paste");
    }
}
