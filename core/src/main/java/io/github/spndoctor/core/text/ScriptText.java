package io.github.spndoctor.core.text;

/**
 * Quoting for the scripts SPN Doctor writes, the one place that knows each language's rules. Values come from the
 * directory (SPNs, account names, DNs, host names) and may be crafted; none may become a command. Pure functions.
 */
public final class ScriptText {
    private ScriptText() {}

    /** A value a batch file cannot carry safely (a double quote, a line break, a control character). */
    public static final class UnsafeValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnsafeValueException(String message) {
            super(message);
        }
    }

    /**
     * A PowerShell single-quoted literal. PowerShell reads U+2018-U+201B as single quotes too, so those are doubled
     * as well as {@code '}; nothing else is special inside such a literal.
     */
    public static String ps(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c);
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** Characters that are plain in a batch file and in setspn's arguments. */
    private static final java.util.regex.Pattern CMD_PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9._/:$@#+-]+");

    /**
     * A batch-file argument: as it is when every character is plain, else in double quotes (so
     * {@code & | ^ < > ( )} and spaces are literal) with {@code %} doubled. {@code !} stays literal because the
     * scripts switch delayed expansion off.
     *
     * @throws UnsafeValueException for a double quote, a line break or another control character, which no quoting
     *                              in cmd carries safely
     */
    public static String cmdArg(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new UnsafeValueException("the value " + comment(value) + " holds "
                        + (c == '"' ? "a double quote" : "a line break or control character")
                        + ", which a batch file cannot carry safely");
            }
        }
        return CMD_PLAIN.matcher(value).matches() ? value : "\"" + value.replace("%", "%%") + "\"";
    }

    /**
     * Text for a comment line in any format: line breaks and control characters (including U+0085, U+2028, U+2029)
     * become spaces, so the text cannot end the comment and start a command.
     */
    public static String comment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString();
    }

    /**
     * Text for a batch {@code rem} line: as {@link #comment}, and {@code % ^ & | < > !} become {@code ?}: cmd expands
     * {@code %} even in a comment, and a trailing {@code ^} would join the next line to it.
     */
    public static String cmdComment(String s) {
        return comment(s).replaceAll("[%^&|<>!]", "?");
    }
}
