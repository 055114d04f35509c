package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the live probe finds the world: the KDC, each host's WinRM endpoint, DNS and the credentials. The default
 * ({@link #system}) is the machine's own krb5.conf, DNS and the user's Kerberos session; the demo supplies an
 * embedded KDC and in-process WinRM acceptors; tests point it at the Samba lab. Implementations are immutable and
 * thread-safe.
 */
public interface ProbeEnvironment {
    /** How the JDK's Kerberos reaches a KDC. */
    KdcConfig kdc();

    /**
     * Where {@code host}'s WinRM listener on {@code port} is reached. The HTTP Host header always carries the
     * host name; only the socket goes here. Default: the name itself through DNS.
     */
    default InetSocketAddress winrmAddress(String host, int port) {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** DNS as the probe sees it (forward, CNAME, reverse). */
    default NameResolver resolver() {
        return new JdkNameResolver();
    }

    /** How a WinRM listener's certificate on 5986 is validated: the JVM's trust store and the host name by default. */
    default WinrmTls tls() {
        return WinrmTls.system();
    }

    /** Whose Kerberos identity asks for the ticket. */
    ProbeCredentials credentials();

    /**
     * The KDC of one domain controller (by its DNS host name), when this environment knows it better than DNS and
     * port 88 do: the demo's simulated DCs run their KDCs on free loopback ports. Empty by default.
     */
    default Optional<InetSocketAddress> kdcOf(String dcHostName) {
        return Optional.empty();
    }

    /**
     * The KDC configuration: either a krb5.conf file, or realms and their KDC addresses (a krb5.conf is generated
     * from them), plus the realm SPNs are requested in when the SPN names none.
     *
     * @param krb5Conf     a krb5.conf to use as it is; empty to use {@code kdcs}, or the JDK's default lookup
     *                     (java.security.krb5.conf, /etc/krb5.conf, %WINDIR%\krb5.ini) when both are empty
     * @param kdcs         realm (upper case) → its KDCs as host:port
     * @param defaultRealm the realm of the SPN and of a password principal without '@'; empty: krb5.conf's
     */
    record KdcConfig(Optional<Path> krb5Conf, Map<String, List<InetSocketAddress>> kdcs, Optional<String> defaultRealm) {
        public KdcConfig {
            kdcs = Map.copyOf(kdcs);
        }

        /** The JDK's own lookup (the machine's krb5.conf). */
        public static KdcConfig systemDefault() {
            return new KdcConfig(Optional.empty(), Map.of(), Optional.empty());
        }

        public static KdcConfig file(Path krb5Conf, String realm) {
            return new KdcConfig(Optional.of(krb5Conf), Map.of(), Optional.ofNullable(realm));
        }

        public static KdcConfig realm(String realm, InetSocketAddress kdc) {
            return new KdcConfig(Optional.empty(), Map.of(realm, List.of(kdc)), Optional.of(realm));
        }
    }

    /** {@code base} with one KDC only: {@code kdc} for {@code realm} (e.g. one domain controller's KDC on port 88). */
    static ProbeEnvironment atKdc(ProbeEnvironment base, String realm, InetSocketAddress kdc) {
        KdcConfig one = KdcConfig.realm(realm, kdc);
        return new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return one; }

            @Override
            public InetSocketAddress winrmAddress(String host, int port) { return base.winrmAddress(host, port); }

            @Override
            public NameResolver resolver() { return base.resolver(); }

            @Override
            public ProbeCredentials credentials() { return base.credentials(); }
        };
    }

    /** The machine's krb5.conf, DNS and WinRM endpoints with the given credentials. */
    static ProbeEnvironment system(ProbeCredentials credentials) {
        return new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return KdcConfig.systemDefault(); }

            @Override
            public ProbeCredentials credentials() { return credentials; }
        };
    }
}
