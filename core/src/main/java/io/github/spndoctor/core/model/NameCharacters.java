package io.github.spndoctor.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters that do not belong in a host name or an SPN: anything outside printable ASCII. Invisible ones (U+200B,
 * U+00A0, control characters) and look-alikes (full-width or Cyrillic letters) make two names that look the same
 * differ: AD's uniqueness check compares the bytes while the KDC normalises names (knowledge.md 7.4), so such a
 * name either never matches what a client asks for or duplicates another in disguise. Pure functions.
 */
public final class NameCharacters {
    private NameCharacters() {}

    /** The first character of {@code s} outside printable ASCII, described with its position; empty when none. */
    public static Optional<String> firstUnusual(String s) {
        int pos = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            pos++;
            if (cp < 0x21 || cp > 0x7E) {
                return Optional.of(describe(cp) + " at position " + pos);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Throws with a plain message naming the first unusual character of {@code s} and its position. */
    static void requirePlain(String s, String what) {
        Optional<String> bad = firstUnusual(s);
        if (bad.isPresent()) {
            throw new IllegalArgumentException("The " + what + " contains " + bad.get()
                    + ". Retype it by hand (pasted text can carry hidden or look-alike characters).");
        }
    }

    /** {@code s} with every character outside printable ASCII shown as {@code <U+XXXX>}, so it can be seen. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (cp < 0x21 || cp > 0x7E) {
                sb.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** "U+200B (ZERO WIDTH SPACE, an invisible character)". */
    public static String describe(int cp) {
        String name = Character.getName(cp);
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        String kind;
        int type = Character.getType(cp);
        if (cp == ' ') {
            kind = "a space";
        } else if (Character.isISOControl(cp)) {
            kind = "a control character";
        } else if (type == Character.FORMAT || Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            kind = "an invisible character";
        } else if (Character.isLetterOrDigit(cp)) {
            String plain = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC);
            kind = plain.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? "a look-alike of '" + plain + "'"
                    : "not an ASCII letter, though it may look like one";
        } else {
            kind = "not allowed in a name";
        }
        return code + " (" + (name == null ? "" : name + ", ") + kind + ")";
    }
}
