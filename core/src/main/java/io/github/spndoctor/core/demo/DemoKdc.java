package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnFormatException;
import io.github.spndoctor.core.spn.SpnAnswer;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.identity.backend.BackendConfig;
import org.apache.kerby.kerberos.kerb.request.KrbIdentity;
import org.apache.kerby.kerberos.kerb.server.KdcConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.KdcServer;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The demo's Kerberos KDCs: one Apache Kerby KDC per demo realm, in this process, on a free loopback TCP port. Every
 * principal is derived from the demo directory at the moment it is asked for: {@code krbtgt/REALM}, the trainer's
 * client principal, and every SPN, whose ticket is encrypted with the key (and kvno) of the account that holds it
 * exactly, or through sPNMappings ({@link io.github.spndoctor.core.spn.SpnResolver}). A duplicate or unknown SPN gets no principal, so the KDC
 * answers KDC_ERR_S_PRINCIPAL_UNKNOWN like AD. Thread-safe; {@link #close()} stops every KDC.
 */
final class DemoKdc implements AutoCloseable {
    /** The client principal's name in each realm ("trainer@REALM"). */
    static final String CLIENT = "trainer";

    private final Map<String, KdcServer> servers = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
    private final DemoAccounts accounts;
    private final DemoKeys keys;
    private final char[] clientPassword;
    private final List<Consumer<KdcEvent>> listeners = new CopyOnWriteArrayList<>();

    /** One service-ticket decision, for the trainer's "what the KDC did" view and the tests. */
    record KdcEvent(String principal, SpnAnswer answer, int kvno) { }

    private DemoKdc(DemoAccounts accounts, DemoKeys keys, char[] clientPassword) {
        this.accounts = accounts;
        this.keys = keys;
        this.clientPassword = clientPassword.clone();
    }

    /** Starts one KDC per realm (upper-case realm names). */
    static DemoKdc start(List<String> realms, DemoAccounts accounts, DemoKeys keys, char[] clientPassword) {
        DemoKdc kdc = new DemoKdc(accounts, keys, clientPassword);
        try {
            for (String realm : realms) {
                kdc.startRealm(realm.toUpperCase(Locale.ROOT));
            }
            return kdc;
        } catch (KrbException | IOException | RuntimeException e) {
            kdc.close();
            throw new IllegalStateException("The demo KDC could not be started: " + e.getMessage(), e);
        }
    }

    private void startRealm(String realm) throws KrbException, IOException {
        KrbException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            KdcConfig config = new KdcConfig();
            config.setString(KdcConfigKey.KDC_REALM, realm);
            config.setString(KdcConfigKey.ENCRYPTION_TYPES, "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96");
            BackendConfig backend = new BackendConfig();
            backend.setString(KdcConfigKey.KDC_IDENTITY_BACKEND, DemoIdentityBackend.class.getName());
            // Kerby's setKdcRealm/setKdcPort keep their values in shared enum constants (one KDC per JVM): configure
            // every KDC through its own KdcConfig instead
            config.setString(KdcConfigKey.KDC_HOST, InetAddress.getLoopbackAddress().getHostAddress());
            config.setInt(KdcConfigKey.KDC_TCP_PORT, port);
            config.setBoolean(KdcConfigKey.KDC_ALLOW_UDP, false);
            config.setBoolean(KdcConfigKey.KDC_ALLOW_TCP, true);
            KdcServer server = new KdcServer(config, backend);
            server.setInnerKdcImpl(new DemoInnerKdc(server.getKdcSetting()));
            server.init();
            ((DemoIdentityBackend) server.getIdentityService()).answerWith(name -> identity(realm, name));
            try {
                server.start();
            } catch (KrbException e) { // the port was taken in between: try another
                last = e;
                continue;
            }
            servers.put(realm, server);
            addresses.put(realm, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return;
        }
        throw last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The realms served, in start order. */
    List<String> realms() { return List.copyOf(servers.keySet()); }

    /** The TCP address of the realm's KDC. */
    InetSocketAddress address(String realm) {
        InetSocketAddress a = addresses.get(realm.toUpperCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("The demo has no realm " + realm);
        }
        return a;
    }

    void onTicket(Consumer<KdcEvent> listener) { listeners.add(listener); }

    /** The identity Kerby asks for, derived from the directory now; null when the KDC must refuse. */
    private KrbIdentity identity(String realm, String principal) {
        String name = principal.contains("@") ? principal.substring(0, principal.lastIndexOf('@')) : principal;
        try {
            if (name.equalsIgnoreCase("krbtgt/" + realm)) {
                return withKeys(principal, keys.of("krbtgt@" + realm, 1));
            }
            if (name.equals(CLIENT)) {
                return withKeys(principal, clientKeys(principal));
            }
            if (!name.contains("/")) {
                return null;
            }
            SpnAnswer answer = accounts.choose(Spn.parse(name));
            if (!answer.ticketIssued()) {
                listeners.forEach(l -> l.accept(new KdcEvent(principal, answer, 0)));
                return null;
            }
            AccountRef holder = answer.answeredBy().get().ref();
            int kvno = accounts.kvno(holder);
            listeners.forEach(l -> l.accept(new KdcEvent(principal, answer, kvno)));
            KrbIdentity id = withKeys(principal, keys.of(holder.dn(), kvno));
            id.setDisabled(accounts.disabled(holder));
            return id;
        } catch (SpnFormatException | DirectoryException | KrbException e) {
            return null;
        }
    }

    /** The trainer's keys per principal, derived once; a derivation under way is waited for, not repeated. */
    private final Map<String, java.util.concurrent.CompletableFuture<List<EncryptionKey>>> clientKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts deriving the trainer's keys in {@code realm} on a background thread and returns at once: the first
     * logon then does not wait for PBKDF2 (slow on purpose, and slowest while its classes load), which overlaps with
     * what the client does first (DNS, TCP, loading its own Kerberos classes). Nothing is derived twice.
     */
    void prepareClient(String realm) {
        String principal = CLIENT + "@" + realm.toUpperCase(Locale.ROOT);
        clientKeys.computeIfAbsent(principal, p -> java.util.concurrent.CompletableFuture.supplyAsync(() -> derive(p), r -> {
            Thread t = new Thread(r, "demo-kdc-keys");
            t.setDaemon(true);
            t.start();
        }));
    }

    /** The trainer's keys in a realm, derived from the password once (PBKDF2 is slow on purpose). */
    private List<EncryptionKey> clientKeys(String principal) throws KrbException {
        java.util.concurrent.CompletableFuture<List<EncryptionKey>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<List<EncryptionKey>> known = clientKeys.putIfAbsent(principal, mine);
        if (known == null) {
            try {
                mine.complete(derive(principal));
            } catch (RuntimeException e) {
                clientKeys.remove(principal, mine);
                mine.completeExceptionally(e);
            }
            known = mine;
        }
        try {
            return known.join();
        } catch (java.util.concurrent.CompletionException e) {
            clientKeys.remove(principal, known);
            throw new KrbException("The trainer's keys could not be derived: " + e.getCause().getMessage());
        }
    }

    private List<EncryptionKey> derive(String principal) {
        List<EncryptionKey> list = new ArrayList<>();
        try {
            for (EncryptionType t : DemoKeys.TYPES) {
                EncryptionKey k = EncryptionHandler.string2Key(principal, new String(clientPassword), t);
                k.setKvno(1);
                list.add(k);
            }
        } catch (KrbException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return List.copyOf(list);
    }

    private static KrbIdentity withKeys(String principal, List<EncryptionKey> keys) {
        KrbIdentity id = new KrbIdentity(principal);
        id.addKeys(keys);
        id.setKeyVersion(keys.get(0).getKvno());
        return id;
    }

    @Override
    public void close() {
        for (KdcServer s : servers.values()) {
            try {
                s.stop();
            } catch (KrbException | RuntimeException e) {
                // stopping is best effort: the process is going away or the KDC already stopped
            }
        }
        servers.clear();
    }
}
