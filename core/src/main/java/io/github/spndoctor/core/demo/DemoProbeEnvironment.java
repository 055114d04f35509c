package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The probe's world on the demo: the demo's KDCs (every realm), the in-process WinRM hosts (one loopback address; the
 * Host header names the computer), the demo's DNS, and the trainer's principal in the target host's realm.
 * Immutable.
 */
final class DemoProbeEnvironment implements ProbeEnvironment {
    private final DemoKerberos kerberos;
    private final DemoDns dns;
    private final String realm;

    DemoProbeEnvironment(DemoKerberos kerberos, DemoDns dns, String host) {
        this.kerberos = kerberos;
        this.dns = dns;
        this.realm = kerberos.realmOf(host);
        kerberos.prepareClient(realm);   // the KDC's side of the logon, while the probe does DNS and TCP first
    }

    @Override
    public KdcConfig kdc() {
        Map<String, List<InetSocketAddress>> kdcs = new LinkedHashMap<>();
        for (String r : kerberos.realms()) {
            kdcs.put(r, List.of(kerberos.kdcAddress(r)));
        }
        return new KdcConfig(Optional.empty(), kdcs, Optional.of(realm));
    }

    @Override
    public InetSocketAddress winrmAddress(String host, int port) { return kerberos.winrmAddress(); }

    @Override
    public NameResolver resolver() { return dns; }

    @Override
    public ProbeCredentials credentials() {
        char[] pw = kerberos.clientPassword();
        try {
            return new ProbeCredentials.Password(kerberos.clientPrincipal(realm), pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }
}
