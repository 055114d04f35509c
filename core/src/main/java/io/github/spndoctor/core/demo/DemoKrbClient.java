package io.github.spndoctor.core.demo;

import org.apache.kerby.KOptions;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.client.KrbConfig;
import org.apache.kerby.kerberos.kerb.client.KrbOption;
import org.apache.kerby.kerberos.kerb.client.KrbSetting;
import org.apache.kerby.kerberos.kerb.client.impl.AbstractInternalKrbClient;
import org.apache.kerby.kerberos.kerb.client.impl.DefaultKrbHandler;
import org.apache.kerby.kerberos.kerb.client.request.AsRequest;
import org.apache.kerby.kerberos.kerb.client.request.KdcRequest;
import org.apache.kerby.kerberos.kerb.client.request.TgsRequest;
import org.apache.kerby.kerberos.kerb.type.ticket.SgtTicket;
import org.apache.kerby.kerberos.kerb.type.ticket.TgtTicket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Kerby's client for one demo realm, built from Kerby's public pieces: its requests and its handler, which check
 * every reply. Only the connection is ours. Kerby's {@code KrbClient} sends through its own network code, which
 * allocates 4 MB per connection (see {@link DemoTcpTransport}), and offers no way to plug in another. One connection
 * per request, to the realm's only KDC, as Kerby's client does.
 */
final class DemoKrbClient extends AbstractInternalKrbClient {
    /** How long a connection and a reply may take: Kerby's default, 1 s, is too short for a busy laptop's first PBKDF2 key. */
    static final int TIMEOUT_MS = 10_000;

    private final InetSocketAddress kdc;
    private DefaultKrbHandler handler;

    private DemoKrbClient(KrbSetting setting, InetSocketAddress kdc) {
        super(setting);
        this.kdc = kdc;
    }

    /** A ready client for the realm whose KDC listens at {@code kdc}, configured by {@code config} alone. */
    static DemoKrbClient start(KrbConfig config, InetSocketAddress kdc) throws KrbException {
        DemoKrbClient client = new DemoKrbClient(new KrbSetting(config), kdc);
        client.init();
        return client;
    }

    @Override
    public void init() throws KrbException {
        super.init();
        handler = new DefaultKrbHandler();
        handler.init(getContext());
    }

    /** Logs on with a password (an AS exchange). */
    TgtTicket logOn(String principal, String password) throws KrbException {
        KOptions options = new KOptions();
        options.add(KrbOption.CLIENT_PRINCIPAL, principal);
        options.add(KrbOption.USE_PASSWD, true);
        options.add(KrbOption.USER_PASSWD, password);
        return requestTgt(options);
    }

    /** A service ticket for {@code server} (a TGS exchange). */
    SgtTicket serviceTicket(TgtTicket tgt, String server) throws KrbException {
        KOptions options = new KOptions();
        options.add(KrbOption.USE_TGT, tgt);
        options.add(KrbOption.SERVER_PRINCIPAL, server);
        return requestSgt(options);
    }

    @Override
    protected TgtTicket doRequestTgt(AsRequest request) throws KrbException {
        send(request);
        return request.getTicket();
    }

    @Override
    protected SgtTicket doRequestSgt(TgsRequest request) throws KrbException {
        send(request);
        return request.getSgt();
    }

    private void send(KdcRequest request) throws KrbException {
        try (Socket socket = new Socket()) {
            socket.connect(kdc, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            request.setSessionData(new DemoTcpTransport(socket));
            handler.handleRequest(request, false);
        } catch (IOException e) {
            throw new KrbException("The demo KDC at " + kdc + " did not answer: " + e.getMessage(), e);
        }
    }
}
