package io.github.spndoctor.core.evidence;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegotiateDecoderTest {
    private static final String KRB5 = "1.2.840.113554.1.2.2";
    private static final String MS_KRB5 = "1.2.840.48018.1.2.2";
    private static final String NTLM = "1.3.6.1.4.1.311.2.2.10";
    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Test
    void spnegoApReqGivesRealmServerNameKvnoAndEtypeButNoCipher() throws Exception {
        byte[] cipher = new byte[64];
        new Random(7).nextBytes(cipher);
        byte[] ap = TokenBuilder.apReq("CONTOSO.COM", new String[]{"HTTP", "srv003.contoso.com"}, 18, 5L, cipher);
        byte[] token = TokenBuilder.spnegoInit(TokenBuilder.krb5Gss(ap, 1), MS_KRB5, KRB5, NTLM);
        NegotiateToken t = NegotiateDecoder.decode("Authorization: Negotiate " + B64.encodeToString(token));

        assertEquals(NegotiateToken.Kind.KERBEROS_AP_REQ, t.kind());
        assertEquals("SPNEGO", t.wrapping());
        assertEquals(java.util.List.of("Kerberos (Microsoft OID)", "Kerberos", "NTLM"), t.mechanisms());
        assertEquals("CONTOSO.COM", t.realm().orElseThrow());
        assertEquals("HTTP/srv003.contoso.com", t.requestedSpn().orElseThrow());
        assertEquals(5L, t.ticketKvno().orElseThrow());
        assertEquals(18, t.ticketEtype().orElseThrow());
        String all = String.join("\n", t.facts());
        assertTrue(all.contains("AES256-CTS-HMAC-SHA1-96 (18)"), all);
        assertFalse(all.contains(HexFormat.of().formatHex(cipher, 0, 8)), all);
        assertFalse(all.contains(B64.encodeToString(cipher).substring(0, 12)), all);
    }

    @Test
    void headerVariantsAndBareBase64DecodeAlike() throws Exception {
        byte[] ap = TokenBuilder.apReq("LAB.TEST", new String[]{"HTTP", "srv003.lab.test"}, 23, 2L, new byte[16]);
        String b64 = B64.encodeToString(TokenBuilder.krb5Gss(ap, 1));
        for (String text : new String[]{"Authorization: Negotiate " + b64, "authorization:negotiate " + b64,
                "WWW-Authenticate: Kerberos " + b64, "  " + b64 + "\n", "GET /wsman HTTP/1.1\r\nHost: x\r\nAuthorization: Negotiate "
                + b64 + "\r\n\r\n", b64.replace("=", ""), b64.substring(0, 30) + "\n" + b64.substring(30)}) {
            NegotiateToken t = NegotiateDecoder.decode(text);
            assertEquals("HTTP/srv003.lab.test", t.serverName().orElseThrow(), text);
            assertEquals(2L, t.ticketKvno().orElseThrow());
            assertEquals("GSS-API", t.wrapping());
            assertTrue(NegotiateDecoder.looksLikeToken(text), text);
        }
    }

    @Test
    void bareApReqWithoutKvnoAndAHighReadOnlyDcKvno() throws Exception {
        NegotiateToken none = NegotiateDecoder.decode(TokenBuilder.apReq("R", new String[]{"WSMAN", "h"}, 17, null, new byte[4]));
        assertTrue(none.ticketKvno().isEmpty());
        assertEquals("bare", none.wrapping());
        NegotiateToken rodc = NegotiateDecoder.decode(TokenBuilder.apReq("R", new String[]{"HOST", "h"}, 17, 0x8A7C0002L, new byte[4]));
        assertEquals(0x8A7C0002L, rodc.ticketKvno().orElseThrow());
    }

    @Test
    void krbErrorGivesCodeTextAndTheServerAskedFor() throws Exception {
        byte[] err = TokenBuilder.krbError(41, "LAB.TEST", new String[]{"HTTP", "srv003.lab.test"}, "Message stream modified");
        NegotiateToken t = NegotiateDecoder.decode(B64.encodeToString(TokenBuilder.spnegoResp(2, KRB5, TokenBuilder.krb5Gss(err, 3))));
        assertEquals(NegotiateToken.Kind.KERBEROS_ERROR, t.kind());
        assertEquals(41, t.errorCode().orElseThrow());
        assertEquals("Message stream modified", t.errorText().orElseThrow());
        assertEquals("HTTP/srv003.lab.test", t.serverName().orElseThrow());
        assertTrue(t.facts().contains("Kerberos error: KRB_AP_ERR_MODIFIED (0x29)"), t.facts().toString());
    }

    @Test
    void apRepAndTgsReq() throws Exception {
        NegotiateToken rep = NegotiateDecoder.decode(TokenBuilder.spnegoResp(0, KRB5, TokenBuilder.krb5Gss(
                TokenBuilder.apRep(18, null, new byte[32]), 2)));
        assertEquals(NegotiateToken.Kind.KERBEROS_AP_REP, rep.kind());
        assertEquals(18, rep.ticketEtype().orElseThrow());
        NegotiateToken tgs = NegotiateDecoder.decode(TokenBuilder.tgsReq("LAB.TEST", new String[]{"WSMAN", "srv003.lab.test"}));
        assertEquals(NegotiateToken.Kind.KERBEROS_TGS_REQ, tgs.kind());
        assertEquals("WSMAN/srv003.lab.test", tgs.requestedSpn().orElseThrow());
        NegotiateToken done = NegotiateDecoder.decode(TokenBuilder.spnegoResp(0, KRB5, null));
        assertEquals(NegotiateToken.Kind.SPNEGO_ONLY, done.kind());
        assertEquals(java.util.List.of("Kerberos"), done.mechanisms());
    }

    @Test
    void ntlmIsNamedWithItsTargetInfo() throws Exception {
        NegotiateToken neg = NegotiateDecoder.decode("Authorization: NTLM " + B64.encodeToString(TokenBuilder.ntlmNegotiate()));
        assertTrue(neg.kind().ntlm());
        assertTrue(neg.kind().label().contains("NTLM, not Kerberos"));

        byte[] ch = TokenBuilder.ntlmChallenge("LAB", "LAB", "srv003.lab.test", "lab.test");
        NegotiateToken c = NegotiateDecoder.decode("WWW-Authenticate: Negotiate " + B64.encodeToString(
                TokenBuilder.spnegoResp(1, NTLM, ch)));
        assertEquals(NegotiateToken.Kind.NTLM_CHALLENGE, c.kind());
        assertEquals("srv003.lab.test", c.ntlm().get("DNS computer name"));
        assertEquals("lab.test", c.ntlm().get("DNS domain name"));
        assertEquals("LAB", c.ntlm().get("target name"));

        byte[] au = TokenBuilder.ntlmAuthenticate("LAB", "alice", "WS01", "HTTP/srv003.lab.test", new Random(1));
        NegotiateToken a = NegotiateDecoder.decode(TokenBuilder.spnegoResp(1, null, au));
        assertEquals(NegotiateToken.Kind.NTLM_AUTHENTICATE, a.kind());
        assertEquals("alice", a.clientName().orElseThrow());
        assertEquals("HTTP/srv003.lab.test", a.requestedSpn().orElseThrow());
        assertEquals("WS01", a.ntlm().get("workstation"));
    }

    @Test
    void badInputGetsOneLineMessages() {
        String[] bad = {"", "   ", "Negotiate", "Authorization: Negotiate abc$def==", "@@@@", "QUJD",
                B64.encodeToString("hello world, not a token".getBytes()), "YII=", "A"};
        for (String s : bad) {
            EvidenceFormatException e = assertThrows(EvidenceFormatException.class, () -> NegotiateDecoder.decode(s), s);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
        EvidenceFormatException dollar = assertThrows(EvidenceFormatException.class,
                () -> NegotiateDecoder.decode("abc$defghijklmnop"));
        assertTrue(dollar.getMessage().contains("'$'"), dollar.getMessage());
        String huge = "A".repeat(NegotiateDecoder.MAX_BASE64 + 4);
        assertTrue(assertThrows(EvidenceFormatException.class, () -> NegotiateDecoder.decode(huge)).getMessage()
                .contains("more than"));
    }

    /** Seeded generator: every truncation and random corruption of real-shaped tokens fails cleanly or decodes. */
    @Test
    void truncatedAndCorruptedTokensNeverEscapeWithAnotherException() {
        Random r = new Random(20261201);
        for (int round = 0; round < 400; round++) {
            byte[] cipher = new byte[r.nextInt(80)];
            r.nextBytes(cipher);
            byte[] base = switch (round % 4) {
                case 0 -> TokenBuilder.spnegoInit(TokenBuilder.krb5Gss(TokenBuilder.apReq("R" + round,
                        new String[]{"HTTP", "h" + round}, 18, (long) round, cipher), 1), KRB5, NTLM);
                case 1 -> TokenBuilder.ntlmAuthenticate("D", "u" + round, "W", "HTTP/h", r);
                case 2 -> TokenBuilder.krbError(round, "R", new String[]{"HTTP", "x"}, round % 3 == 0 ? null : "t");
                default -> TokenBuilder.spnegoResp(1, NTLM, TokenBuilder.ntlmChallenge("T", "N", "c.d", "d"));
            };
            byte[] b = round % 2 == 0 ? java.util.Arrays.copyOf(base, r.nextInt(base.length) + 1) : base.clone();
            for (int k = 0; k < r.nextInt(4); k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            try {
                NegotiateToken t = NegotiateDecoder.decode(b);
                assertFalse(t.facts().isEmpty());
            } catch (EvidenceFormatException e) {
                assertFalse(e.getMessage().contains("\n"));
            }
        }
    }
}
