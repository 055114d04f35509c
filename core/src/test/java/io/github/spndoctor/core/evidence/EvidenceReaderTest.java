package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.symptom.KnownError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceReaderTest {
    @TempDir
    Path dir;

    static String fixture(String name) throws IOException {
        try (InputStream in = EvidenceReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void savedSelectedEventsGiveEvent4AndListTheRestAsNotUsed() throws IOException {
        EvidenceSet s = EvidenceReader.readFile(file("events.xml", fixture("saved-events.xml").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), s.problems());
        assertEquals(1, s.items().size());
        EvidenceItem e4 = s.items().get(0);
        assertEquals("events.xml", e4.file());
        assertEquals(EvidenceKind.EVENT_XML, e4.kind());
        assertTrue(e4.where().startsWith("event 4 (System, Microsoft-Windows-Security-Kerberos), record 81244"), e4.where());
        assertEquals("HTTP/srv003.rwwilden01.local", s.requestedSpn().orElseThrow().spn().toString());
        assertEquals("srv003$", e4.fact(EvidenceFact.Type.SERVER_ACCOUNT).orElseThrow());
        assertTrue(e4.errors().contains(KnownError.KRB_AP_ERR_MODIFIED));
        assertEquals(List.of("events.xml: event 7036 (Service Control Manager)"), s.notUsed());
    }

    @Test
    void getWinEventToXmlInUtf16WithoutWrapperReadsEveryEvent() throws IOException {
        String body = fixture("dc-security.xml").replace("<Events>", "").replace("</Events>", "");
        byte[] utf16 = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_16LE);
        for (byte[] content : new byte[][]{utf16, body.getBytes(StandardCharsets.UTF_16LE), body.getBytes(StandardCharsets.UTF_8)}) {
            EvidenceSet s = EvidenceReader.readFile(file("dc.xml", content));
            assertEquals(List.of(), s.problems());
            assertEquals(4, s.items().size(), s.items().toString());
            EvidenceItem failed = s.items().get(0);
            assertEquals("HTTP/web01.contoso.com", failed.fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
            assertEquals("KDC_ERR_S_PRINCIPAL_UNKNOWN (0x7)", failed.fact(EvidenceFact.Type.ERROR).orElseThrow());
            assertEquals("10.1.2.50", failed.fact(EvidenceFact.Type.CLIENT_ADDRESS).orElseThrow());
            assertEquals("dc01.contoso.com", failed.fact(EvidenceFact.Type.KDC).orElseThrow());
            EvidenceItem issued = s.items().get(1);
            assertEquals("svc-web$", issued.fact(EvidenceFact.Type.TICKET_ACCOUNT).orElseThrow());
            assertEquals("RC4-HMAC (23)", issued.fact(EvidenceFact.Type.ENCRYPTION).orElseThrow());
            assertTrue(s.items().get(2).errors().contains(KnownError.KRB_AP_ERR_SKEW));
            assertTrue(s.items().get(2).fact(EvidenceFact.Type.REQUESTED_SPN).isEmpty(), "krbtgt is not a requested SPN");
            assertEquals("HTTP/crm.contoso.com", s.items().get(3).fact(EvidenceFact.Type.DUPLICATE_NAME).orElseThrow());
            assertTrue(s.items().get(3).errors().contains(KnownError.KDC_DUPLICATE_NAMES));
        }
    }

    @Test
    void lsaNtlmAndWinRmEvents() throws IOException {
        EvidenceSet s = EvidenceReader.readText(fixture("client-misc.xml"), "pasted text");
        assertEquals(3, s.items().size(), s.items().toString());
        assertEquals("MSSQLSvc/sql01.contoso.com:1433", s.items().get(0).fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertTrue(s.items().get(0).errors().contains(KnownError.SEC_E_DOWNGRADE_DETECTED), s.items().get(0).toString());
        assertTrue(s.items().get(1).fact(EvidenceFact.Type.NTLM).isPresent());
        assertEquals("HTTP/10.1.2.30", s.items().get(1).fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertTrue(s.items().get(2).errors().contains(KnownError.ERROR_WSMAN_DESTINATION_UNREACHABLE), s.items().get(2).toString());
        assertEquals(1, s.notUsed().size(), "WinRM event 6 has no code: " + s.notUsed());
    }

    @Test
    void secretsInEventDataNeverReachTheFacts() {
        String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name="
                + "'Microsoft-Windows-NTLM'/><EventID>4021</EventID><Channel>Microsoft-Windows-NTLM/Operational</Channel>"
                + "</System><EventData><Data Name='TargetName'>HTTP/srv9.contoso.com</Data><Data Name='CommandLine'>"
                + "winrs -r:srv9 -u:LAB\\bob -p:Hunter2xyz cmd</Data><Data Name='Extra'>password=S3cretValue</Data>"
                + "</EventData></Event>";
        EvidenceSet s = EvidenceReader.readText(xml, "pasted text");
        String all = s.items().toString();
        assertEquals(1, s.items().size());
        assertFalse(all.contains("Hunter2xyz"), all);
        assertFalse(all.contains("S3cretValue"), all);
        assertTrue(all.contains("HTTP/srv9.contoso.com"), all);
        assertTrue(all.contains(io.github.spndoctor.core.text.Redaction.MARK), all);
    }

    @Test
    void copiedEventTextInEnglishAndGerman() throws IOException {
        EvidenceSet en = EvidenceReader.readText(fixture("event4-en.txt"), "pasted text");
        assertEquals(EvidenceKind.EVENT_TEXT, en.items().get(0).kind());
        assertEquals("HTTP/srv003.rwwilden01.local", en.requestedSpn().orElseThrow().spn().toString());
        assertEquals("srv003$", en.items().get(0).fact(EvidenceFact.Type.SERVER_ACCOUNT).orElseThrow());

        EvidenceSet de = EvidenceReader.readText(fixture("event4769-de.txt"), "pasted text");
        EvidenceItem i = de.items().get(0);
        assertEquals("HTTP/web01.contoso.com", i.fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertEquals("KDC_ERR_S_PRINCIPAL_UNKNOWN (0x7)", i.fact(EvidenceFact.Type.ERROR).orElseThrow());
        assertEquals("alice@CONTOSO.COM", i.fact(EvidenceFact.Type.CLIENT).orElseThrow());
        assertTrue(i.where().startsWith("event 4769 (Security, Microsoft-Windows-Security-Auditing)"), i.where());
    }

    @Test
    void klistWindowsAndMit() throws IOException {
        EvidenceSet w = EvidenceReader.readText(fixture("klist-windows.txt"), "klist");
        EvidenceItem i = w.items().get(0);
        assertEquals(EvidenceKind.KLIST_WINDOWS, i.kind());
        assertEquals("HTTP/srv003.contoso.com", i.fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertTrue(i.facts().contains(new EvidenceFact(EvidenceFact.Type.TICKET_HELD, "HTTP/srv003.contoso.com@CONTOSO.COM (RC4-HMAC (23))")), i.facts().toString());
        assertTrue(i.facts().contains(new EvidenceFact(EvidenceFact.Type.KDC, "dc02.contoso.com")));
        assertTrue(i.facts().contains(new EvidenceFact(EvidenceFact.Type.KDC, "dc01.contoso.com")));

        EvidenceSet m = EvidenceReader.readText(fixture("klist-mit.txt"), "klist");
        EvidenceItem j = m.items().get(0);
        assertEquals(EvidenceKind.KLIST_MIT, j.kind());
        assertEquals("HTTP/srv003.lab.test", j.fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertTrue(j.facts().contains(new EvidenceFact(EvidenceFact.Type.TICKET_HELD,
                "HTTP/srv003.lab.test@LAB.TEST (AES256-CTS-HMAC-SHA1-96 (18))")), j.facts().toString());
    }

    @Test
    void tokenPasteKeepsFactsAndNeverTheToken() {
        byte[] ap = TokenBuilder.apReq("LAB.TEST", new String[]{"HTTP", "srv003.lab.test"}, 18, 1L, new byte[40]);
        String b64 = java.util.Base64.getEncoder().encodeToString(TokenBuilder.spnegoInit(TokenBuilder.krb5Gss(ap, 1),
                "1.2.840.113554.1.2.2"));
        EvidenceSet s = EvidenceReader.readText("Authorization: Negotiate " + b64, "pasted text");
        EvidenceItem i = s.items().get(0);
        assertEquals("HTTP/srv003.lab.test", i.fact(EvidenceFact.Type.REQUESTED_SPN).orElseThrow());
        assertEquals("1", i.fact(EvidenceFact.Type.KEY_VERSION).orElseThrow());
        assertFalse(i.toString().contains(b64.substring(20, 40)));
        EvidenceSet bad = EvidenceReader.readText("Authorization: Negotiate YIIAAAAA", "pasted text");
        assertTrue(bad.items().isEmpty());
        assertEquals(1, bad.problems().size());
        assertTrue(bad.problems().get(0).startsWith("pasted text: "), bad.problems().get(0));
    }

    @Test
    void hostileAndWrongFilesGetOneLineEach() throws IOException {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<Events><Event><System><EventID>4</EventID></System><EventData><Data>&lol2;</Data></EventData></Event></Events>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"http://127.0.0.1:1/steal\">]><Event>&x;</Event>";
        String undeclared = "<Events><Event><System><EventID>4</EventID></System><EventData><Data>&x;</Data></EventData></Event></Events>";
        byte[] evtx = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(StandardCharsets.US_ASCII), 0, evtx, 0, 8);
        byte[] random = new byte[5000];
        new Random(3).nextBytes(random);
        String truncated = fixture("dc-security.xml").substring(0, 1500);
        Object[][] cases = {
                {"bomb.xml", bomb.getBytes(StandardCharsets.UTF_8), "DTD"},
                {"xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), "DTD"},
                {"undeclared.xml", undeclared.getBytes(StandardCharsets.UTF_8), "entities"},
                {"System.evtx", evtx, "Save Selected Events"},
                {"random.bin", random, "not text"},
                {"empty.xml", new byte[0], "empty"},
                {"truncated.xml", truncated.getBytes(StandardCharsets.UTF_8), "cut off or malformed"},
                {"notes.txt", "hello, nothing here".getBytes(StandardCharsets.UTF_8), "not recognised"}};
        for (Object[] c : cases) {
            EvidenceSet s = EvidenceReader.readFile(file((String) c[0], (byte[]) c[1]));
            assertEquals(1, s.problems().size(), c[0] + ": " + s.problems());
            String line = s.problems().get(0);
            assertTrue(line.startsWith(c[0] + ""), line);
            assertTrue(line.contains((String) c[2]), line);
            assertFalse(line.contains("\n"), line);
        }
        // the events before the break are kept
        EvidenceSet cut = EvidenceReader.readFile(dir.resolve("truncated.xml"));
        assertEquals(1, cut.items().size());
        assertEquals(EvidenceSet.EMPTY.problems(), EvidenceReader.readFile(file("ok.xml",
                fixture("saved-events.xml").getBytes(StandardCharsets.UTF_8))).problems());
        assertTrue(EvidenceReader.readFile(dir.resolve("missing.xml")).problems().get(0).contains("not found"));
    }

    /** Seeded generator: every used event the generator writes is read back, wrapped or not, UTF-8 or UTF-16. */
    @Test
    void generatedExportsReadBackCompletely() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            EventXmlGenerator g = new EventXmlGenerator(seed);
            StringWriter w = new StringWriter();
            int n = 50 + (int) (seed * 37 % 200);
            g.write(w, n, seed % 2 == 0, 1 + (int) (seed % 4));
            byte[] bytes = w.toString().getBytes(seed % 3 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
            EvidenceSet s = EvidenceReader.readFile(file("g" + seed + ".xml", bytes));
            assertEquals(List.of(), s.problems(), "seed " + seed);
            assertEquals(g.used, s.items().size(), "seed " + seed);
            int notUsed = s.notUsed().stream().mapToInt(EvidenceReaderTest::count).sum();
            assertEquals(n - g.used, notUsed, "seed " + seed + " " + s.notUsed());
            if (g.lastEvent4Spn != null) {
                String spn = g.lastEvent4Spn;
                assertTrue(s.items().stream().anyMatch(i -> i.facts().contains(new EvidenceFact(EvidenceFact.Type.REQUESTED_SPN, spn))), spn);
            }
        }
    }

    /** Seeded generator of damage: any cut or byte flip of a generated file gives items and/or one-line problems. */
    @Test
    void damagedExportsNeverThrowAndKeepOneLineMessages() throws IOException {
        Random r = new Random(42);
        for (int round = 0; round < 60; round++) {
            StringWriter w = new StringWriter();
            new EventXmlGenerator(round).write(w, 20, round % 2 == 0, 2);
            byte[] b = w.toString().getBytes(StandardCharsets.UTF_8);
            b = java.util.Arrays.copyOf(b, 1 + r.nextInt(b.length));
            for (int k = 0; k < r.nextInt(3); k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            EvidenceSet s = EvidenceReader.readFile(file("d.xml", b));
            assertTrue(s.problems().size() <= 2, s.problems().toString());
            s.problems().forEach(p -> assertFalse(p.contains("\n"), p));
        }
    }

    static int count(String notUsedLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) × ").matcher(notUsedLine);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
