package io.github.spndoctor.core.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The krb5.conf the JDK's Kerberos reads for one probe: the given file, or one generated from realm → KDC addresses
 * with short timeouts (3 s, one retry) and no DNS lookups for KDCs or realms. Generated files are deleted by
 * {@link #close()}.
 */
final class Krb5Conf implements AutoCloseable {
    private final Optional<Path> path;
    private final boolean generated;

    private Krb5Conf(Optional<Path> path, boolean generated) {
        this.path = path;
        this.generated = generated;
    }

    static Krb5Conf of(ProbeEnvironment.KdcConfig cfg) throws IOException {
        if (cfg.krb5Conf().isPresent()) {
            return new Krb5Conf(cfg.krb5Conf(), false);
        }
        if (cfg.kdcs().isEmpty()) {
            return new Krb5Conf(Optional.empty(), false);
        }
        Path file = Files.createTempFile("spn-doctor-krb5-", ".conf");
        Files.writeString(file, text(cfg), StandardCharsets.UTF_8);
        return new Krb5Conf(Optional.of(file), true);
    }

    static String text(ProbeEnvironment.KdcConfig cfg) {
        StringBuilder sb = new StringBuilder("[libdefaults]\n");
        String realm = cfg.defaultRealm().orElse(cfg.kdcs().keySet().iterator().next());
        sb.append("  default_realm = ").append(realm).append('\n')
                .append("  dns_lookup_kdc = false\n  dns_lookup_realm = false\n")
                .append("  kdc_timeout = 3000\n  max_retries = 1\n  udp_preference_limit = 1\n")
                .append("[realms]\n");
        for (Map.Entry<String, List<InetSocketAddress>> e : cfg.kdcs().entrySet()) {
            sb.append("  ").append(e.getKey()).append(" = {\n");
            for (InetSocketAddress a : e.getValue()) {
                sb.append("    kdc = ").append(a.getHostString()).append(':').append(a.getPort()).append('\n');
            }
            sb.append("  }\n");
        }
        return sb.toString();
    }

    /** The file to point java.security.krb5.conf at; empty for the JDK's default lookup. */
    Optional<Path> path() { return path; }

    @Override
    public void close() {
        if (generated && path.isPresent()) {
            try {
                Files.deleteIfExists(path.get());
            } catch (IOException ignored) {
                // a temp file left behind holds no secret
            }
        }
    }
}
