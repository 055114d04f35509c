package io.github.spndoctor.core.symptom;


/**
 * A text reduced to its lower-cased letters and digits, with a map back to the original positions. Matching message
 * phrases on this form ignores case, spacing, punctuation, quotes, Markdown escapes and the line breaks PowerShell
 * inserts into long error lines. Package-private helper; not thread-safe to build, immutable afterwards.
 */
final class Squashed {
    final String text;
    private final int[] origin;

    private Squashed(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    static Squashed of(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] idx = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                char l = Character.toLowerCase(c);
                sb.append(l);
                idx[n++] = i;
            }
        }
        int[] origin = new int[n];
        System.arraycopy(idx, 0, origin, 0, n);
        return new Squashed(sb.toString(), origin);
    }

    /** The squashed form of a phrase. */
    static String key(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Start of the squashed range [from, from+len) in the original text. */
    int start(int from) { return origin[from]; }

    /** End (exclusive) of the squashed range [from, from+len) in the original text. */
    int end(int from, int len) { return origin[from + len - 1] + 1; }
}
