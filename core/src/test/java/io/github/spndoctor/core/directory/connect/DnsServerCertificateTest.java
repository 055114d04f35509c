package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 9: with --dns-server the DC's address is dialled, but its certificate names its host name only (no IP SAN,
 * as a real AD certificate): the check must be against the host name, and still fail for a certificate of another host.
 */
class DnsServerCertificateTest {
    @TempDir
    static Path dir;
    static InMemoryDirectoryServer server;
    static DatagramSocket dns;
    static Path pem;

    @BeforeAll
    static void start() throws Exception {
        Path ks = dir.resolve("dc1.p12");
        pem = dir.resolve("dc1.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "dc", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=dc1.test.local",
                "-ext", "SAN=dns:dc1.test.local", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "dc", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", pem.toString());
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("DC=test,DC=local");
        SSLUtil ssl = new SSLUtil(new KeyStoreKeyManager(ks.toFile(), "changeit".toCharArray(), "PKCS12", "dc"), null);
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                ssl.createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(cfg);
        server.add("dn: DC=test,DC=local", "objectClass: top", "objectClass: domain", "dc: test");
        server.startListening();
        dns = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread t = new Thread(DnsServerCertificateTest::answer, "stub dns");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
        dns.close();
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    /** Answers every A (or ANY) question with 127.0.0.1, anything else with no answer. */
    static void answer() {
        byte[] buf = new byte[512];
        while (!dns.isClosed()) {
            try {
                DatagramPacket q = new DatagramPacket(buf, buf.length);
                dns.receive(q);
                int i = 12;
                while (buf[i] != 0) {
                    i += (buf[i] & 0xFF) + 1;
                }
                int qtype = ((buf[i + 1] & 0xFF) << 8) | (buf[i + 2] & 0xFF);
                int qend = i + 5;
                boolean a = qtype == 1 || qtype == 255;
                ByteBuffer r = ByteBuffer.allocate(512);
                r.put(buf, 0, 2).putShort((short) 0x8180).putShort((short) 1).putShort((short) (a ? 1 : 0))
                        .putShort((short) 0).putShort((short) 0).put(buf, 12, qend - 12);
                if (a) {
                    r.putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(60).putShort((short) 4)
                            .put(new byte[]{127, 0, 0, 1});
                }
                dns.send(new DatagramPacket(r.array(), r.position(), q.getSocketAddress()));
            } catch (Exception e) {
                if (dns.isClosed()) {
                    return;
                }
            }
        }
    }

    static ConnectionProfile profile(String host) {
        return new ConnectionProfile("t", ConnectionProfile.Mode.LIVE, host, null, server.getListenPort(),
                ConnectionProfile.Security.LDAPS, host, server.getListenPort(), "DC=test,DC=local",
                ConnectionProfile.BindKind.ANONYMOUS, null, Trust.caFile(pem.toString()), false, true,
                "127.0.0.1:" + dns.getLocalPort(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void theCertificateIsCheckedAgainstTheHostName_notTheDialledAddress() throws Exception {
        try (Directory d = Connector.open(profile("dc1.test.local"), null)) {
            assertEquals(false, d.info().demo());
        } catch (DirectoryException e) {
            // anything after the TLS handshake may fail against this small server; the certificate must not
            assertEquals(List.of(), e.kind() == DirectoryException.Kind.UNTRUSTED_CERTIFICATE ? List.of(e.getMessage()) : List.of());
        }
    }

    @Test
    void aCertificateForAnotherHost_isStillRefused() {
        DirectoryException e = assertThrows(DirectoryException.class, () -> Connector.open(profile("dc2.test.local"), null).close());
        assertEquals(DirectoryException.Kind.UNTRUSTED_CERTIFICATE, e.kind(), e.getMessage() + " / " + e.detail());
    }
}
