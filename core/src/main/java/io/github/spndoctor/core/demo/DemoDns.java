package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.diagnosis.NameResolver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's DNS: every demo computer has an address in the documentation range 192.0.2.0/24 with a matching PTR
 * record, and a few names are aliases (CNAME records) that a trainer can point elsewhere. Thread-safe; the aliases
 * are the only state and are saved with the demo ({@link #aliases()}, {@link #setAlias}).
 */
public final class DemoDns implements NameResolver {
    /**
     * The aliases the demo starts with: intranet.contoso.com is MEM1's web site name; reports.rwwilden01.local is a
     * friendly name for SRV004 that no SPN mentions.
     */
    public static final Map<String, String> SEED_ALIASES = Map.of("intranet.contoso.com", "mem1.contoso.com",
            "reports.rwwilden01.local", "srv004.rwwilden01.local");

    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Map<String, String> reverse = new LinkedHashMap<>();
    private final Map<String, String> aliases = new TreeMap<>();

    /** @param hosts every demo computer's full DNS name, in a stable order (addresses follow it) */
    public DemoDns(List<String> hosts, Map<String, String> aliases) {
        List<String> sorted = new ArrayList<>();
        hosts.forEach(h -> sorted.add(h.toLowerCase(Locale.ROOT)));
        Collections.sort(sorted);
        int n = 10;
        for (String h : sorted) {
            String a = "192.0.2." + n++;
            addresses.put(h, a);
            addresses.putIfAbsent(h.substring(0, h.indexOf('.') < 0 ? h.length() : h.indexOf('.')), a);
            reverse.put(a, h);
        }
        aliases.forEach(this::setAlias);
    }

    @Override
    public synchronized List<String> addresses(String name) {
        String n = canonical(name);
        String a = addresses.get(n);
        return a == null ? List.of() : List.of(a);
    }

    @Override
    public synchronized Optional<String> cname(String name) {
        return Optional.ofNullable(aliases.get(strip(name)));
    }

    @Override
    public synchronized Optional<String> reverse(String address) {
        return Optional.ofNullable(reverse.get(address.strip()));
    }

    /** The name a typed name finally reaches, following aliases (at most 10). */
    public synchronized String canonical(String name) {
        String n = strip(name);
        for (int i = 0; i < 10 && aliases.containsKey(n); i++) {
            n = aliases.get(n);
        }
        return n;
    }

    /** Points {@code alias} at {@code target} (a CNAME record); an empty target removes the alias. */
    public synchronized void setAlias(String alias, String target) {
        if (target == null || target.isBlank()) {
            aliases.remove(strip(alias));
        } else {
            aliases.put(strip(alias), strip(target));
        }
    }

    /** The aliases now, sorted. */
    public synchronized Map<String, String> aliases() { return Map.copyOf(aliases); }

    /** True when the name is a demo computer's name or alias. */
    public synchronized boolean knows(String name) {
        return addresses.containsKey(canonical(name));
    }

    private static String strip(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
