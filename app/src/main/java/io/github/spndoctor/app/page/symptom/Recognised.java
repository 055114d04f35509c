package io.github.spndoctor.app.page.symptom;

import java.util.List;
import java.util.Optional;

/**
 * What the Symptom page recognised in the pasted text, in display form: error codes, the client, the target as
 * named, and anything else worth showing (auth package, clues). Immutable.
 */
public record Recognised(List<String> codes, Optional<String> client, Optional<String> target, List<String> other,
                         boolean truncated) {
    public static final Recognised NOTHING = new Recognised(List.of(), Optional.empty(), Optional.empty(), List.of(), false);

    public Recognised {
        codes = List.copyOf(codes);
        other = List.copyOf(other);
    }

    public boolean isEmpty() {
        return codes.isEmpty() && client.isEmpty() && target.isEmpty() && other.isEmpty();
    }
}
