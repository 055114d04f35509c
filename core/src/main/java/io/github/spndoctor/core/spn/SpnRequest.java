package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.model.Spn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SPN a client asks for, and how it got there. Immutable.
 *
 * @param spn        empty when the client does not use Kerberos for this name (an IP address or localhost on Windows)
 * @param derivation how the SPN was built, one plain line per step ("typed srv003.lab.test", "CNAME … → …")
 * @param notes      settings that do not apply to this client, and facts worth knowing
 */
public record SpnRequest(Endpoint endpoint, WinrmClient client, ClientSettings settings, Optional<Spn> spn,
                         List<String> derivation, List<String> notes) {
    public SpnRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(spn, "spn");
        derivation = List.copyOf(derivation);
        notes = List.copyOf(notes);
    }

    /** True when Kerberos is asked at all. */
    public boolean usesKerberos() { return spn.isPresent(); }
}
