package io.github.spndoctor.core.text;

/** Escaping for the HTML report and the SVG picture: one rule for text that goes into markup. */
public final class Markup {
    private Markup() {}

    /**
     * Escapes for XML/HTML text and attribute values; characters XML 1.0 cannot carry (control characters other than
     * tab and line breaks, U+FFFE/U+FFFF, unpaired surrogates) become U+FFFD, so a hostile name cannot break the file.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0xFFFE || c == 0xFFFF
                            || Character.isSurrogate(c) && !validPair(s, i)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
