package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests with seeded random generators (plain JUnit): whatever the text, parsing and diagnosing never throw
 * and always produce a well-formed result. Time per input is measured by {@code DiagnosisBenchmark}, not here.
 */
class SymptomParserPropertyTest {
    private static final long SEED = 0x5EED_D1A6L;
    private static final List<String> FRAGMENTS = List.of(
            "0x80090322", "An unknown security error occurred", "KRB_AP_ERR_MODIFIED", "-ComputerName ", "HTTP/",
            "Enter-PSSession ", "Cannot find the computer ", "TrustedHosts", "\\n", "\n", "\r\n", "  ", "<", ">", "$",
            "(", ")", "*", "\\", "\u0000", "\uFFFF", "\uD83D\uDE00", "\uD800", "Ω", "日本語", "العربية", "кириллица",
            "Zugriff verweigert", ":5985", "10.0.0.", "::1", "[", "]", "'", "\"", ".contoso.com", "setspn -X",
            "found 0 group of duplicate SPNs", "0x", "-", "8009", "2148074274", "\t", "a".repeat(300));

    /** A well-formed symptom and diagnosis for {@code text}: checks the invariants every caller relies on. */
    private static void check(String text) {
        Symptom s = SymptomParser.parse(text);
        assertNotNull(s);
        assertTrue(s.scanned() <= SymptomParser.HEAD + SymptomParser.TAIL + 1);
        assertEquals(text.length(), s.length());
        s.errors().forEach(f -> assertTrue(f.matched().length() <= 161));
        assertEquals(s.errors().size(), s.errors().stream().map(Fact::value).distinct().count(), "one fact per error");
        Diagnosis d = Diagnoser.diagnose(s, Optional.empty());
        assertFalse(d.causes().isEmpty());
        for (int i = 1; i < d.causes().size(); i++) {
            assertTrue(d.causes().get(i - 1).confidence() >= d.causes().get(i).confidence(), "best first");
        }
    }

    @Test
    void parse_binaryNoise_neverThrows() {
        Random r = new Random(SEED);
        for (int i = 0; i < 120; i++) {
            char[] c = new char[r.nextInt(5000)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) r.nextInt(0x10000);
            }
            check(new String(c));
        }
    }

    @Test
    void parse_bytesDecodedAsLatin1_neverThrow() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(8000)];
            r.nextBytes(b);
            check(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void parse_randomMixOfMeaningfulFragments_neverThrows() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 250; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
                if (r.nextInt(4) == 0) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
            }
            check(sb.toString());
        }
    }

    @Test
    void parse_mixedScripts_neverThrowAndStillFindTheCode() {
        Random r = new Random(SEED + 3);
        int[][] ranges = {{0x0400, 0x04FF}, {0x0600, 0x06FF}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0x0590, 0x05FF},
                {0x1F300, 0x1F6FF}, {0x0300, 0x036F}};
        for (int i = 0; i < 100; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 400; j++) {
                int[] range = ranges[r.nextInt(ranges.length)];
                sb.appendCodePoint(range[0] + r.nextInt(range[1] - range[0]));
                if (r.nextInt(20) == 0) {
                    sb.append(' ');
                }
            }
            sb.insert(r.nextInt(sb.length()), " 0x80090322 ");
            String text = sb.toString();
            check(text);
            assertTrue(SymptomParser.parse(text).has(KnownError.SEC_E_WRONG_PRINCIPAL));
        }
    }

    @Test
    void parse_tenMegabytes_isBoundedAndSaysSo() {
        Random r = new Random(SEED + 4);
        StringBuilder sb = new StringBuilder(10 * 1024 * 1024);
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size()))).append(' ');
        }
        String text = sb.toString();
        check(text);
        Symptom s = SymptomParser.parse(text);
        assertTrue(s.truncated());
        assertTrue(s.note().isPresent());
    }

    @Test
    void parse_codeRepeatedAMillionTimes_isOneFact() {
        String text = "0x80090322 ".repeat(1_000_000);
        check(text);
        Symptom s = SymptomParser.parse(text);
        assertEquals(1, s.errors().size());
        assertTrue(s.truncated());
    }

    @Test
    void parse_messageRepeated_andPathologicalRuns_neverThrow() {
        check("An unknown security error occurred. ".repeat(50_000));
        check("a".repeat(2_000_000));
        check(" ".repeat(1_000_000));
        check("\\".repeat(500_000));
        check("-ComputerName ".repeat(100_000));
        check("HTTP/".repeat(200_000));
        check("works with ".repeat(100_000));
        check("[a]: PS C:\\".repeat(50_000));
    }

    @Test
    void parse_ldapFilterInjectionText_isJustText() {
        check("Enter-PSSession -ComputerName *)(servicePrincipalName=*))(|(cn=*");
        Symptom s = SymptomParser.parse("Enter-PSSession -ComputerName *)(servicePrincipalName=*))(|(cn=*");
        assertTrue(s.target().isEmpty(), "an injection string is not a server name");
    }
}
