package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.DnsServerResolver;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.WinrmClient;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The client and its settings, shared by {@code spn} and {@code probe} (a picocli mixin). */
public final class ClientOptions {
    @Option(names = "--client", paramLabel = "ID", defaultValue = "powershell",
            description = "The client that connects (default: powershell); see spn --list-clients.")
    String client;

    @Option(names = "--include-port", description = "The client puts the port into the SPN (-IncludePortInSPN, winrs -spnport).")
    boolean includePort;

    @Option(names = "--spn-prefix", paramLabel = "CLASS", description = "Service class set on the client (registry spn_prefix, pywinrm service, pypsrp negotiate_service), e.g. WSMAN.")
    String spnPrefix;

    @Option(names = "--hostname-override", paramLabel = "HOST", description = "Host name override of pywinrm, pypsrp and Ansible.")
    String hostnameOverride;

    @Option(names = "--no-dns-canonicalize", description = "MIT krb5 clients: dns_canonicalize_hostname = false.")
    boolean noCanonicalize;

    @Option(names = "--no-rdns", description = "MIT krb5 clients: rdns = false.")
    boolean noRdns;

    @Option(names = "--name-server", paramLabel = "ADDRESS", description = "Ask this DNS server about names instead of the system resolver.")
    String nameServer;

    public WinrmClient winrmClient() {
        return WinrmClient.byId(client).orElseThrow(() -> new IllegalArgumentException("Unknown client '"
                + (client.length() > 40 ? client.substring(0, 37) + "..." : client) + "'. Known: "
                + Arrays.stream(WinrmClient.values()).map(WinrmClient::id).collect(Collectors.joining(", ")) + "."));
    }

    public ClientSettings settings() {
        return new ClientSettings(includePort, Optional.ofNullable(spnPrefix), Optional.ofNullable(hostnameOverride),
                !noCanonicalize, !noRdns);
    }

    public NameResolver resolver() {
        return nameServer == null ? new JdkNameResolver() : new DnsServerResolver(nameServer);
    }
}
