package io.github.spndoctor.core.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An in-memory DNS for tests: A records, CNAMEs and PTRs set by the test. */
public final class FakeNameResolver implements NameResolver {
    private final Map<String, List<String>> a = new HashMap<>();
    private final Map<String, String> cname = new HashMap<>();
    private final Map<String, String> ptr = new HashMap<>();

    public FakeNameResolver a(String name, String... addresses) {
        a.put(name.toLowerCase(Locale.ROOT), List.of(addresses));
        return this;
    }

    public FakeNameResolver cname(String alias, String target) {
        cname.put(alias.toLowerCase(Locale.ROOT), target);
        return this;
    }

    public FakeNameResolver ptr(String address, String name) {
        ptr.put(address, name);
        return this;
    }

    @Override
    public List<String> addresses(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (cname.containsKey(n)) {
            return addresses(cname.get(n));
        }
        return a.getOrDefault(n, List.of());
    }

    @Override
    public Optional<String> cname(String name) {
        return Optional.ofNullable(cname.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<String> reverse(String address) {
        return Optional.ofNullable(ptr.get(address));
    }
}
