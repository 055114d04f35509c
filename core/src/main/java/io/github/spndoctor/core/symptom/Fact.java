package io.github.spndoctor.core.symptom;

import java.util.Objects;

/**
 * One recognised fact and the text that matched it (whitespace collapsed, shortened to at most 160 characters), so
 * a diagnosis can show which words it relied on. Immutable.
 *
 * @param <T> the kind of fact: {@link KnownError}, {@link Client}, {@link AuthPackage} or {@link Clue}
 */
public record Fact<T>(T value, String matched) {
    public Fact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(matched, "matched");
    }
}
