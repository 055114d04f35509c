package io.github.spndoctor.core.symptom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What SPN Doctor recognised in a pasted text: errors (one fact per error whatever its spelling), authentication
 * packages, the target as named, SPNs named, the client program, and context clues. Each fact keeps the words it was
 * read from. Immutable and thread-safe; produced by {@link SymptomParser#parse(String)}.
 *
 * @param length    characters in the text as given
 * @param scanned   characters actually read (less than {@code length} when the text was too long)
 * @param truncated true when part of the text was not read; {@link #note()} says which part
 */
public record Symptom(List<Fact<KnownError>> errors, List<Fact<AuthPackage>> authPackages, Optional<TargetFact> target,
                      List<SpnMention> spns, List<Fact<Client>> clients, List<Fact<Clue>> clues,
                      int length, int scanned, boolean truncated) {
    /** Nothing recognised, no text. */
    public static final Symptom EMPTY = new Symptom(List.of(), List.of(), Optional.empty(), List.of(), List.of(),
            List.of(), 0, 0, false);

    public Symptom {
        errors = List.copyOf(errors);
        authPackages = List.copyOf(authPackages);
        Objects.requireNonNull(target, "target");
        spns = List.copyOf(spns);
        clients = List.copyOf(clients);
        clues = List.copyOf(clues);
    }

    /** This symptom with one more clue (when it does not have it yet), e.g. what the client a person chose asks for. */
    public Symptom withClue(Clue c, String matched) {
        if (has(c)) {
            return this;
        }
        List<Fact<Clue>> more = new java.util.ArrayList<>(clues);
        more.add(new Fact<>(c, matched));
        return new Symptom(errors, authPackages, target, spns, clients, more, length, scanned, truncated);
    }

    public boolean has(KnownError e) { return errors.stream().anyMatch(f -> f.value() == e); }

    public boolean has(Clue c) { return clues.stream().anyMatch(f -> f.value() == c); }

    public boolean has(Client c) { return clients.stream().anyMatch(f -> f.value() == c); }

    public boolean has(AuthPackage a) { return authPackages.stream().anyMatch(f -> f.value() == a); }

    /** The fact for {@code e}, if recognised. */
    public Optional<Fact<KnownError>> fact(KnownError e) {
        return errors.stream().filter(f -> f.value() == e).findFirst();
    }

    /** The SPN a client is said to have asked for (event 4 and similar), if the text names one. */
    public Optional<SpnMention> requestedSpn() {
        return spns.stream().filter(SpnMention::requested).findFirst();
    }

    /** True when nothing at all was recognised. */
    public boolean isEmpty() {
        return errors.isEmpty() && authPackages.isEmpty() && target.isEmpty() && spns.isEmpty() && clients.isEmpty()
                && clues.isEmpty();
    }

    /** A plain sentence about a shortened scan, or empty when the whole text was read. */
    public Optional<String> note() {
        if (!truncated) {
            return Optional.empty();
        }
        if (length > SymptomParser.HEAD + SymptomParser.TAIL) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "The text has %,d characters; only the first %,d and the last %,d were read for error codes and "
                            + "messages (%,d and %,d for names and clues). Paste the error itself (not a whole log) for a "
                            + "complete reading.",
                    length, SymptomParser.HEAD, SymptomParser.TAIL, SymptomParser.WORDS_HEAD, SymptomParser.WORDS_TAIL));
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "The text has %,d characters; error codes and messages were read throughout, names and clues only in "
                        + "the first %,d and the last %,d. Paste the error itself (not a whole log) for a complete reading.",
                length, SymptomParser.WORDS_HEAD, SymptomParser.WORDS_TAIL));
    }

    /** One line for a status bar: "0x80090322 · Server Manager · target srv003 (short name)". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        errors.stream().limit(3).forEach(f -> parts.add(f.value().code()));
        clients.stream().limit(2).forEach(f -> parts.add(f.value().label()));
        target.ifPresent(t -> parts.add("target " + t.name().asTyped() + " (" + kindLabel(t.kind()) + ")"));
        return parts.isEmpty() ? "nothing recognised yet" : String.join(" · ", parts);
    }

    static String kindLabel(io.github.spndoctor.core.model.TargetName.Kind k) {
        return switch (k) {
            case SHORT -> "short name";
            case FQDN -> "fully qualified name";
            case IPV4, IPV6 -> "IP address";
            case LOCALHOST -> "local machine";
        };
    }
}
