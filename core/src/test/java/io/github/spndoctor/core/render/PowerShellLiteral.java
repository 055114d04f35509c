package io.github.spndoctor.core.render;

/** Reads PowerShell single-quoted string literals as PowerShell does (', and U+2018-U+201B, all act as quotes). */
final class PowerShellLiteral {
    private PowerShellLiteral() {}

    static boolean quote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B');
    }

    /** True when {@code s} is exactly one single-quoted literal (inner quotes doubled), nothing before or after. */
    static boolean isOneSingleQuotedString(String s) {
        if (s.length() < 2 || !quote(s.charAt(0))) {
            return false;
        }
        int i = 1;
        while (i < s.length()) {
            if (quote(s.charAt(i))) {
                if (i + 1 < s.length() && quote(s.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                return i == s.length() - 1;
            }
            i++;
        }
        return false;
    }
}
