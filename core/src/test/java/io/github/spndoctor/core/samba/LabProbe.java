package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.DnsServerResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The probe's environment for the Samba lab: its krb5.conf and DNS (127.0.0.1:53), the WinRM stand-in on
 * SAMBALAB_WINRM_PORT for every lab host, and Administrator's password (memory only).
 */
final class LabProbe implements ProbeEnvironment {
    private final ProbeCredentials credentials;

    private LabProbe(ProbeCredentials credentials) { this.credentials = credentials; }

    static LabProbe withPassword() {
        return new LabProbe(new ProbeCredentials.Password("Administrator@" + realm(), SambaLab.password().toCharArray()));
    }

    static LabProbe with(ProbeCredentials c) { return new LabProbe(c); }

    static String realm() {
        String r = SambaLab.env("SAMBALAB_REALM");
        return r == null ? "LAB.TEST" : r;
    }

    static int winrmPort() {
        String p = SambaLab.env("SAMBALAB_WINRM_PORT");
        return p == null ? 5985 : Integer.parseInt(p);
    }

    static Path krb5Conf() {
        String k = SambaLab.env("KRB5_CONFIG");
        return k != null ? Path.of(k) : SambaLab.labDir().resolve("krb5.conf");
    }

    @Override
    public KdcConfig kdc() { return KdcConfig.file(krb5Conf(), realm()); }

    @Override
    public InetSocketAddress winrmAddress(String host, int port) {
        return new InetSocketAddress("127.0.0.1", port == 5985 ? winrmPort() : port);
    }

    @Override
    public NameResolver resolver() { return new DnsServerResolver("127.0.0.1"); }

    @Override
    public ProbeCredentials credentials() { return credentials; }
}
