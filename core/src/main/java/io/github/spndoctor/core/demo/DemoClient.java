package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.model.Spn;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.client.KrbConfig;
import org.apache.kerby.kerberos.kerb.client.KrbConfigKey;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.SgtTicket;
import org.apache.kerby.kerberos.kerb.type.ticket.TgtTicket;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trainer's Kerberos client on the demo, in pure Java (Apache Kerby's client: no krb5.conf, no JVM-wide
 * settings): logs on as {@code trainer@REALM} once per realm, asks the realm's KDC for a service ticket, and builds
 * the Negotiate token a WinRM client sends (SPNEGO around a Kerberos AP-REQ with mutual authentication).
 * Thread-safe.
 */
public final class DemoClient {
    private static final byte[] SPNEGO_OID = {0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
    private final DemoKerberos kerberos;
    private final Map<String, TgtTicket> tgts = new ConcurrentHashMap<>();
    private final Map<String, DemoKrbClient> clients = new ConcurrentHashMap<>();

    public DemoClient(DemoKerberos kerberos) {
        this.kerberos = kerberos;
    }

    /** Asks the KDC of the SPN's realm for a service ticket (KrbException carries the KDC's error code). */
    public SgtTicket serviceTicket(Spn spn) throws KrbException {
        synchronized (DemoClient.class) { // Kerby's request options live in shared enum constants: one request at a time
            return serviceTicketLocked(spn);
        }
    }

    private SgtTicket serviceTicketLocked(Spn spn) throws KrbException {
        String realm = kerberos.realmOf(spn.host());
        DemoKrbClient client = client(realm);
        TgtTicket tgt = tgts.get(realm);
        if (tgt == null) {
            char[] pw = kerberos.clientPassword();
            try {
                tgt = client.logOn(kerberos.clientPrincipal(realm), new String(pw));
            } finally {
                Arrays.fill(pw, '\0');
            }
            tgts.put(realm, tgt);
        }
        return client.serviceTicket(tgt, spn + "@" + realm);
    }

    private DemoKrbClient client(String realm) throws KrbException {
        DemoKrbClient c = clients.get(realm);
        if (c != null) {
            return c;
        }
        InetSocketAddress a = kerberos.kdcAddress(realm);
        // configured through its own KrbConfig: Kerby's setKdcRealm writes a shared enum constant. Only the realm:
        // the KDC's address goes to the connection, which is ours (DemoKrbClient: no 4 MB buffer each time)
        KrbConfig config = new KrbConfig();
        config.setString(KrbConfigKey.KDC_REALM, realm);
        config.setString(KrbConfigKey.DEFAULT_REALM, realm);
        c = DemoKrbClient.start(config, a);
        clients.put(realm, c);
        return c;
    }

    /** The HTTP "Authorization: Negotiate" token for a service ticket: SPNEGO NegTokenInit around the AP-REQ. */
    public static byte[] negotiateToken(SgtTicket ticket) throws KrbException {
        byte[] gss = TicketAcceptor.Der.tlv(0x60, TicketAcceptor.concat(TicketAcceptor.KRB5_OID, new byte[] {0x01, 0x00},
                apReq(ticket)));
        byte[] mechTypes = TicketAcceptor.Der.tlv(0xa0, TicketAcceptor.Der.tlv(0x30, TicketAcceptor.KRB5_OID));
        byte[] mechToken = TicketAcceptor.Der.tlv(0xa2, TicketAcceptor.Der.tlv(0x04, gss));
        byte[] init = TicketAcceptor.Der.tlv(0xa0, TicketAcceptor.Der.tlv(0x30, TicketAcceptor.concat(mechTypes, mechToken)));
        return TicketAcceptor.Der.tlv(0x60, TicketAcceptor.concat(SPNEGO_OID, init));
    }

    private static byte[] apReq(SgtTicket ticket) throws KrbException {
        PrincipalName client = ticket.getClientPrincipal();
        Authenticator auth = new Authenticator();
        auth.setAuthenticatorVno(5);
        auth.setCrealm(ticket.getRealm() != null && client.getRealm() == null ? ticket.getRealm() : client.getRealm());
        auth.setCname(client);
        long now = System.currentTimeMillis();
        auth.setCtime(new KerberosTime(now - now % 1000));
        auth.setCusec((int) (now % 1000) * 1000);
        ApReq req = new ApReq();
        ApOptions options = new ApOptions();
        options.setFlag(ApOption.MUTUAL_REQUIRED);
        req.setApOptions(options);
        req.setTicket(ticket.getTicket());
        req.setEncryptedAuthenticator(EncryptionHandler.encrypt(KrbCodec.encode(auth), ticket.getSessionKey(), KeyUsage.AP_REQ_AUTH));
        return KrbCodec.encode(req);
    }
}
