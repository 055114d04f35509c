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
    /** Characters a scope covers at most (keeps the look-up of a position short on hostile text). */
    static final int MAX_CHARS = 160;
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

    /** Cue starts, scope starts and scope ends, in text order (cue starts, and so scope starts, increase). */
    private final int[] cues;
    private final int[] starts;
    private final int[] ends;
    private final String lower;

    private Negation(List<int[]> scopes, String lower) {
        cues = new int[scopes.size()];
        starts = new int[scopes.size()];
        ends = new int[scopes.size()];
        for (int i = 0; i < cues.length; i++) {
            cues[i] = scopes.get(i)[0];
            starts[i] = scopes.get(i)[1];
            ends[i] = scopes.get(i)[2];
        }
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
            int limit = Math.min(wordsAfter(lower, from, MAX_WORDS), from + MAX_CHARS);
            end.region(from, limit);
            int stop = end.find() ? end.start() : limit;
            if (stop > from) {
                out.add(new int[]{cue.start(), from, stop});
            }
        }
        return new Negation(out, lower);
    }

    /** True when a clue matched at [start, end) is negated. */
    public boolean negates(Clue clue, int start, int end) {
        if (KEEP.contains(clue)) {
            return false;
        }
        if (inScope(start, Integer.MAX_VALUE)) {
            return true;
        }
        if (SUCCESS.contains(clue)) {
            // "by IP it does not work"; but not "works with the FQDN but not the short name"
            for (int i = firstCueAfter(start); i < cues.length && cues[i] < end; i++) {
                if (!END.matcher(lower).region(start, cues[i]).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when an error code or message starting at {@code start} of the text is negated (a closer window). */
    public boolean negatesError(int start) {
        return inScope(start, MAX_WORDS_ERROR);
    }

    /** Whether {@code pos} lies in a scope, at most {@code words} words after its negation word. */
    private boolean inScope(int pos, int words) {
        // scopes are at most MAX_CHARS long, so only the few that start shortly before pos can hold it
        for (int i = firstCueAfter(pos) - 1; i >= 0 && pos - starts[i] < MAX_CHARS; i--) {
            if (pos >= starts[i] && pos < ends[i] && (words == Integer.MAX_VALUE || pos <= wordsAfter(lower, starts[i], words))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first cue starting after {@code pos} (binary search). */
    private int firstCueAfter(int pos) {
        int lo = 0;
        int hi = cues.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cues[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
