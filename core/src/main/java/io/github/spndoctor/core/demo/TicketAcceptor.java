package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a client's Kerberos AP-REQ the way a Windows host does: it decrypts the ticket with the host's own long-term
 * key (the computer account's), then the authenticator with the ticket's session key. A ticket encrypted for another
 * account fails at the first step: KRB_AP_ERR_MODIFIED, the error behind 0x80090322. Takes a raw GSS-API Kerberos
 * token or one wrapped in SPNEGO (HTTP Negotiate); answers with an AP-REP when the client asked for mutual
 * authentication. Stateless.
 */
final class TicketAcceptor {
    static final byte[] KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    static final byte[] MS_KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    private static final long SKEW_MILLIS = 5 * 60 * 1000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketAcceptor() {}

    /**
     * What the host made of a token. {@code ticketKvno} and {@code sname} are read from the ticket's clear part.
     *
     * @param reason  empty when accepted; else the Kerberos error name and why
     * @param reply   the token to send back (AP-REP, wrapped like the request) when accepted with mutual auth
     * @param binding the channel-binding hash of the authenticator's GSS checksum (RFC 4121 §4.1.1: 16 bytes, all
     *                zero when the client bound nothing); empty when not accepted or there is no GSS checksum
     */
    record Result(boolean accepted, String reason, String sname, int ticketKvno, String client, Optional<byte[]> reply,
                  Optional<byte[]> binding) {
        Result(boolean accepted, String reason, String sname, int ticketKvno, String client, Optional<byte[]> reply) {
            this(accepted, reason, sname, ticketKvno, client, reply, Optional.empty());
        }
    }

    static Result accept(byte[] token, List<EncryptionKey> hostKeys) {
        int at = apReqStart(token);
        if (at < 0) {
            return new Result(false, "not a Kerberos token (no AP-REQ inside)", "", 0, "", Optional.empty());
        }
        boolean spnego = isSpnego(token);
        byte[] oid = Arrays.equals(Arrays.copyOfRange(token, at - 13, at - 2), MS_KRB5_OID) ? MS_KRB5_OID : KRB5_OID;
        ApReq req;
        try {
            req = KrbCodec.decode(ByteBuffer.wrap(token, at, token.length - at).slice(), ApReq.class);
        } catch (KrbException | RuntimeException e) {
            return new Result(false, "KRB_AP_ERR_MSG_TYPE: the AP-REQ cannot be read", "", 0, "", Optional.empty());
        }
        Ticket ticket = req.getTicket();
        String sname = ticket.getSname().getName() + "@" + ticket.getRealm();
        EncryptedData part = ticket.getEncryptedEncPart();
        Optional<EncryptionKey> key = hostKeys.stream().filter(k -> k.getKeyType() == part.getEType()).findFirst();
        if (key.isEmpty()) {
            return new Result(false, "KRB_AP_ERR_NOKEY: the host has no " + part.getEType().getName() + " key",
                    sname, part.getKvno(), "", Optional.empty());
        }
        EncTicketPart enc;
        try {
            enc = KrbCodec.decode(EncryptionHandler.decrypt(part, key.get(), KeyUsage.KDC_REP_TICKET), EncTicketPart.class);
        } catch (KrbException | RuntimeException e) {
            return new Result(false, "KRB_AP_ERR_MODIFIED: the host's own key (kvno " + key.get().getKvno()
                    + ") cannot decrypt the ticket (kvno " + part.getKvno() + "): it is encrypted for another account",
                    sname, part.getKvno(), "", Optional.empty());
        }
        Authenticator auth;
        try {
            auth = KrbCodec.decode(EncryptionHandler.decrypt(req.getEncryptedAuthenticator(), enc.getKey(), KeyUsage.AP_REQ_AUTH),
                    Authenticator.class);
        } catch (KrbException | RuntimeException e) {
            return new Result(false, "KRB_AP_ERR_BAD_INTEGRITY: the authenticator does not match the ticket",
                    sname, part.getKvno(), "", Optional.empty());
        }
        String client = enc.getCname().getName() + "@" + enc.getCrealm();
        if (!enc.getCname().getName().equals(auth.getCname().getName()) || !enc.getCrealm().equals(auth.getCrealm())) {
            return new Result(false, "KRB_AP_ERR_BADMATCH: the authenticator names another client", sname, part.getKvno(), client, Optional.empty());
        }
        long now = System.currentTimeMillis();
        if (Math.abs(auth.getCtime().getTime() - now) > SKEW_MILLIS) {
            return new Result(false, "KRB_AP_ERR_SKEW: the client's clock is more than 5 minutes off", sname, part.getKvno(), client, Optional.empty());
        }
        if (enc.getEndTime() != null && enc.getEndTime().getTime() < now) {
            return new Result(false, "KRB_AP_ERR_TKT_EXPIRED: the ticket has expired", sname, part.getKvno(), client, Optional.empty());
        }
        Optional<byte[]> reply = Optional.empty();
        if (req.getApOptions() != null && req.getApOptions().isFlagSet(ApOption.MUTUAL_REQUIRED)) {
            try {
                reply = Optional.of(wrap(apRep(auth, enc.getKey()), oid, spnego));
            } catch (KrbException e) {
                return new Result(false, "the host could not build its answer: " + e.getMessage(), sname, part.getKvno(), client, Optional.empty());
            }
        }
        return new Result(true, "", sname, part.getKvno(), client, reply, binding(auth));
    }

    /** The Bnd field of the GSS-API checksum (type 0x8003: Lgth = 16, then the MD5 of the channel bindings). */
    static Optional<byte[]> binding(Authenticator auth) {
        if (auth.getCksum() == null || auth.getCksum().getChecksum() == null) {
            return Optional.empty();
        }
        byte[] c = auth.getCksum().getChecksum();
        if (c.length < 20 || (c[0] & 0xff) != 16 || c[1] != 0 || c[2] != 0 || c[3] != 0) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(c, 4, 20));
    }

    /**
     * The Bnd value a client computes for channel bindings without addresses and with {@code applicationData}
     * (RFC 4121 §4.1.1.2: MD5 over the little-endian address types and lengths, then the data's length and bytes).
     */
    static byte[] expectedBinding(byte[] applicationData) {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            md5.update(new byte[16]);   // initiator type + length, acceptor type + length: all zero
            int n = applicationData.length;
            md5.update(new byte[]{(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
            md5.update(applicationData);
            return md5.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for an SPNEGO NegTokenInit: [APPLICATION 0] (any DER length form) starting with OID 1.3.6.1.5.5.2. */
    static boolean isSpnego(byte[] t) {
        if (t.length < 12 || t[0] != 0x60) {
            return false;
        }
        int at = (t[1] & 0x80) == 0 ? 2 : 2 + (t[1] & 0x7f);
        return at + 3 < t.length && t[at] == 0x06 && t[at + 1] == 0x06 && t[at + 2] == 0x2b && t[at + 3] == 0x06;
    }

    /** Index of the AP-REQ (APPLICATION 14) after "OID 01 00" inside the token, or -1. */
    static int apReqStart(byte[] t) {
        for (int i = 0; i + KRB5_OID.length + 3 <= t.length; i++) {
            if (matches(t, i, KRB5_OID) || matches(t, i, MS_KRB5_OID)) {
                int j = i + KRB5_OID.length;
                if (t[j] == 0x01 && t[j + 1] == 0x00 && t[j + 2] == 0x6e) {
                    return j + 2;
                }
            }
        }
        return -1;
    }

    private static boolean matches(byte[] t, int at, byte[] what) {
        for (int k = 0; k < what.length; k++) {
            if (t[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] apRep(Authenticator auth, EncryptionKey session) throws KrbException {
        EncAPRepPart part = new EncAPRepPart();
        part.setCtime(auth.getCtime() == null ? KerberosTime.now() : auth.getCtime());
        part.setCusec(auth.getCusec());
        part.setSeqNumber(RANDOM.nextInt() & 0x3fffffff);
        ApRep rep = new ApRep();
        rep.setEncryptedEncPart(EncryptionHandler.encrypt(KrbCodec.encode(part), session, KeyUsage.AP_REP_ENCPART));
        return KrbCodec.encode(rep);
    }

    /** GSS-API framing (RFC 2743 §3.1, token id 02 00 = AP-REP), and the SPNEGO NegTokenResp when the client used it. */
    static byte[] wrap(byte[] apRep, byte[] oid, boolean spnego) {
        byte[] inner = concat(oid, new byte[] {0x02, 0x00}, apRep);
        byte[] gss = Der.tlv(0x60, inner);
        if (!spnego) {
            return gss;
        }
        byte[] negState = Der.tlv(0xa0, new byte[] {0x0a, 0x01, 0x00}); // accept-completed
        byte[] mech = Der.tlv(0xa1, oid);
        byte[] response = Der.tlv(0xa2, Der.tlv(0x04, gss));
        return Der.tlv(0xa1, Der.tlv(0x30, concat(negState, mech, response)));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The few DER pieces SPNEGO needs. */
    static final class Der {
        private Der() {}

        static byte[] tlv(int tag, byte[] value) {
            return concat(new byte[] {(byte) tag}, length(value.length), value);
        }

        static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            if (n < 0x100) {
                return new byte[] {(byte) 0x81, (byte) n};
            }
            if (n < 0x10000) {
                return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
            }
            return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
    }
}
