package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;

import javax.net.ssl.SSLSocket;
import java.util.Objects;

/**
 * Checks a TLS server certificate against a given host name rather than the address that was dialled: with a DNS
 * server of its own, SPN Doctor dials the address DNS gave for the DC, while the DC's certificate names its host
 * name. Wildcards are allowed as in {@link HostNameSSLSocketVerifier}.
 */
final class NamedHostVerifier extends SSLSocketVerifier {
    private final String hostName;
    private final HostNameSSLSocketVerifier names = new HostNameSSLSocketVerifier(true);

    NamedHostVerifier(String hostName) {
        this.hostName = Objects.requireNonNull(hostName, "hostName");
    }

    @Override
    public void verifySSLSocket(String dialled, int port, SSLSocket socket) throws LDAPException {
        names.verifySSLSocket(hostName, port, socket);
    }
}
