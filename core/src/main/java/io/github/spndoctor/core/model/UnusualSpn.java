package io.github.spndoctor.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An SPN in the directory with a character outside printable ASCII: invisible (U+200B), or a look-alike (a full-width
 * or Cyrillic letter). AD's uniqueness check compares bytes while the KDC normalises names, so such a value can
 * shadow or duplicate another unnoticed (knowledge.md 7.4). Immutable.
 *
 * @param problem which character, where: "U+200B (ZERO WIDTH SPACE, an invisible character) at position 12"
 */
public record UnusualSpn(String spn, AccountRef holder, String problem) {
    public UnusualSpn {
        Objects.requireNonNull(spn, "spn");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(problem, "problem");
    }

    /** The finding for {@code spn} held by {@code holder}, or empty for a plain ASCII value. */
    public static Optional<UnusualSpn> check(String spn, AccountRef holder) {
        return isUnusual(spn) ? NameCharacters.firstUnusual(spn).map(p -> new UnusualSpn(spn, holder, p)) : Optional.empty();
    }

    /** True when {@code spn} has a character outside printable ASCII (allocates nothing: the scan calls it per value). */
    public static boolean isUnusual(String spn) {
        for (int i = 0; i < spn.length(); i++) {
            char c = spn.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return true;
            }
        }
        return false;
    }

    /** One sentence for a person. */
    public String sentence() {
        return holder.label() + " holds an SPN with a hidden or look-alike character: "
                + NameCharacters.printable(spn) + " contains " + problem + ". It may duplicate or shadow another SPN "
                + "without AD noticing; check it and re-register it typed by hand.";
    }
}
