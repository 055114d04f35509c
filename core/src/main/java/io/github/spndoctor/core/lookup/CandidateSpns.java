package io.github.spndoctor.core.lookup;

import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The SPNs a client may ask the KDC for when it connects to a host over WinRM: {@code HTTP/<name>} (PowerShell's
 * default), with {@code :5985}/{@code :5986} (-IncludePortInSPN), {@code WSMAN/<name>} (spn_prefix, pypsrp) and
 * {@code HOST/<name>} (which stands in for HTTP when no explicit HTTP SPN exists) — each for the short name and the
 * FQDN. Pure functions.
 */
public final class CandidateSpns {
    public static final int HTTP_PORT = 5985;
    public static final int HTTPS_PORT = 5986;
    /** Service classes a WinRM lookup cares about, in display order. */
    public static final List<String> CLASSES = List.of("HTTP", "WSMAN", "HOST");

    private CandidateSpns() {}

    /** The host names to look at: short name and FQDN where known (typed form first). */
    public static List<String> hostNames(TargetName target) {
        Set<String> names = new LinkedHashSet<>();
        names.add(target.asTyped());
        names.add(target.shortName());
        target.fqdn().ifPresent(names::add);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (out.stream().noneMatch(n::equalsIgnoreCase)) {
                out.add(n);
            }
        }
        return out;
    }

    /** All candidate SPNs for the target, HTTP forms first. */
    public static List<Spn> forTarget(TargetName target) {
        List<Spn> out = new ArrayList<>();
        List<String> hosts = hostNames(target);
        for (String h : hosts) {
            out.add(Spn.of("HTTP", h));
        }
        for (String h : hosts) {
            out.add(Spn.of("HTTP", h, OptionalInt.of(HTTP_PORT)));
            out.add(Spn.of("HTTP", h, OptionalInt.of(HTTPS_PORT)));
        }
        for (String h : hosts) {
            out.add(Spn.of("WSMAN", h));
        }
        for (String h : hosts) {
            out.add(Spn.of("HOST", h));
        }
        return out;
    }

    /** The SPN PowerShell remoting asks for by default: HTTP/ plus the name exactly as typed, no port. */
    public static Spn winrmDefault(TargetName target) {
        return Spn.of("HTTP", target.asTyped());
    }
}
