package io.github.spndoctor.core.evidence;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1Long;
import com.unboundid.asn1.ASN1ObjectIdentifier;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.util.OID;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds Kerberos / SPNEGO / NTLM tokens field by field from RFC 4120, RFC 4178 and MS-NLMP, for the decoder's tests. */
final class TokenBuilder {
    private TokenBuilder() {}

    static ASN1Element tagged(int n, ASN1Element inner) {
        return new ASN1Element((byte) (0xa0 | n), inner.encode());
    }

    static ASN1Element app(int n, ASN1Element inner) {
        return new ASN1Element((byte) (0x60 | n), inner.encode());
    }

    static ASN1Element seq(ASN1Element... e) {
        return new ASN1Sequence(e);
    }

    static ASN1Element gstring(String s) {
        return new ASN1OctetString((byte) 0x1b, s);
    }

    static ASN1Element principal(int type, String... parts) {
        List<ASN1Element> names = new ArrayList<>();
        for (String p : parts) {
            names.add(gstring(p));
        }
        return seq(tagged(0, new ASN1Integer(type)), tagged(1, new ASN1Sequence(names)));
    }

    static ASN1Element encrypted(int etype, Long kvno, byte[] cipher) {
        List<ASN1Element> f = new ArrayList<>();
        f.add(tagged(0, new ASN1Integer(etype)));
        if (kvno != null) {
            f.add(tagged(1, new ASN1Long(kvno)));
        }
        f.add(tagged(2, new ASN1OctetString(cipher)));
        return new ASN1Sequence(f);
    }

    /** AP-REQ with a ticket for {@code sname} in {@code realm}. */
    static byte[] apReq(String realm, String[] sname, int etype, Long kvno, byte[] cipher) {
        ASN1Element ticket = app(1, seq(tagged(0, new ASN1Integer(5)), tagged(1, gstring(realm)),
                tagged(2, principal(2, sname)), tagged(3, encrypted(etype, kvno, cipher))));
        return app(14, seq(tagged(0, new ASN1Integer(5)), tagged(1, new ASN1Integer(14)),
                tagged(2, new ASN1Element((byte) 0x03, new byte[]{0, 0x20, 0, 0, 0})), tagged(3, ticket),
                tagged(4, encrypted(etype, null, cipher)))).encode();
    }

    static byte[] krbError(int code, String realm, String[] sname, String etext) {
        List<ASN1Element> f = new ArrayList<>(List.of(tagged(0, new ASN1Integer(5)), tagged(1, new ASN1Integer(30)),
                tagged(4, new ASN1OctetString((byte) 0x18, "20261201200000Z")), tagged(5, new ASN1Integer(0)),
                tagged(6, new ASN1Integer(code)), tagged(9, gstring(realm)), tagged(10, principal(2, sname))));
        if (etext != null) {
            f.add(tagged(11, gstring(etext)));
        }
        return app(30, new ASN1Sequence(f)).encode();
    }

    static byte[] apRep(int etype, Long kvno, byte[] cipher) {
        return app(15, seq(tagged(0, new ASN1Integer(5)), tagged(1, new ASN1Integer(15)),
                tagged(2, encrypted(etype, kvno, cipher)))).encode();
    }

    static byte[] tgsReq(String realm, String[] sname) {
        ASN1Element body = seq(tagged(0, new ASN1Element((byte) 0x03, new byte[]{0, 0x40, (byte) 0x81, 0, 0})),
                tagged(2, gstring(realm)), tagged(3, principal(2, sname)),
                tagged(5, new ASN1OctetString((byte) 0x18, "20370913024805Z")), tagged(7, new ASN1Integer(12345)),
                tagged(8, seq(new ASN1Integer(18), new ASN1Integer(17))));
        return app(12, seq(tagged(1, new ASN1Integer(5)), tagged(2, new ASN1Integer(12)), tagged(4, body))).encode();
    }

    /** RFC 2743 §3.1 framing: [APPLICATION 0] { OID, inner } (with RFC 1964's TOK_ID before a Kerberos message). */
    static byte[] gss(String oid, byte[] tokId, byte[] inner) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.writeBytes(oidElement(oid).encode());
        if (tokId != null) {
            v.writeBytes(tokId);
        }
        v.writeBytes(inner);
        return new ASN1Element((byte) 0x60, v.toByteArray()).encode();
    }

    static byte[] krb5Gss(byte[] msg, int tokId) {
        return gss("1.2.840.113554.1.2.2", new byte[]{(byte) tokId, 0}, msg);
    }

    /** SPNEGO NegTokenInit offering {@code mechOids} and carrying {@code mechToken}. */
    static byte[] spnegoInit(byte[] mechToken, String... mechOids) {
        List<ASN1Element> oids = new ArrayList<>();
        for (String o : mechOids) {
            oids.add(oidElement(o));
        }
        ASN1Element init = seq(tagged(0, new ASN1Sequence(oids)), tagged(2, new ASN1OctetString(mechToken)));
        return gss("1.3.6.1.5.5.2", null, tagged(0, init).encode());
    }

    static byte[] spnegoResp(int state, String mech, byte[] responseToken) {
        List<ASN1Element> f = new ArrayList<>();
        f.add(tagged(0, new ASN1Element((byte) 0x0a, new byte[]{(byte) state})));
        if (mech != null) {
            f.add(tagged(1, oidElement(mech)));
        }
        if (responseToken != null) {
            f.add(tagged(2, new ASN1OctetString(responseToken)));
        }
        return tagged(1, new ASN1Sequence(f)).encode();
    }

    static ASN1Element oidElement(String oid) {
        try {
            return new ASN1ObjectIdentifier(new OID(oid));
        } catch (com.unboundid.asn1.ASN1Exception e) {
            throw new IllegalArgumentException(oid, e);
        }
    }

    // ---- NTLM (MS-NLMP 2.2.1), little-endian

    static byte[] ntlmChallenge(String targetName, String nbDomain, String dnsComputer, String dnsDomain) {
        byte[] target = targetName.getBytes(StandardCharsets.UTF_16LE);
        byte[] info = avPairs(new Object[][]{{2, nbDomain}, {3, dnsComputer}, {4, dnsDomain}, {7, null}});
        int headerLen = 56;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        le32(b, 2);
        secBuf(b, target.length, headerLen);
        le32(b, 0x00000001 | 0x00800000); // UNICODE, TARGET_INFO
        b.writeBytes(new byte[]{1, 2, 3, 4, 5, 6, 7, 8}); // server challenge
        b.writeBytes(new byte[8]);
        secBuf(b, info.length, headerLen + target.length);
        b.writeBytes(new byte[8]); // version
        b.writeBytes(target);
        b.writeBytes(info);
        return b.toByteArray();
    }

    static byte[] ntlmAuthenticate(String domain, String user, String workstation, String targetSpn, Random r) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] w = workstation.getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream nt = new ByteArrayOutputStream();
        byte[] proof = new byte[16];
        r.nextBytes(proof);
        nt.writeBytes(proof);
        nt.writeBytes(new byte[]{1, 1, 0, 0, 0, 0, 0, 0});
        nt.writeBytes(new byte[8]); // time stamp
        byte[] cc = new byte[8];
        r.nextBytes(cc);
        nt.writeBytes(cc);
        nt.writeBytes(new byte[4]);
        nt.writeBytes(avPairs(new Object[][]{{2, "LAB"}, {9, targetSpn}}));
        byte[] ntr = nt.toByteArray();
        int off = 72;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        le32(b, 3);
        secBuf(b, 0, off);                                       // LM response
        secBuf(b, ntr.length, off);                              // NT response
        secBuf(b, d.length, off + ntr.length);
        secBuf(b, u.length, off + ntr.length + d.length);
        secBuf(b, w.length, off + ntr.length + d.length + u.length);
        secBuf(b, 0, off + ntr.length + d.length + u.length + w.length); // session key
        le32(b, 0x00000001);
        b.writeBytes(new byte[8]); // version
        b.writeBytes(ntr);
        b.writeBytes(d);
        b.writeBytes(u);
        b.writeBytes(w);
        return b.toByteArray();
    }

    static byte[] ntlmNegotiate() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        le32(b, 1);
        le32(b, 0xe2088297);
        secBuf(b, 0, 0);
        secBuf(b, 0, 0);
        return b.toByteArray();
    }

    private static byte[] avPairs(Object[][] pairs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object[] p : pairs) {
            byte[] v = p[1] == null ? new byte[8] : ((String) p[1]).getBytes(StandardCharsets.UTF_16LE);
            le16(b, (Integer) p[0]);
            le16(b, v.length);
            b.writeBytes(v);
        }
        le16(b, 0);
        le16(b, 0);
        return b.toByteArray();
    }

    private static void secBuf(ByteArrayOutputStream b, int len, int off) {
        le16(b, len);
        le16(b, len);
        le32(b, off);
    }

    private static void le16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xff);
        b.write(v >> 8 & 0xff);
    }

    private static void le32(ByteArrayOutputStream b, int v) {
        le16(b, v & 0xffff);
        le16(b, v >>> 16);
    }
}
