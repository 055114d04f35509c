package io.github.spndoctor.core.evidence;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Long;
import com.unboundid.asn1.ASN1ObjectIdentifier;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a Negotiate token without any key: an {@code Authorization: Negotiate <base64>} or {@code WWW-Authenticate:}
 * header line, or the bare base64. SPNEGO (RFC 4178) and the GSS-API framing (RFC 2743 §3.1, RFC 1964 §1.1) are
 * unwrapped to the Kerberos message (RFC 4120 §5): an AP-REQ gives the ticket's realm, server name, key version and
 * encryption type; a KRB-ERROR its error code and text; an AP-REP, TGS-REQ or AS-REQ what they carry in clear. NTLM
 * messages are recognised and their clear names read ({@link NtlmMessage}). Encrypted parts are skipped, never copied.
 * Stateless and thread-safe; the ASN.1 is read with UnboundID's {@code com.unboundid.asn1}.
 */
public final class NegotiateDecoder {
    /** Longest base64 text accepted (Windows' MaxTokenSize is 48 KB; a token never needs more than this). */
    public static final int MAX_BASE64 = 256 * 1024;
    private static final String SPNEGO = "1.3.6.1.5.5.2";
    private static final String KRB5 = "1.2.840.113554.1.2.2";
    private static final String MS_KRB5 = "1.2.840.48018.1.2.2";
    private static final String NTLM = "1.3.6.1.4.1.311.2.2.10";
    private static final String NEGOEX = "1.3.6.1.4.1.311.2.2.30";
    private static final Pattern HEADER = Pattern.compile(
            "(?im)^\\s*(?:(?:proxy-)?(?:authorization|www-authenticate|authenticate)\\s*:\\s*)?"
                    + "(negotiate|kerberos|ntlm)\\s+([A-Za-z0-9+/=_-]{8,})\\s*,?\\s*$");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9+/=_\\s-]{16,}");

    private NegotiateDecoder() {}

    /** True when {@code text} holds a Negotiate/Kerberos/NTLM header line or is one block of base64 (cheap test). */
    public static boolean looksLikeToken(String text) {
        if (text == null || text.length() > MAX_BASE64 * 2) {
            return false;
        }
        String t = text.strip();
        return HEADER.matcher(t).find() || (BARE.matcher(t).matches() && t.chars().anyMatch(Character::isDigit));
    }

    /** Decodes the token in a header line or bare base64. */
    public static NegotiateToken decode(String text) throws EvidenceFormatException {
        if (text == null || text.isBlank()) {
            throw new EvidenceFormatException("There is no token: paste the Negotiate header line or its base64.");
        }
        if (text.length() > MAX_BASE64 * 2) {
            throw new EvidenceFormatException(String.format(Locale.ROOT,
                    "This text has %,d characters, too long for a Negotiate token (at most %,d).", text.length(), MAX_BASE64));
        }
        Matcher m = HEADER.matcher(text);
        String b64 = m.find() ? m.group(2) : text.strip();
        return decode(base64(b64));
    }

    /** Decodes a token's bytes. */
    public static NegotiateToken decode(byte[] token) throws EvidenceFormatException {
        if (token.length == 0) {
            throw new EvidenceFormatException("The token is empty.");
        }
        try {
            return top(token, "bare", List.of());
        } catch (ASN1Exception | RuntimeException e) {
            throw new EvidenceFormatException("The token is cut off or damaged: it does not decode as SPNEGO, Kerberos "
                    + "or NTLM. Copy the whole header value, without line breaks inside.", e);
        }
    }

    static byte[] base64(String text) throws EvidenceFormatException {
        String s = text.replaceAll("\\s+", "");
        if (s.length() > MAX_BASE64) {
            throw new EvidenceFormatException(String.format(Locale.ROOT,
                    "The token has %,d characters, more than a Negotiate token can have (%,d).", s.length(), MAX_BASE64));
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
            if (!ok) {
                throw new EvidenceFormatException(String.format(Locale.ROOT,
                        "This is not base64: character %d is '%s'. Paste the token after \"Negotiate \" as it is.",
                        i + 1, Character.isISOControl(c) || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c)));
            }
        }
        String unpadded = s.replace("=", "");
        if (unpadded.length() % 4 == 1) {
            throw new EvidenceFormatException("This base64 is cut off (its length cannot be a whole number of bytes): "
                    + "copy the whole token.");
        }
        try {
            return (s.indexOf('-') >= 0 || s.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw new EvidenceFormatException("This is not valid base64 ('=' in the middle or mixed alphabets): copy "
                    + "the token again.", e);
        }
    }

    private static NegotiateToken top(byte[] b, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        if (NtlmMessage.isNtlm(b)) {
            return NtlmMessage.read(b, wrapping, mechs);
        }
        int tag = b[0] & 0xff;
        return switch (tag) {
            case 0x60 -> gss(b, mechs);
            case 0xa0 -> negTokenInit(ASN1Element.decode(b), mechs);
            case 0xa1 -> negTokenResp(ASN1Element.decode(b));
            case 0x6a, 0x6c, 0x6e, 0x6f, 0x7e -> KerberosMessage.read(ASN1Element.decode(b), wrapping, mechs);
            default -> throw new EvidenceFormatException(String.format(Locale.ROOT,
                    "This is not a Negotiate, Kerberos or NTLM token (its first byte is 0x%02X).", tag));
        };
    }

    /** RFC 2743 §3.1: [APPLICATION 0] { thisMech OID, innerContextToken }; the inner token is not one DER element. */
    private static NegotiateToken gss(byte[] b, List<String> mechs) throws ASN1Exception, EvidenceFormatException {
        int[] hdr = header(b, 0);
        int start = hdr[0];
        int end = Math.min(b.length, start + hdr[1]);
        int[] oidHdr = header(b, start);
        int oidEnd = oidHdr[0] + oidHdr[1];
        byte[] oidBytes = java.util.Arrays.copyOfRange(b, start, oidEnd);
        String oid = ASN1ObjectIdentifier.decodeAsObjectIdentifier(oidBytes).getOID().toString();
        byte[] inner = java.util.Arrays.copyOfRange(b, oidEnd, end);
        switch (oid) {
            case SPNEGO -> {
                return top(inner, "SPNEGO", mechs);
            }
            case KRB5, MS_KRB5 -> {
                // two bytes TOK_ID (01 00 AP-REQ, 02 00 AP-REP, 03 00 KRB-ERROR) before the Kerberos message
                byte[] msg = java.util.Arrays.copyOfRange(inner, 2, inner.length);
                return KerberosMessage.read(ASN1Element.decode(msg), mechs.isEmpty() ? "GSS-API" : "SPNEGO", mechs);
            }
            case NTLM -> {
                return top(inner, "GSS-API", mechs);
            }
            default -> throw new EvidenceFormatException("This GSS-API token is for mechanism " + oid
                    + ", not Kerberos or NTLM.");
        }
    }

    /** NegTokenInit ::= SEQUENCE { mechTypes [0], reqFlags [1], mechToken [2], … } (also Microsoft's NegTokenInit2). */
    private static NegotiateToken negTokenInit(ASN1Element init, List<String> outer) throws ASN1Exception, EvidenceFormatException {
        Map<Integer, ASN1Element> f = fields(ASN1Element.decode(init.getValue()));
        List<String> mechs = new ArrayList<>(outer);
        if (f.containsKey(0)) {
            for (ASN1Element oid : ASN1Sequence.decodeAsSequence(f.get(0)).elements()) {
                mechs.add(mechName(ASN1ObjectIdentifier.decodeAsObjectIdentifier(oid).getOID().toString()));
            }
        }
        if (f.containsKey(2)) {
            return top(ASN1OctetString.decodeAsOctetString(f.get(2)).getValue(), "SPNEGO", mechs);
        }
        return spnegoOnly(mechs);
    }

    /** NegTokenResp ::= SEQUENCE { negState [0], supportedMech [1], responseToken [2], mechListMIC [3] }. */
    private static NegotiateToken negTokenResp(ASN1Element resp) throws ASN1Exception, EvidenceFormatException {
        Map<Integer, ASN1Element> f = fields(ASN1Element.decode(resp.getValue()));
        List<String> mechs = new ArrayList<>();
        if (f.containsKey(1)) {
            mechs.add(mechName(ASN1ObjectIdentifier.decodeAsObjectIdentifier(f.get(1)).getOID().toString()));
        }
        if (f.containsKey(2)) {
            return top(ASN1OctetString.decodeAsOctetString(f.get(2)).getValue(), "SPNEGO", mechs);
        }
        return spnegoOnly(mechs);
    }

    private static NegotiateToken spnegoOnly(List<String> mechs) {
        return new NegotiateToken(NegotiateToken.Kind.SPNEGO_ONLY, "SPNEGO", mechs, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    static String mechName(String oid) {
        return switch (oid) {
            case KRB5 -> "Kerberos";
            case MS_KRB5 -> "Kerberos (Microsoft OID)";
            case NTLM -> "NTLM";
            case NEGOEX -> "NegoEx";
            default -> oid;
        };
    }

    /** The explicitly tagged fields [n] of a SEQUENCE, unwrapped: n → the inner element. */
    static Map<Integer, ASN1Element> fields(ASN1Element sequence) throws ASN1Exception {
        Map<Integer, ASN1Element> out = new HashMap<>();
        for (ASN1Element e : ASN1Sequence.decodeAsSequence(sequence).elements()) {
            int t = e.getType() & 0xff;
            if ((t & 0xe0) == 0xa0) {
                out.put(t & 0x1f, ASN1Element.decode(e.getValue()));
            }
        }
        return out;
    }

    /** DER header at {@code at}: {offset of the value, length of the value}. */
    private static int[] header(byte[] b, int at) throws EvidenceFormatException {
        if (at + 2 > b.length) {
            throw new EvidenceFormatException("The token is cut off.");
        }
        int l = b[at + 1] & 0xff;
        int p = at + 2;
        if (l > 0x80) {
            int n = l & 0x7f;
            if (n > 3 || p + n > b.length) {
                throw new EvidenceFormatException("The token is cut off or damaged.");
            }
            l = 0;
            for (int i = 0; i < n; i++) {
                l = l << 8 | (b[p++] & 0xff);
            }
        }
        if (p + l > b.length) {
            throw new EvidenceFormatException("The token is cut off: copy the whole header value.");
        }
        return new int[]{p, l};
    }

    static String text(ASN1Element e) {
        String s = new String(ASN1OctetString.decodeAsOctetString(e).getValue(), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(s.length(), 512));
        s.codePoints().limit(512).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    static long number(ASN1Element e) throws ASN1Exception {
        return ASN1Long.decodeAsLong(e).longValue();
    }
}
