package io.github.spndoctor.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a user typed as the target, read by {@link TargetName#read(String)}: the host name, and what else the text
 * said - a port ({@code srv003:5985}, {@code HTTP/srv003:5985}), the NetBIOS domain of {@code CONTOSO\srv003}, the
 * service class of a pasted SPN - with plain notes about what was taken from where. Immutable.
 */
public record TargetInput(TargetName name, OptionalInt port, Optional<String> netbiosDomain,
                          Optional<String> serviceClass, List<String> notes) {
    public TargetInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(netbiosDomain, "netbiosDomain");
        Objects.requireNonNull(serviceClass, "serviceClass");
        notes = List.copyOf(notes);
    }
}
