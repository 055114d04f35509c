package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Where the live probe finds Kerberos and WinRM, and whose identity it uses (a picocli mixin). */
public final class ProbeOptions {
    @Option(names = "--krb5-conf", paramLabel = "FILE", description = "krb5.conf for the probe (default: $KRB5_CONFIG, then the JDK's own lookup).")
    Path krb5Conf;

    @Option(names = "--realm", paramLabel = "REALM", description = "Kerberos realm of the SPN (default: krb5.conf's default_realm).")
    String realm;

    @Option(names = "--ccache", paramLabel = "FILE", description = "Ticket cache with your ticket-granting ticket (default: $KRB5CCNAME).")
    Path ccache;

    @Option(names = "--probe-principal", paramLabel = "USER@REALM", description = "Ask with this principal and a password instead of your ticket cache.")
    String principal;

    @Option(names = "--probe-password-env", paramLabel = "VAR", description = "The probe principal's password, from this environment variable.")
    String passwordEnv;

    @Option(names = "--winrm-address", paramLabel = "HOST[:5986]=ADDRESS:PORT", description = "Dial ADDRESS:PORT for HOST's WinRM on 5985 (or on 5986 with HOST:5986=...; repeatable); the Host header keeps HOST.")
    List<String> winrmAddresses;

    @Option(names = "--winrm-ca-file", paramLabel = "PEM", description = "Over HTTPS (5986): trust the WinRM host's certificate when this CA file issued it (default: the system's trust store). The name is always checked.")
    Path winrmCaFile;

    @Option(names = "--winrm-trust-fingerprint", paramLabel = "SHA256", description = "Over HTTPS (5986): trust exactly the WinRM certificate with this SHA-256 fingerprint.")
    String winrmFingerprint;

    @Option(names = "--no-kerberos-probe", description = "Run only the steps that need no Kerberos identity.")
    boolean noKerberos;

    Function<String, String> env = System::getenv;

    ProbeEnvironment environment(NameResolver resolver) {
        Map<String, InetSocketAddress> map = new HashMap<>();
        if (winrmAddresses != null) {
            for (String m : winrmAddresses) {
                int eq = m.indexOf('=');
                int colon = m.lastIndexOf(':');
                if (eq <= 0 || colon < eq || !m.substring(colon + 1).matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("--winrm-address wants HOST=ADDRESS:PORT, e.g. srv003.lab.test=127.0.0.1:5985.");
                }
                String key = m.substring(0, eq).toLowerCase(Locale.ROOT);
                map.put(key.endsWith(":5986") ? key : key.replaceFirst(":5985$", "") ,
                        new InetSocketAddress(m.substring(eq + 1, colon), Integer.parseInt(m.substring(colon + 1))));
            }
        }
        Optional<Path> conf = Optional.ofNullable(krb5Conf).or(() -> Optional.ofNullable(env.apply("KRB5_CONFIG"))
                .filter(s -> !s.isBlank()).map(Path::of));
        ProbeEnvironment.KdcConfig kdc = new ProbeEnvironment.KdcConfig(conf, Map.of(), Optional.ofNullable(realm));
        ProbeCredentials creds = credentials();
        io.github.spndoctor.core.probe.WinrmTls tls = new io.github.spndoctor.core.probe.WinrmTls(
                winrmFingerprint != null ? io.github.spndoctor.core.directory.connect.Trust.fingerprint(winrmFingerprint)
                        : winrmCaFile != null ? io.github.spndoctor.core.directory.connect.Trust.caFile(winrmCaFile.toString())
                        : io.github.spndoctor.core.directory.connect.Trust.system());
        return new ProbeEnvironment() {
            @Override
            public KdcConfig kdc() { return kdc; }

            @Override
            public InetSocketAddress winrmAddress(String host, int port) {
                InetSocketAddress a = port == 5985 ? map.get(host.toLowerCase(Locale.ROOT))
                        : port == 5986 ? map.get(host.toLowerCase(Locale.ROOT) + ":5986") : null;
                return a != null ? a : ProbeEnvironment.super.winrmAddress(host, port);
            }

            @Override
            public NameResolver resolver() { return resolver; }

            @Override
            public io.github.spndoctor.core.probe.WinrmTls tls() { return tls; }

            @Override
            public ProbeCredentials credentials() { return creds; }
        };
    }

    private ProbeCredentials credentials() {
        if (noKerberos) {
            return new ProbeCredentials.None();
        }
        if (principal != null) {
            if (passwordEnv == null) {
                throw new IllegalArgumentException("--probe-principal needs --probe-password-env VAR (the password is never taken on the command line).");
            }
            String pw = env.apply(passwordEnv);
            if (pw == null || pw.isEmpty()) {
                throw new IllegalArgumentException("The environment variable " + passwordEnv + " is not set or empty.");
            }
            return new ProbeCredentials.Password(principal, pw.toCharArray());
        }
        Optional<Path> cache = Optional.ofNullable(ccache).or(() -> Optional.ofNullable(env.apply("KRB5CCNAME"))
                .filter(s -> !s.isBlank()).map(s -> s.startsWith("FILE:") ? s.substring(5) : s)
                .filter(s -> !s.contains(":")).map(Path::of));
        return new ProbeCredentials.Session(cache);
    }
}
