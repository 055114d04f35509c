package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnFormatException;
import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which SPN a WinRM client asks for (knowledge.md §7.3). Windows clients (SSPI) use the name as typed; clients on
 * MIT krb5 (pywinrm, Ansible, pypsrp, PowerShell on Linux/macOS) let DNS rewrite it: the forward lookup follows
 * CNAMEs ({@code dns_canonicalize_hostname}), then the first address's reverse name replaces it ({@code rdns}), and
 * the result is lower-cased. So one typed name can give two SPNs. DNS questions go to the given
 * {@link NameResolver}; stateless, may block on DNS.
 */
public final class ClientModel {
    /** Longest CNAME chain followed (MIT's resolver gives up on loops, so do we). */
    static final int MAX_CNAMES = 10;

    private ClientModel() {}

    public static SpnRequest requested(Endpoint endpoint, WinrmClient client, ClientSettings settings, NameResolver dns) {
        List<String> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String cls = serviceClass(client, settings, steps, notes);
        TargetName name = endpoint.name();
        steps.add("typed " + name.asTyped() + (endpoint.portTyped() ? " (port " + endpoint.port() + ")" : ""));
        String host;
        if (client.stack() == WinrmClient.Stack.SSPI) {
            settings.hostnameOverride().ifPresent(h -> notes.add(client.label() + " has no host name override; "
                    + h + " is not used."));
            if (!name.isDnsName()) {
                notes.add("Kerberos is not used with an IP address or localhost: Negotiate falls back to NTLM, which needs "
                        + "HTTPS or the name in TrustedHosts.");
                return new SpnRequest(endpoint, client, settings, Optional.empty(), steps, notes);
            }
            host = name.asTyped();
            steps.add("Windows does not rewrite the name through DNS: host part " + host);
        } else {
            host = settings.hostnameOverride().orElse(name.asTyped());
            settings.hostnameOverride().ifPresent(h -> steps.add("host name override " + h));
            host = canonical(host, settings, dns, steps, notes);
        }
        OptionalInt port = OptionalInt.empty();
        if (settings.includePort()) {
            if (client.offersPort()) {
                port = OptionalInt.of(endpoint.port());
                steps.add("port " + endpoint.port() + " included (" + (client == WinrmClient.WINRS ? "-spnport" : "-IncludePortInSPN") + ")");
            } else {
                notes.add(client.label() + " cannot put the port into the SPN, so port SPNs do not help it.");
            }
        }
        try {
            Spn spn = Spn.of(cls, host, port);
            return new SpnRequest(endpoint, client, settings, Optional.of(spn), steps, notes);
        } catch (SpnFormatException e) {
            notes.add("No SPN can be built from " + host + ": " + e.getMessage());
            return new SpnRequest(endpoint, client, settings, Optional.empty(), steps, notes);
        }
    }

    /** The service class {@code client} asks for with {@code settings}: its own, or the prefix it is set to when it offers one. */
    public static String serviceClass(WinrmClient client, ClientSettings settings) {
        return serviceClass(client, settings, new ArrayList<>(), new ArrayList<>());
    }

    private static String serviceClass(WinrmClient client, ClientSettings settings, List<String> steps, List<String> notes) {
        String cls = client.defaultServiceClass();
        if (settings.prefixClass().isPresent()) {
            if (client.offersPrefix()) {
                cls = settings.prefixClass().get();
                steps.add("service class " + cls + " from " + client.prefixSettingName());
                if (client.stack() == WinrmClient.Stack.SSPI && !cls.equals("WSMAN")) {
                    notes.add("Microsoft documents spn_prefix with the value WSMAN only; " + cls + " is not verified.");
                }
            } else {
                notes.add(client.label() + " has no setting for the service class; it asks for " + cls + ".");
            }
        }
        return cls;
    }

    /** MIT krb5's host name canonicalisation (krb5 princ_dns), through {@code dns}. */
    static String canonical(String start, ClientSettings settings, NameResolver dns, List<String> steps, List<String> notes) {
        String host = start;
        if (!settings.dnsCanonicalize()) {
            steps.add("dns_canonicalize_hostname = false: the name is kept");
            return host.toLowerCase(Locale.ROOT);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < MAX_CNAMES; i++) {
            if (!seen.add(host.toLowerCase(Locale.ROOT))) {
                notes.add("The CNAME records of " + start + " loop; MIT krb5 keeps the last name reached.");
                break;
            }
            Optional<String> alias = dns.cname(host).map(ClientModel::noDot);
            if (alias.isEmpty()) {
                break;
            }
            steps.add("CNAME " + host + " → " + alias.get());
            host = alias.get();
        }
        if (settings.rdns()) {
            List<String> addresses = isAddress(host) ? List.of(host) : dns.addresses(host);
            if (addresses.isEmpty()) {
                steps.add(host + " does not resolve: the name is kept");
            } else {
                Optional<String> reverse = dns.reverse(addresses.get(0)).map(ClientModel::noDot);
                if (reverse.isPresent()) {
                    steps.add("reverse lookup of " + addresses.get(0) + " → " + reverse.get());
                    host = reverse.get();
                } else {
                    steps.add("no reverse name for " + addresses.get(0) + ": the forward name is kept");
                }
            }
        } else {
            steps.add("rdns = false: no reverse lookup");
            if (host.indexOf('.') < 0) {
                notes.add("MIT krb5 completes a short name with the DNS search list; SPN Doctor cannot see that list "
                        + "and keeps " + host + ".");
            }
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (!lower.equals(host)) {
            steps.add("lower-cased to " + lower);
        }
        return lower;
    }

    private static boolean isAddress(String host) {
        try {
            TargetName.Kind k = TargetName.parse(host).kind();
            return k == TargetName.Kind.IPV4 || k == TargetName.Kind.IPV6;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String noDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
