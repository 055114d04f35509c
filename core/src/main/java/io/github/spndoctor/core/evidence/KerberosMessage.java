package io.github.spndoctor.core.evidence;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the clear parts of a Kerberos message (RFC 4120 §5): AP-REQ's ticket realm, sname and the ticket's
 * EncryptedData header (etype, kvno); AP-REP's etype and kvno; KRB-ERROR's code, text, realm, sname and cname;
 * KDC-REQ's realm, sname and cname. Cipher texts and the authenticator are skipped.
 */
final class KerberosMessage {
    private KerberosMessage() {}

    static NegotiateToken read(ASN1Element app, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        int tag = app.getType() & 0xff;
        Map<Integer, ASN1Element> f = NegotiateDecoder.fields(ASN1Element.decode(app.getValue()));
        return switch (tag) {
            case 0x6e -> apReq(f, wrapping, mechs);
            case 0x6f -> apRep(f, wrapping, mechs);
            case 0x7e -> error(f, wrapping, mechs);
            case 0x6a, 0x6c -> kdcReq(tag, f, wrapping, mechs);
            default -> throw new EvidenceFormatException(String.format(Locale.ROOT,
                    "This Kerberos message (tag 0x%02X) is not one SPN Doctor reads.", tag));
        };
    }

    /** AP-REQ ::= [APPLICATION 14] SEQUENCE { pvno [0], msg-type [1], ap-options [2], ticket [3], authenticator [4] }. */
    private static NegotiateToken apReq(Map<Integer, ASN1Element> f, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        ASN1Element ticketApp = require(f, 3, "ticket");
        // Ticket ::= [APPLICATION 1] SEQUENCE { tkt-vno [0], realm [1], sname [2], enc-part [3] }
        Map<Integer, ASN1Element> t = NegotiateDecoder.fields(ASN1Element.decode(ticketApp.getValue()));
        Map<Integer, ASN1Element> enc = NegotiateDecoder.fields(require(t, 3, "ticket's encrypted part"));
        return token(NegotiateToken.Kind.KERBEROS_AP_REQ, wrapping, mechs, text(t, 1), principal(t, 2),
                kvno(enc), etype(enc), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** AP-REP ::= [APPLICATION 15] SEQUENCE { pvno [0], msg-type [1], enc-part [2] }. */
    private static NegotiateToken apRep(Map<Integer, ASN1Element> f, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        Map<Integer, ASN1Element> enc = NegotiateDecoder.fields(require(f, 2, "encrypted part"));
        return token(NegotiateToken.Kind.KERBEROS_AP_REP, wrapping, mechs, Optional.empty(), Optional.empty(),
                kvno(enc), etype(enc), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** KRB-ERROR: error-code [6], crealm [7], cname [8], realm [9], sname [10], e-text [11]. */
    private static NegotiateToken error(Map<Integer, ASN1Element> f, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        int code = (int) NegotiateDecoder.number(require(f, 6, "error code"));
        Optional<String> cname = principal(f, 8);
        Optional<String> crealm = text(f, 7);
        if (cname.isPresent() && crealm.isPresent()) {
            cname = Optional.of(cname.get() + "@" + crealm.get());
        }
        return token(NegotiateToken.Kind.KERBEROS_ERROR, wrapping, mechs, text(f, 9), principal(f, 10),
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.of(code), text(f, 11), cname);
    }

    /** KDC-REQ ::= SEQUENCE { pvno [1], msg-type [2], padata [3], req-body [4] }; body: cname [1], realm [2], sname [3]. */
    private static NegotiateToken kdcReq(int tag, Map<Integer, ASN1Element> f, String wrapping, List<String> mechs)
            throws ASN1Exception, EvidenceFormatException {
        Map<Integer, ASN1Element> body = NegotiateDecoder.fields(require(f, 4, "request body"));
        return token(tag == 0x6c ? NegotiateToken.Kind.KERBEROS_TGS_REQ : NegotiateToken.Kind.KERBEROS_AS_REQ,
                wrapping, mechs, text(body, 2), principal(body, 3), OptionalLong.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), principal(body, 1));
    }

    private static NegotiateToken token(NegotiateToken.Kind kind, String wrapping, List<String> mechs,
                                        Optional<String> realm, Optional<String> sname, OptionalLong kvno,
                                        OptionalInt etype, OptionalInt code, Optional<String> etext,
                                        Optional<String> cname) {
        return new NegotiateToken(kind, wrapping, mechs, realm, sname, kvno, etype, code, etext, cname, Map.of());
    }

    private static ASN1Element require(Map<Integer, ASN1Element> f, int n, String what) throws EvidenceFormatException {
        ASN1Element e = f.get(n);
        if (e == null) {
            throw new EvidenceFormatException("This Kerberos message has no " + what + ": the token is damaged.");
        }
        return e;
    }

    private static Optional<String> text(Map<Integer, ASN1Element> f, int n) {
        ASN1Element e = f.get(n);
        return e == null ? Optional.empty() : Optional.of(NegotiateDecoder.text(e));
    }

    /** PrincipalName ::= SEQUENCE { name-type [0], name-string [1] SEQUENCE OF KerberosString }, joined with '/'. */
    private static Optional<String> principal(Map<Integer, ASN1Element> f, int n) throws ASN1Exception {
        ASN1Element e = f.get(n);
        if (e == null) {
            return Optional.empty();
        }
        ASN1Element names = NegotiateDecoder.fields(e).get(1);
        if (names == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (ASN1Element s : ASN1Sequence.decodeAsSequence(names).elements()) {
            parts.add(NegotiateDecoder.text(s));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** EncryptedData ::= SEQUENCE { etype [0], kvno [1] OPTIONAL, cipher [2] }: the header only. */
    private static OptionalLong kvno(Map<Integer, ASN1Element> enc) throws ASN1Exception {
        ASN1Element e = enc.get(1);
        return e == null ? OptionalLong.empty() : OptionalLong.of(NegotiateDecoder.number(e) & 0xffffffffL);
    }

    private static OptionalInt etype(Map<Integer, ASN1Element> enc) throws ASN1Exception {
        ASN1Element e = enc.get(0);
        return e == null ? OptionalInt.empty() : OptionalInt.of((int) NegotiateDecoder.number(e));
    }
}
