package io.github.spndoctor.core.evidence;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the clear fields of an NTLM message (MS-NLMP 2.2.1): the names in NEGOTIATE, the target name and target
 * info of a CHALLENGE, and the domain, user, workstation and target SPN (MsvAvTargetName) of an AUTHENTICATE. The
 * challenge, the responses and the session key are skipped, never copied. Stateless.
 */
final class NtlmMessage {
    static final String TARGET_SPN = "target SPN";
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int UNICODE = 0x1;
    /** Offset of the AV pairs inside an NTLMv2 response: NTProofStr (16) + the fixed client-challenge header (28). */
    private static final int V2_AV_PAIRS = 44;

    private NtlmMessage() {}

    static boolean isNtlm(byte[] b) {
        if (b.length < SIGNATURE.length + 4) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The message type (1, 2 or 3) and the fields in clear. */
    static NegotiateToken read(byte[] b, String wrapping, java.util.List<String> mechanisms) throws EvidenceFormatException {
        int type = u32(b, 8);
        Map<String, String> f = new LinkedHashMap<>();
        NegotiateToken.Kind kind;
        switch (type) {
            case 1 -> {
                kind = NegotiateToken.Kind.NTLM_NEGOTIATE;
                // NEGOTIATE names are OEM strings, present only when their flags are set; read what is there
                put(f, "domain", field(b, 16, StandardCharsets.US_ASCII));
                put(f, "workstation", field(b, 24, StandardCharsets.US_ASCII));
            }
            case 2 -> {
                kind = NegotiateToken.Kind.NTLM_CHALLENGE;
                Charset cs = charset(u32(b, 20));
                put(f, "target name", field(b, 12, cs));
                avPairs(b, u16(b, 40), u32(b, 44), f);
            }
            case 3 -> {
                kind = NegotiateToken.Kind.NTLM_AUTHENTICATE;
                Charset cs = b.length >= 64 ? charset(u32(b, 60)) : StandardCharsets.UTF_16LE;
                put(f, "domain", field(b, 28, cs));
                put(f, "user", field(b, 36, cs));
                put(f, "workstation", field(b, 44, cs));
                int ntLen = u16(b, 20);
                int ntOff = u32(b, 24);
                if (ntLen > V2_AV_PAIRS && inside(b, ntOff, ntLen)) {
                    avPairs(b, ntLen - V2_AV_PAIRS, ntOff + V2_AV_PAIRS, f);
                }
            }
            default -> throw new EvidenceFormatException("This NTLM message has an unknown type (" + type + ").");
        }
        return new NegotiateToken(kind, wrapping, mechanisms, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), java.util.Optional.empty(),
                java.util.Optional.ofNullable(f.get("user")), f);
    }

    private static void avPairs(byte[] b, int len, int off, Map<String, String> f) {
        int end = Math.min(b.length, off + len);
        int at = off;
        while (at >= 0 && at + 4 <= end) {
            int id = u16(b, at);
            int l = u16(b, at + 2);
            if (id == 0 || at + 4 + l > end) {
                return;
            }
            String v = new String(b, at + 4, l, StandardCharsets.UTF_16LE);
            switch (id) {
                case 1 -> put(f, "NetBIOS computer name", v);
                case 2 -> put(f, "NetBIOS domain name", v);
                case 3 -> put(f, "DNS computer name", v);
                case 4 -> put(f, "DNS domain name", v);
                case 5 -> put(f, "DNS forest name", v);
                case 9 -> put(f, TARGET_SPN, v);
                default -> { /* flags, time stamp, channel bindings: not evidence for an SPN */ }
            }
            at += 4 + l;
        }
    }

    private static void put(Map<String, String> f, String k, String v) {
        if (v != null && !v.isBlank() && v.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            f.putIfAbsent(k, v);
        }
    }

    private static Charset charset(int flags) {
        return (flags & UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII;
    }

    /** A security buffer (length 2, max length 2, offset 4) at {@code at}, decoded, or null when absent or out of range. */
    private static String field(byte[] b, int at, Charset cs) {
        if (at + 8 > b.length) {
            return null;
        }
        int len = u16(b, at);
        int off = u32(b, at + 4);
        return len == 0 || !inside(b, off, len) ? null : new String(b, off, len, cs);
    }

    private static boolean inside(byte[] b, int off, int len) {
        return off >= 0 && len >= 0 && off <= b.length - len;
    }

    private static int u16(byte[] b, int at) {
        return at + 2 > b.length ? 0 : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u32(byte[] b, int at) {
        return at + 4 > b.length ? 0 : u16(b, at) | u16(b, at + 2) << 16;
    }
}
