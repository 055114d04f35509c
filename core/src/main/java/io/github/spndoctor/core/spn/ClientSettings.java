package io.github.spndoctor.core.spn;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The client settings that change the SPN: include the port, the service-class prefix (registry spn_prefix,
 * pywinrm's service, pypsrp's negotiate_service), a host name override, and MIT krb5's
 * {@code dns_canonicalize_hostname} and {@code rdns} (both true by default). Immutable.
 */
public record ClientSettings(boolean includePort, Optional<String> spnPrefix, Optional<String> hostnameOverride,
                             boolean dnsCanonicalize, boolean rdns) {
    public static final ClientSettings DEFAULT = new ClientSettings(false, Optional.empty(), Optional.empty(), true, true);

    public ClientSettings {
        spnPrefix = clean(Objects.requireNonNull(spnPrefix, "spnPrefix"));
        hostnameOverride = clean(Objects.requireNonNull(hostnameOverride, "hostnameOverride"));
        spnPrefix.ifPresent(p -> {
            if (!p.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw new IllegalArgumentException("'" + (p.length() > 40 ? p.substring(0, 37) + "..." : p)
                        + "' is not a service class: use letters, digits and '-', e.g. WSMAN.");
            }
        });
    }

    private static Optional<String> clean(Optional<String> v) {
        return v.map(String::strip).filter(s -> !s.isEmpty());
    }

    public ClientSettings withIncludePort(boolean on) {
        return new ClientSettings(on, spnPrefix, hostnameOverride, dnsCanonicalize, rdns);
    }

    public ClientSettings withSpnPrefix(String prefix) {
        return new ClientSettings(includePort, Optional.ofNullable(prefix), hostnameOverride, dnsCanonicalize, rdns);
    }

    public ClientSettings withHostnameOverride(String host) {
        return new ClientSettings(includePort, spnPrefix, Optional.ofNullable(host), dnsCanonicalize, rdns);
    }

    public ClientSettings withDnsCanonicalize(boolean on) {
        return new ClientSettings(includePort, spnPrefix, hostnameOverride, on, rdns);
    }

    public ClientSettings withRdns(boolean on) {
        return new ClientSettings(includePort, spnPrefix, hostnameOverride, dnsCanonicalize, on);
    }

    /** The prefix upper-cased, as the SPN carries it. */
    Optional<String> prefixClass() {
        return spnPrefix.map(p -> p.toUpperCase(Locale.ROOT));
    }
}
