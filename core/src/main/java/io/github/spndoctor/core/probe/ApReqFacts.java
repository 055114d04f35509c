package io.github.spndoctor.core.probe;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1Sequence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the Kerberos AP-REQ inside a Negotiate token says in clear text (RFC 4120 §5.3, §5.5.1; RFC 4178): the
 * ticket's realm, server name, encryption type and the key version number of the key it was encrypted with. No key
 * is needed. Immutable.
 *
 * @param kvno empty when the KDC left the ticket's kvno out
 */
public record ApReqFacts(String realm, String serverName, int etype, OptionalInt kvno) {
    private static final byte[] KRB5_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    private static final byte[] KRB5_OLD_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    /** Largest token accepted: a real AP-REQ is a few kilobytes, a PAC-heavy one rarely over 64 KiB. */
    public static final int MAX_TOKEN = 256 * 1024;

    public ApReqFacts {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(kvno, "kvno");
    }

    /** The etype's name: aes256-cts-hmac-sha1-96, rc4-hmac, … */
    public String etypeName() {
        return switch (etype) {
            case 17 -> "aes128-cts-hmac-sha1-96";
            case 18 -> "aes256-cts-hmac-sha1-96";
            case 19 -> "aes128-cts-hmac-sha256-128";
            case 20 -> "aes256-cts-hmac-sha384-192";
            case 23 -> "rc4-hmac";
            case 24 -> "rc4-hmac-exp";
            case 3 -> "des-cbc-md5";
            case 1 -> "des-cbc-crc";
            default -> "etype " + etype;
        };
    }

    /**
     * Decodes a SPNEGO NegTokenInit (as sent in {@code Authorization: Negotiate}), a raw Kerberos GSS token, or a bare
     * AP-REQ.
     *
     * @throws IllegalArgumentException with a plain message when the bytes are none of these
     */
    public static ApReqFacts decode(byte[] token) {
        if (token == null || token.length == 0) {
            throw new IllegalArgumentException("The token is empty.");
        }
        if (token.length > MAX_TOKEN) {
            throw new IllegalArgumentException("The token is " + token.length + " bytes long; a Kerberos token is far smaller.");
        }
        try {
            return fromAnything(token, 0);
        } catch (ASN1Exception | RuntimeException e) {
            throw new IllegalArgumentException("The token is not a Kerberos AP-REQ: " + e.getMessage());
        }
    }

    private static ApReqFacts fromAnything(byte[] token, int depth) throws ASN1Exception {
        if (depth > 4) {
            throw new IllegalArgumentException("nested too deeply");
        }
        int first = token[0] & 0xff;
        if (first == 0x6e) { // [APPLICATION 14] AP-REQ
            return fromApReq(ASN1Element.decode(token));
        }
        if (first == 0xa0) { // NegTokenInit without the GSS header
            return fromNegTokenInit(ASN1Element.decode(token), depth);
        }
        if (first != 0x60) {
            throw new IllegalArgumentException("unexpected first byte 0x" + Integer.toHexString(first));
        }
        // [APPLICATION 0] InitialContextToken: OID, then the inner token (not necessarily DER)
        ASN1Element outer = ASN1Element.decode(token);
        byte[] v = outer.getValue();
        if (v.length < 2 || v[0] != 0x06) {
            throw new IllegalArgumentException("no mechanism OID");
        }
        int oidLen = v[1] & 0xff;
        if (oidLen > 0x7f || 2 + oidLen > v.length) {
            throw new IllegalArgumentException("bad mechanism OID");
        }
        byte[] oid = Arrays.copyOfRange(v, 2, 2 + oidLen);
        byte[] rest = Arrays.copyOfRange(v, 2 + oidLen, v.length);
        if (Arrays.equals(oid, KRB5_OID) || Arrays.equals(oid, KRB5_OLD_OID)) {
            if (rest.length < 3 || rest[0] != 0x01 || rest[1] != 0x00) {
                throw new IllegalArgumentException("the Kerberos token is not an AP-REQ");
            }
            return fromApReq(ASN1Element.decode(Arrays.copyOfRange(rest, 2, rest.length)));
        }
        return fromNegTokenInit(ASN1Element.decode(rest), depth);
    }

    private static ApReqFacts fromNegTokenInit(ASN1Element tagged, int depth) throws ASN1Exception {
        if ((tagged.getType() & 0xff) != 0xa0) {
            throw new IllegalArgumentException("not a NegTokenInit (a server's answer, or NTLM)");
        }
        ASN1Sequence init = ASN1Sequence.decodeAsSequence(tagged.getValue());
        for (ASN1Element e : init.elements()) {
            if ((e.getType() & 0xff) == 0xa2) { // mechToken [2] OCTET STRING
                byte[] mech = ASN1Element.decode(e.getValue()).getValue();
                if (mech.length > 7 && new String(mech, 0, 7, StandardCharsets.ISO_8859_1).equals("NTLMSSP")) {
                    throw new IllegalArgumentException("the token is NTLM, not Kerberos");
                }
                return fromAnything(mech, depth + 1);
            }
        }
        throw new IllegalArgumentException("the NegTokenInit carries no mechanism token");
    }

    private static ApReqFacts fromApReq(ASN1Element apReq) throws ASN1Exception {
        if ((apReq.getType() & 0xff) != 0x6e) {
            throw new IllegalArgumentException("not an AP-REQ");
        }
        ASN1Sequence seq = ASN1Sequence.decodeAsSequence(apReq.getValue());
        ASN1Element ticketField = field(seq, 3, "ticket");
        ASN1Element ticket = ASN1Element.decode(ticketField.getValue()); // [APPLICATION 1]
        if ((ticket.getType() & 0xff) != 0x61) {
            throw new IllegalArgumentException("no ticket in the AP-REQ");
        }
        ASN1Sequence t = ASN1Sequence.decodeAsSequence(ticket.getValue());
        String realm = string(field(t, 1, "realm"));
        ASN1Sequence sname = ASN1Sequence.decodeAsSequence(field(t, 2, "sname").getValue());
        ASN1Sequence parts = ASN1Sequence.decodeAsSequence(field(sname, 1, "name-string").getValue());
        List<String> names = new ArrayList<>();
        for (ASN1Element p : parts.elements()) {
            names.add(new String(p.getValue(), StandardCharsets.UTF_8));
        }
        ASN1Sequence enc = ASN1Sequence.decodeAsSequence(field(t, 3, "enc-part").getValue());
        int etype = ASN1Integer.decodeAsInteger(field(enc, 0, "etype").getValue()).intValue();
        OptionalInt kvno = OptionalInt.empty();
        for (ASN1Element e : enc.elements()) {
            if ((e.getType() & 0xff) == 0xa1) {
                kvno = OptionalInt.of(ASN1Integer.decodeAsInteger(e.getValue()).intValue());
            }
        }
        return new ApReqFacts(realm, String.join("/", names), etype, kvno);
    }

    private static ASN1Element field(ASN1Sequence seq, int tag, String name) {
        for (ASN1Element e : seq.elements()) {
            if ((e.getType() & 0xff) == (0xa0 | tag)) {
                return e;
            }
        }
        throw new IllegalArgumentException("the field " + name + " is missing");
    }

    private static String string(ASN1Element tagged) throws ASN1Exception {
        return new String(ASN1Element.decode(tagged.getValue()).getValue(), StandardCharsets.UTF_8);
    }
}
