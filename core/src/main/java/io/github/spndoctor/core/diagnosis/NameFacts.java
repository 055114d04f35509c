package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * What DNS says about the name a user typed: its addresses, whether it is an alias, the reverse names of its
 * addresses, and (when the directory knew the computer) the addresses of the computer's own dNSHostName. Immutable.
 * Build with {@link #check(TargetName, Optional, NameResolver)} off the UI thread.
 */
public record NameFacts(TargetName target, List<String> addresses, Optional<String> cname,
                        Map<String, String> reverseNames, Optional<String> computerDnsHostName,
                        List<String> computerAddresses) {
    public NameFacts {
        addresses = List.copyOf(addresses);
        reverseNames = Map.copyOf(reverseNames);
        computerAddresses = List.copyOf(computerAddresses);
    }

    /** Asks {@code resolver} about {@code target}; {@code dnsHostName} is the target computer's, when known. */
    public static NameFacts check(TargetName target, Optional<String> dnsHostName, NameResolver resolver) {
        if (!target.isDnsName()) {
            return new NameFacts(target, List.of(), Optional.empty(), Map.of(), dnsHostName, List.of());
        }
        String typed = target.asTyped();
        List<String> addresses = resolver.addresses(typed);
        String qualified = typed;
        if (target.kind() == TargetName.Kind.SHORT && dnsHostName.isPresent() && dnsHostName.get().indexOf('.') > 0) {
            qualified = typed + dnsHostName.get().substring(dnsHostName.get().indexOf('.'));
        }
        Optional<String> cname = target.kind() == TargetName.Kind.FQDN || !qualified.equals(typed)
                ? resolver.cname(qualified) : Optional.empty();
        Map<String, String> reverse = new LinkedHashMap<>();
        for (String a : addresses.stream().limit(4).toList()) {
            resolver.reverse(a).ifPresent(r -> reverse.put(a, r));
        }
        List<String> computerAddresses = new ArrayList<>();
        if (dnsHostName.isPresent() && !dnsHostName.get().equalsIgnoreCase(typed)) {
            computerAddresses.addAll(resolver.addresses(dnsHostName.get()));
        }
        return new NameFacts(target, addresses, cname, reverse, dnsHostName, computerAddresses);
    }

    /** True when forward DNS gave at least one address. */
    public boolean resolves() { return !addresses.isEmpty(); }

    /**
     * True when the typed name and the computer's dNSHostName lead to different addresses, or no reverse name of the
     * typed name's addresses is the computer's dNSHostName (only judged when the data to judge is there).
     */
    public boolean disagreesWithComputer() {
        if (computerDnsHostName.isEmpty() || addresses.isEmpty()) {
            return false;
        }
        if (!computerAddresses.isEmpty() && computerAddresses.stream().noneMatch(addresses::contains)) {
            return true;
        }
        String want = computerDnsHostName.get().toLowerCase(Locale.ROOT);
        return !reverseNames.isEmpty() && reverseNames.values().stream()
                .noneMatch(r -> r.toLowerCase(Locale.ROOT).equals(want) || r.toLowerCase(Locale.ROOT).equals(want + "."));
    }
}
