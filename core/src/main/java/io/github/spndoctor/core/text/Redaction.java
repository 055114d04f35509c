package io.github.spndoctor.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets in text a user gives SPN Doctor: password assignments ({@code password=}, {@code ansible_password:},
 * {@code userPassword::}), password flags ({@code -Password X}, {@code -w X}, {@code -p:X}, {@code /pass:X}),
 * {@code ConvertTo-SecureString 'X'}, credential variables ({@code $cred = ... 'X'}), {@code net use ... X /user:},
 * user:password in URLs, and HTTP {@code Authorization} / {@code WWW-Authenticate} tokens (Basic, Negotiate, Kerberos,
 * NTLM, Bearer: a Negotiate token is no password, but it carries a ticket).
 *
 * <p>The one place in SPN Doctor that knows what a secret looks like. Text is redacted once, where it enters the
 * product ({@link RedactedText#of(String)}); everything later sees only the redacted form. Redaction is idempotent,
 * runs in time linear in the text, and leaves error codes, SPNs and host names alone. Each secret becomes
 * {@link #MARK}, whatever its length (quotes around it stay).
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MARK = "********";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    /** A value: a quoted string on one line, or a word up to a separator. */
    private static final String VALUE = "(\"[^\"\\r\\n]{1,400}\"|'[^'\\r\\n]{1,400}'|[^\\s\"',;}]{1,400})";

    /** {@code password = X}, {@code "ansible_password": "X"}, {@code $env:BIND_PW='X'}, {@code unicodePwd:: X}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w-])(?:[\\w.$-]{0,60}(?:password|passwd|passphrase|secret|pwd|_pw|_pass|bindpw)|pass|pw)(?!\\w)"
                    + "[\"']?[ \\t]*(?:[:=]{1,2}|=>)[ \\t]*(?![($*])" + VALUE, FLAGS);
    /** {@code -Password X}, {@code --password=X}, {@code -w X} (ldapsearch), {@code -p:X} (winrs). */
    private static final Pattern FLAG = Pattern.compile(
            "(?<![\\w-])--?(?:\\w{0,40}password|\\w{0,40}passwd|pass|pwd|pw|w)(?:[ \\t]+|[:=])(?![-($*])" + VALUE
                    + "|(?<![\\w-])[-/]p:" + VALUE, FLAGS);
    /** {@code /pass:X}, {@code /passwordd:X}, {@code /pd:X} (cmdkey, netdom). */
    private static final Pattern SLASH_FLAG = Pattern.compile(
            "(?<![\\w/])/(?:pass|password|passwordd|passwordo|pd|po|pw):(?![*])" + VALUE, FLAGS);
    /** {@code net use \\srv\c$ X /user:DOM\bob} and {@code net use \\srv\c$ /user:DOM\bob X}. */
    private static final Pattern NET_USE = Pattern.compile(
            "\\bnet\\s+use\\s+(?:[a-z]:\\s+)?\\\\\\\\[^\\s]{1,300}[ \\t]+(?![/*])([^\\s/][^\\s]{0,400})[ \\t]+/u(?:ser)?:"
                    + "|\\bnet\\s+use\\b[^\\r\\n]{0,300}?[ \\t]/u(?:ser)?:[^\\s]{1,300}[ \\t]+(?![/*])([^\\s/][^\\s]{0,400})", FLAGS);
    /** {@code scheme://user:X@host}. */
    private static final Pattern URL_USERINFO = Pattern.compile(
            "\\b[a-z][a-z0-9+.-]{1,20}://[^\\s:/@'\"]{1,200}:([^\\s@/'\"]{1,400})@", FLAGS);
    /** {@code Authorization: Negotiate X}, {@code 'WWW-Authenticate': 'Basic X'}. */
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?:authorization|authenticate)[\"']?[ \\t]*[:=][ \\t]*[\"']?(?:basic|negotiate|kerberos|ntlm|bearer)[ \\t]+"
                    + "([A-Za-z0-9+/=._~-]{4,})", FLAGS);
    /** A GSS-API, SPNEGO or NTLM token anywhere: "Negotiate YII...", "TlRMTVNTUA...". */
    private static final Pattern BARE_TOKEN = Pattern.compile(
            "(?i:negotiate|kerberos|ntlm)[ \\t]+((?:YII|oY|TlRM)[A-Za-z0-9+/]{12,}={0,2})"
                    + "|(?<![A-Za-z0-9+/])(TlRMTVNTUA[A-Za-z0-9+/]{8,}={0,2}|YII[A-Za-z0-9+/]{40,}={0,2})");
    /** {@code ConvertTo-SecureString} and its arguments, to the end of the expression. */
    private static final Pattern SECURE_STRING = Pattern.compile("convertto-securestring\\b", FLAGS);
    /** {@code 'X' | ConvertTo-SecureString}. */
    private static final Pattern PIPED_SECURE_STRING = Pattern.compile(
            "(\"[^\"\\r\\n]{1,400}\"|'[^'\\r\\n]{1,400}')[ \\t]*\\|[ \\t]*convertto-securestring\\b", FLAGS);
    /** {@code $cred = ...}, {@code $secPass = ...}: quoted strings in the rest of the statement. */
    private static final Pattern CREDENTIAL_VARIABLE = Pattern.compile(
            "\\$\\w{0,40}(?:cred|pass|pw|secret|token)\\w{0,40}[ \\t]*=(?!=)", FLAGS);
    /** A quoted string that names a user (DOMAIN\\user, user@domain) is kept in a credential statement. */
    private static final Pattern USER_NAME = Pattern.compile("[\\w.-]{1,100}\\\\[\\w.$ -]{1,100}|[\\w.+-]{1,100}@[\\w.-]{1,200}");

    private static final List<Pattern> GROUP_PATTERNS = List.of(ASSIGNMENT, FLAG, SLASH_FLAG, NET_USE, URL_USERINFO,
            AUTH_HEADER, BARE_TOKEN, PIPED_SECURE_STRING);

    private Redaction() {}

    /**
     * Substrings (in lower case) one of which every pattern above needs: a text with none of them holds nothing to
     * blank, and is returned without running a single pattern (most event values, names and SPNs). Each pattern's
     * literal parts: ASSIGNMENT pass / pw / secret; FLAG pass / pw / "-w" + blank, ':' or '=' / "-p:"; SLASH_FLAG
     * "/p"; NET_USE net; URL_USERINFO "://"; AUTH_HEADER auth; the secure-string patterns securestring; a credential
     * variable '$'; BARE_TOKEN its token starts (case-sensitive, {@link #TOKEN_STARTS}).
     */
    private static final String[] TRIGGERS = {"pass", "pw", "secret", "-w ", "-w\t", "-w:", "-w=", "-p:", "/p", "net",
            "://", "auth", "securestring", "$"};
    private static final String[] TOKEN_STARTS = {"YII", "oY", "TlRM"};

    /** False only when no pattern can match {@code text} (see {@link #TRIGGERS}). */
    static boolean mayHoldSecret(String text) {
        for (String t : TOKEN_STARTS) {
            if (text.contains(t)) {
                return true;
            }
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String t : TRIGGERS) {
            if (lower.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every secret replaced by {@link #MARK}; null counts as empty. Never throws. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return mayHoldSecret(text) ? redactAll(text) : text;
    }

    /** {@link #redact} without the quick test: every pattern runs (the tests compare the two). */
    static String redactAll(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (Pattern p : GROUP_PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.start(g) >= 0) {
                        ranges.add(new int[]{m.start(g), m.end(g)});
                    }
                }
            }
        }
        Matcher m = SECURE_STRING.matcher(text);
        while (m.find()) {
            statementLiterals(text, m.end(), false, ranges);
        }
        m = CREDENTIAL_VARIABLE.matcher(text);
        while (m.find()) {
            statementLiterals(text, m.end(), true, ranges);
        }
        return ranges.isEmpty() ? text : blank(text, ranges);
    }

    /** True when {@code text} holds nothing {@link #redact} would blank. */
    public static boolean isClean(String text) {
        return text == null || redact(text).equals(text);
    }

    /**
     * Adds the arguments of an expression starting at {@code from}, up to an unquoted {@code ) ; |} or line end
     * (at most 600 characters): every quoted string (with {@code quotedOnly}, a quoted user name is kept); without
     * {@code quotedOnly} also the plain-text bare word (the first one, or the one after {@code -String}), never a
     * flag ({@code -AsPlainText}) or a variable.
     */
    private static void statementLiterals(String text, int from, boolean quotedOnly, List<int[]> ranges) {
        int end = Math.min(text.length(), from + 600);
        int depth = 0;
        int i = from;
        boolean positional = true;
        String previous = "";
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == ';' || c == '|' || (c == ')' && depth == 0 && !quotedOnly)) {
                return;
            }
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                int eol = lineEnd(text, i + 1);
                if (close < 0 || close > eol) {
                    ranges.add(new int[]{i, eol});
                    return;
                }
                String inner = text.substring(i + 1, close);
                if (!(quotedOnly && USER_NAME.matcher(inner).matches()) && !inner.startsWith("$")) {
                    ranges.add(new int[]{i, close + 1});
                }
                positional = false;
                previous = inner;
                i = close + 1;
            } else if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else {
                int j = i;
                while (j < end && !Character.isWhitespace(text.charAt(j)) && ",;|()\"'".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                String word = text.substring(i, j);
                if (!quotedOnly && word.equals(":")) {
                    return; // "ConvertTo-SecureString : Cannot bind ..." is an error message, not a command
                }
                if (!quotedOnly && (positional || "-string".equalsIgnoreCase(previous))
                        && c != '-' && c != '$' && c != '[' && !word.equals(MARK)) {
                    ranges.add(new int[]{i, j});
                }
                positional = false;
                previous = word;
                i = j;
            }
        }
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static String blank(String text, List<int[]> ranges) {
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[]{r[0], r[1]});
            }
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int[] r : merged) {
            int start = r[0];
            int end = r[1];
            if (end - start >= 2 && (text.charAt(start) == '"' || text.charAt(start) == '\'')
                    && text.charAt(end - 1) == text.charAt(start)) {
                start++;
                end--;
            }
            sb.append(text, at, start).append(MARK);
            at = end;
        }
        return sb.append(text, at, text.length()).toString();
    }
}
