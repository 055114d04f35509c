package io.github.spndoctor.core.symptom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text negates what follows: "no KRB_AP_ERR_MODIFIED events", "there is no SPN on another account", "it does
 * not work by IP either", "kein doppelter SPN", "ça ne marche pas par IP". A fact read inside such a scope is not
 * the user's claim, so {@link SymptomParser} drops it (ADR 0204).
 *
 * <p>A scope opens after a negation word (English, German, French common forms), runs at most {@link #MAX_WORDS}
 * words, and ends earlier at a clause boundary: sentence punctuation, a comma, or a word that turns the sentence
 * ("but", "however", "aber", "mais", "and it"...). Hedges ("not sure", "no idea", "nicht sicher", "pas sûr") open
 * no scope. A fact that starts with the negation word itself ("no trust", "not domain-joined", "SPN not registered")
 * is not inside the scope it opens, so clues that are negative by nature keep working.
 *
 * <p>Computed once per text on its lower-cased form; positions are those of that text. Linear in the text size.
 * Immutable and thread-safe.
 */
public final class Negation {
    /** Words after the negation word that a scope covers at most. */
    static final int MAX_WORDS = 8;
    /** Words after the negation word within which an error code or message counts as negated. */
    static final int MAX_WORDS_ERROR = 4;

    /** Clues that say something works: a negation anywhere inside their match ("by IP it does not work") negates them. */
    private static final Set<Clue> SUCCESS = EnumSet.of(Clue.WORKS_BY_IP, Clue.WORKS_WITH_OTHER_NAME,
            Clue.WORKS_ELSEWHERE, Clue.NAME_RESOLVES, Clue.TRUST_EXISTS, Clue.SAME_DOMAIN);
    /** Clues whose negated form is still the point ("not a member of the Administrators group"). */
    private static final Set<Clue> KEEP = EnumSet.of(Clue.RIGHTS);

    private static final Pattern CUE = Pattern.compile(
            // English
            "\\b(?:no|not|never|without|neither|nor|none|nothing|cannot|dont|doesnt|isnt|didnt|cant|wont|wasnt|werent"
                    + "|arent|havent|hasnt|couldnt|no\\s+longer)\\b|n['\u2019]t\\b"
                    // German
                    + "|\\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|ohne|weder)\\b"
                    // French (ne ... pas: the scope opens at "ne"/"n'")
                    + "|\\b(?:ne|pas|aucun|aucune|jamais|sans|ni)\\b|\\bn['\u2019](?=[a-z\u00e0-\u00ff])");
    private static final Pattern HEDGE = Pattern.compile(
            "\\s*(?:sure|certain|clear|only|just|idea|matter|doubt|problem|issue|sicher|nur|s\u00fbr|sur|seulement)\\b");
    private static final Pattern END = Pattern.compile(
            "[!?;:,()\\[\\]\\n\\r\u3002]|\\.(?=\\s|$)|\\b(?:but|however|although|though|whereas|while|except|yet|instead|only"
                    + "|aber|jedoch|sondern|doch|nur|mais|cependant|pourtant|sauf|seulement)\\b"
                    + "|\\band\\s+(?:it|i|we|they|the|this|that|there|everything|he|she|then)\\b");

    /** Scopes as {cue start, scope start, scope end} in the text. */
    private final List<int[]> scopes;
    private final String lower;

    private Negation(List<int[]> scopes, String lower) {
        this.scopes = scopes;
        this.lower = lower;
    }

    /** Finds the scopes in a lower-cased text. */
    public static Negation of(String lower) {
        List<int[]> out = new ArrayList<>();
        Matcher cue = CUE.matcher(lower);
        Matcher end = END.matcher(lower);
        Matcher hedge = HEDGE.matcher(lower);
        int found = 0;
        while (cue.find() && found++ < 200_000) {
            int from = cue.end();
            hedge.region(from, Math.min(lower.length(), from + 40));
            if (hedge.lookingAt()) {
                continue;
            }
            int limit = wordsAfter(lower, from, MAX_WORDS);
            end.region(from, limit);
            int stop = end.find() ? end.start() : limit;
            if (stop > from) {
                out.add(new int[]{cue.start(), from, stop});
            }
        }
        return new Negation(List.copyOf(out), lower);
    }

    /** True when a clue matched at [start, end) is negated. */
    public boolean negates(Clue clue, int start, int end) {
        if (KEEP.contains(clue)) {
            return false;
        }
        for (int[] s : scopes) {
            if (start >= s[1] && start < s[2]) {
                return true;
            }
            if (SUCCESS.contains(clue) && s[0] > start && s[0] < end && !END.matcher(lower).region(start, s[0]).find()) {
                // "by IP it does not work"; but not "works with the FQDN but not the short name"
                return true;
            }
        }
        return false;
    }

    /** True when an error code or message starting at {@code start} of {@code lower} is negated (a closer window). */
    public boolean negatesError(String lower, int start) {
        for (int[] s : scopes) {
            if (start >= s[1] && start < s[2] && start <= wordsAfter(lower, s[1], MAX_WORDS_ERROR)) {
                return true;
            }
        }
        return false;
    }

    /** Position after {@code n} words from {@code from}. */
    private static int wordsAfter(String s, int from, int n) {
        int i = from;
        int words = 0;
        int len = s.length();
        while (i < len && words < n) {
            while (i < len && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            while (i < len && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            words++;
        }
        return i;
    }
}
