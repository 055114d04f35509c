package io.github.spndoctor.core.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * The DNS questions a diagnosis asks about the name a user typed. Implementations: {@link JdkNameResolver} (the
 * system resolver plus JNDI DNS for CNAMEs) and fakes in tests, so tests never depend on real DNS. Calls may block:
 * never call from the JavaFX application thread. Implementations must be thread-safe.
 */
public interface NameResolver {
    /** The IP addresses {@code name} resolves to; empty when it does not resolve. */
    List<String> addresses(String name);

    /** The target of a CNAME record for {@code name}, when it is an alias. */
    Optional<String> cname(String name);

    /** The PTR name of {@code address}, when one exists. */
    Optional<String> reverse(String address);
}
