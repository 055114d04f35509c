package io.github.spndoctor.core.diagnosis;

import java.util.Locale;

/**
 * A cause's confidence in words, for every surface a person reads (wizard, CLI text, reports). The number stays in
 * JSON and in details. Thresholds (ADR 0203, docs/diagnosis.md §5) are fixed here and nowhere else:
 * <ul>
 *   <li>{@link #VERY_LIKELY} at 0.80 or more — reached only with directory or DNS facts, or several independent
 *       clues in the text (text alone is capped at 0.90);</li>
 *   <li>{@link #LIKELY} from 0.55 — an error plus a clue that fits, or one strong fact;</li>
 *   <li>{@link #POSSIBLE} from 0.25 — one generic error such as 0x80090322 on its own (about 0.50);</li>
 *   <li>{@link #UNLIKELY} below 0.25.</li>
 * </ul>
 * Immutable.
 */
public enum Confidence {
    VERY_LIKELY(0.80, "very likely"),
    LIKELY(0.55, "likely"),
    POSSIBLE(0.25, "possible"),
    UNLIKELY(0.0, "unlikely");

    private final double from;
    private final String words;

    Confidence(double from, String words) {
        this.from = from;
        this.words = words;
    }

    /** The band a confidence in 0..1 falls in (NaN and negatives count as unlikely). */
    public static Confidence of(double confidence) {
        for (Confidence c : values()) {
            if (confidence >= c.from) {
                return c;
            }
        }
        return UNLIKELY;
    }

    /** The band of a ranked cause. */
    public static Confidence of(RankedCause cause) {
        return of(cause.confidence());
    }

    /** The lowest confidence in this band. */
    public double from() { return from; }

    /** Lower-case words: "very likely", "likely", "possible", "unlikely". */
    public String words() { return words; }

    /** The words with a capital first letter, for the start of a line: "Very likely". */
    public String label() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Stable id for JSON and style classes: "very-likely", "likely", "possible", "unlikely". */
    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
