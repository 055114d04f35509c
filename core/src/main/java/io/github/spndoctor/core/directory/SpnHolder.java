package io.github.spndoctor.core.directory;

import io.github.spndoctor.core.model.AccountKind;

import java.util.List;
import java.util.Objects;

/**
 * One account seen by a forest scan, with its raw servicePrincipalName values exactly as stored (unparsed: a scan
 * must not drop a value it cannot read). Immutable; lives only while the scanner looks at it.
 *
 * @param dnsHostName the account's dNSHostName, or null
 */
public record SpnHolder(String dn, String samAccountName, AccountKind kind, String dnsHostName, List<String> spns) {
    public SpnHolder {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(kind, "kind");
        samAccountName = samAccountName == null ? "" : samAccountName;
        spns = List.copyOf(spns);
    }
}
