package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.text.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pasted text — PowerShell red text, event-log entries, Server Manager and Windows Admin Center messages,
 * Ansible / pywinrm output, or a ticket in the user's own words — into a {@link Symptom}.
 *
 * <p>Secrets in the text are blanked with {@link Redaction} before anything is read, so no fact or excerpt can
 * show one. Known errors are found by {@link ErrorReader}, the host and the SPNs by {@link NameReader}; this class
 * reads the clues, clients and authentication packages in what remains and puts the symptom together. Never throws. Time is bounded: at most {@link #HEAD} characters from the start and {@link #TAIL} from the end
 * are read (the symptom says so), and every pattern is linear in the text size. Stateless and thread-safe.
 */
public final class SymptomParser {
    /** Characters read from the start of a long text. */
    public static final int HEAD = 200_000;
    /** Characters read from the end of a long text. */
    public static final int TAIL = 50_000;
    /** Characters of a long text (from the start) in which clues, clients, targets and SPNs are read. */
    public static final int WORDS_HEAD = 60_000;
    /** Characters of a long text (from the end) in which clues, clients, targets and SPNs are read. */
    public static final int WORDS_TAIL = 20_000;
    private static final int MAX_EXCERPT = 160;

    private SymptomParser() {}

    /** Reads {@code text} (null counts as empty). Never throws. */
    public static Symptom parse(String text) {
        if (text == null || text.isEmpty()) {
            return Symptom.EMPTY;
        }
        try {
            return read(text);
        } catch (RuntimeException | StackOverflowError e) {
            // a defect in a pattern must not lose the user's text or crash the wizard: report what is known
            return new Symptom(List.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of(),
                    text.length(), 0, true);
        }
    }

    private static Symptom read(String original) {
        boolean truncated = original.length() > WORDS_HEAD + WORDS_TAIL;
        String text = original.length() > HEAD + TAIL
                ? original.substring(0, HEAD) + "\n" + original.substring(original.length() - TAIL)
                : original;
        char[] work = Redaction.redact(text).toCharArray();
        unescape(work);
        String prepared = new String(work);
        Squashed sq = Squashed.of(prepared);
        boolean[] masked = new boolean[work.length];

        List<Fact<KnownError>> errorList = ErrorReader.read(prepared, sq, masked);

        String clean = window(maskedText(work, masked));
        String cleanLower = lower(clean);
        prepared = window(prepared);
        String preparedLower = lower(prepared);
        List<Fact<Clue>> clues = new ArrayList<>();
        Negation negation = Negation.of(cleanLower);
        for (Clue c : Clue.values()) {
            firstClaim(c, cleanLower, clean, negation).ifPresent(ex -> clues.add(new Fact<>(c, ex)));
        }
        if (clues.stream().anyMatch(f -> f.value() == Clue.WORKS_BY_IP)) {
            clues.removeIf(f -> f.value() == Clue.CONNECT_BY_IP);
        }
        List<Fact<AuthPackage>> auth = new ArrayList<>();
        for (AuthPackage a : AuthPackage.values()) {
            firstMatch(a.pattern(), cleanLower, clean).ifPresent(ex -> auth.add(new Fact<>(a, ex)));
        }
        List<Fact<Client>> clients = new ArrayList<>();
        for (Client c : Client.values()) {
            firstMatch(c.pattern(), preparedLower, prepared).ifPresent(ex -> clients.add(new Fact<>(c, ex)));
        }
        return new Symptom(errorList, auth, NameReader.target(cleanLower, clean), NameReader.spns(cleanLower, clean), clients, clues,
                original.length(), text.length(), truncated);
    }

    /**
     * Lower-cases char by char, so positions stay the same: patterns run on this form without case-insensitive
     * flags (several times faster on large texts) and matched words are cut from the original.
     */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    /**
     * Error messages are found anywhere in the scanned text, but the user's own words (clues, clients, names) are
     * read in its first and last part only: that keeps the regular expressions' cost bounded on huge pastes.
     */
    private static String window(String s) {
        return s.length() <= WORDS_HEAD + WORDS_TAIL ? s
                : s.substring(0, WORDS_HEAD) + "\n" + s.substring(s.length() - WORDS_TAIL);
    }

    /** Literal "\n", "\r", "\t" (JSON / Python repr output) become spaces, keeping positions. */
    private static void unescape(char[] w) {
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i] == '\\' && (w[i + 1] == 'n' || w[i + 1] == 'r' || w[i + 1] == 't')
                    && (i == 0 || w[i - 1] != '\\')) {
                w[i] = ' ';
                w[i + 1] = ' ';
            }
        }
    }


    private static String maskedText(char[] work, boolean[] masked) {
        char[] c = work.clone();
        for (int i = 0; i < c.length; i++) {
            if (masked[i]) {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    /** The first match of a clue that the text does not negate ("there is no SPN on another account"). */
    private static Optional<String> firstClaim(Clue c, String lower, String text, Negation negation) {
        Matcher m = c.pattern().matcher(lower);
        int tries = 0;
        while (m.find() && tries++ < 1_000) {
            if (!negation.negates(c, m.start(), m.end())) {
                return Optional.of(excerpt(text, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** An error the text says is absent ("no KRB_AP_ERR_MODIFIED events") is not a fact. */

    private static Optional<String> firstMatch(Pattern p, String lower, String text) {
        Matcher m = p.matcher(lower);
        return m.find() ? Optional.of(excerpt(text, m.start(), m.end())) : Optional.empty();
    }


    /** The matched words, whitespace collapsed, at most {@value #MAX_EXCERPT} characters, control characters dropped. */
    static String excerpt(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(Math.min(end - start, MAX_EXCERPT + 8));
        boolean space = false;
        for (int i = start; i < end && sb.length() <= MAX_EXCERPT; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        if (sb.length() > MAX_EXCERPT) {
            sb.setLength(MAX_EXCERPT - 1);
            sb.append('…');
        }
        return sb.toString();
    }
}
