package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.demo.ReplicatedDemo;
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
    private final Optional<ReplicatedDemo> replicas;

    DemoProbeEnvironment(DemoKerberos kerberos, DemoDns dns, String host) {
        this(kerberos, dns, host, Optional.empty());
    }

    /** @param replicas the session's simulated DCs, whose KDCs {@link #kdcOf} finds */
    DemoProbeEnvironment(DemoKerberos kerberos, DemoDns dns, String host, Optional<ReplicatedDemo> replicas) {
        this.kerberos = kerberos;
        this.dns = dns;
        this.realm = kerberos.realmOf(host);
        this.replicas = replicas;
        kerberos.prepareClient(realm);   // the KDC's side of the logon, while the probe does DNS and TCP first
    }

    /** A simulated DC's KDC: the realm's own for DC1 (the demo directory itself), DC2's own over its late view. */
    @Override
    public Optional<InetSocketAddress> kdcOf(String dcHostName) {
        if (replicas.isEmpty()) {
            return Optional.empty();
        }
        ReplicatedDemo r = replicas.get();
        return r.dc(dcHostName).map(dc -> {
            String dcRealm = DemoKerberos.realmOfDn(dc.domainNamingContext());
            return r.lags(dc) ? kerberos.kdcAddress(dc.name(), dcRealm, r.viewOf(dc)) : kerberos.kdcAddress(dcRealm);
        });
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
