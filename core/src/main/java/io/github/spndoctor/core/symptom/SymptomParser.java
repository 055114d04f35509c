package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.text.Redaction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pasted text — PowerShell red text, event-log entries, Server Manager and Windows Admin Center messages,
 * Ansible / pywinrm output, or a ticket in the user's own words — into a {@link Symptom}.
 *
 * <p>Secrets in the text are blanked with {@link Redaction} before anything is read, so no fact or excerpt can
 * show one. Never throws. Time is bounded: at most {@link #HEAD} characters from the start and {@link #TAIL} from the end
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
    private static final int MAX_SPNS = 40;

    /** Fixed text of known messages that must not count as clues (WinRM's generic "possible causes" list etc.). */
    private static final List<String> BOILERPLATE = List.of(
            "The user name or password specified are invalid",
            "Kerberos is used when no authentication method and no user name are specified",
            "Kerberos accepts domain user names, but not local user names",
            "The Service Principal Name (SPN) for the remote computer name and port does not exist",
            "The client and remote computers are in different domains and there is no trust between the two domains",
            "Check the Event Viewer for events related to authentication",
            "Change the authentication method; add the destination computer to the WinRM TrustedHosts configuration setting or use HTTPS transport",
            "Note that computers in the TrustedHosts list might not be authenticated",
            "For more information about WinRM configuration, run the following command: winrm help config",
            "see the about_Remote_Troubleshooting Help topic",
            "This can occur when the target server principal name (SPN) is registered on an account other than the account the target service is using",
            "Ensure that the target SPN is only registered on the account used by the server",
            "This error can also happen if the target service account password is different than what is configured on the Kerberos Key Distribution Center for that target service",
            "Ensure that the service on the server and the KDC are both configured to use the same password",
            "If the server name is not fully qualified, and the target domain",
            "is different from the client domain",
            "check if there are identically named server accounts in these two domains, or use the fully-qualified name to identify the server",
            "Verify that the service on the destination is running and is accepting requests",
            "Consult the logs and documentation for the WS-Management service running on the destination, most commonly IIS or WinRM",
            "If the destination is the WinRM service, run the following command on the destination to analyze and configure the WinRM service",
            "WinRM cannot complete the operation. Verify that the specified computer name is valid",
            "By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet",
            "then HTTPS transport must be used or the destination machine must be added to the TrustedHosts configuration setting",
            "Use winrm.cmd to configure TrustedHosts",
            "the transport is HTTPS or the destination is in the TrustedHosts list, and explicit credentials are provided",
            "For more information on how to set TrustedHosts run the following command",
            "because the computer is not trusted",
            "The identity of the target computer can be verified if you configure the WSMAN service to use a valid certificate using the following command",
            "The identity of the target computer can be verified if you configure the WSMAN service to use a valid certificate",
            "Or you can check the Event Viewer for an event that specifies that the following SPN could not be created",
            "If you find this event, you can manually create the SPN using setspn.exe",
            "If the SPN exists, but CredSSP cannot use Kerberos to validate the identity of the target computer and you still want to allow the delegation of the user credentials to the target computer",
            "use gpedit.msc and look at the following policy",
            "Computer Configuration -> Administrative Templates -> System -> Credentials Delegation",
            "Verify that it is enabled and configured with an SPN appropriate for the target computer",
            "for a target computer name \"myserver.domain.com\", the SPN can be one of the following: WSMAN/myserver.domain.com or WSMAN/*.domain.com",
            "Change the client configuration and try the request again",
            "CredSSP authentication must also be enabled in the server configuration",
            "Group Policy must be edited to allow credential delegation to the target computer",
            "It may already have been terminated",
            "found 0 group of duplicate SPNs");

    /** Messages with a variable part in the middle, read with a pattern on the lower-cased text. */
    private static final Map<Pattern, KnownError> VARIABLE_MESSAGES = Map.of(
            Pattern.compile("access\\s+to\\s+the\\s+path\\s+\\S.{0,300}?\\s+is\\s+denied"), KnownError.E_ACCESSDENIED,
            Pattern.compile("server\\s+\\S{1,300}\\s+not\\s+found\\s+in\\s+kerberos\\s+database"), KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN);
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-Za-z_])-?(?:0[xX])?[0-9A-Fa-f]{4,10}(?![0-9A-Za-z_])");
    private static final Pattern KRB_SMALL_CODE = Pattern.compile(
            "(?:failure|error)\\s*code\\s*[:=]?\\s*0x(7|8|e|25|29)(?![0-9a-z])");
    private static final Pattern SPN = Pattern.compile(
            "(?<![\\w/-])(http|https|wsman|host|restrictedkrbhost|termsrv|mssqlsvc|cifs|ldap)/([A-Za-z0-9][\\w.-]{0,252}(?::\\d{1,5})?)");
    private static final List<Pattern> REQUESTED_SPN = List.of(
            Pattern.compile("target\\s+name\\s+used\\s+was\\s+(\\S{3,300})"),
            Pattern.compile("\\bthe\\s+spn\\s+(\\S{3,300})\\s+is\\s+(?:not\\s+registered|registered\\s+on\\s+multiple)"),
            Pattern.compile("\\bsname:\\s*(\\S{3,300})"),
            Pattern.compile("\\b(?:server|target)\\s+name:\\s*([a-z][\\w-]{0,30}/\\S{1,300})"));
    /** Where a text names the target, most reliable first. */
    private static final List<Pattern> TARGET = List.of(
            Pattern.compile("connecting\\s+to\\s+remote\\s+server\\s+(\\S{1,300}?)\\s+failed"),
            Pattern.compile("cannot\\s+find\\s+the\\s+computer\\s+(\\S{1,300}?)\\.?(?:\\s|$)"),
            Pattern.compile("-computername[:\\s]\\s*['\"]?([^\\s'\",;)|]{1,300})"),
            Pattern.compile("\\b(?:enter-pssession|new-pssession|etsn|test-wsman|new-cimsession)\\s+(?:(?:against|to|on|into|with)\\s+)?(?!-)['\"]?([^\\s'\",;)|]{1,300})"),
            Pattern.compile("\\binvoke-command\\s+-cn\\s+['\"]?([^\\s'\",;)|]{1,300})"),
            Pattern.compile("\\bwinrs(?:\\.exe)?\\s+[-/]r(?:emote)?:([^\\s'\"]{1,300})"),
            Pattern.compile("target\\s+name\\s+used\\s+was\\s+[a-z]{2,20}/([^\\s:/]{1,300})"),
            Pattern.compile("krb_ap_err_modified\\s+error\\s+from\\s+the\\s+server\\s+(\\S{1,300}?)\\.?(?:\\s|$)"),
            Pattern.compile("https?://([^/:\\s'\"\\]]{1,300})(?::598[56]|/wsman)"),
            Pattern.compile("\\(([^\\s:()]{1,300}):string\\)"),
            Pattern.compile("host='([^']{1,300})'"),
            Pattern.compile("fatal:\\s*\\[([^\\]\\s]{1,300})\\]"),
            Pattern.compile("\\b(?:connect(?:ing|ed)?|remot(?:e|ing))\\s+(?:in)?to\\s+(?:the\\s+)?(?:server\\s+|host\\s+|computer\\s+|machine\\s+)?"
                    + "((?:\\d{1,3}\\.){3}\\d{1,3}|[A-Za-z0-9][\\w-]{0,62}(?:\\.[A-Za-z0-9][\\w-]{0,62}){1,10})"),
            Pattern.compile("\\bthe\\s+server\\s+((?:\\d{1,3}\\.){3}\\d{1,3}|[A-Za-z0-9][\\w-]{0,62}\\.[A-Za-z0-9][\\w.-]{1,200})"));

    /** Words that follow "Enter-PSSession" or "connect to" in prose but are not server names. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("failed", "fails", "works", "worked", "the",
            "a", "an", "server", "computer", "machine", "host", "servername", "fqdn", "hostname", "string", "against",
            "to", "on", "into", "with", "from", "for", "and", "or", "it", "this", "that", "them", "there", "is", "was",
            "command", "cmdlet", "session", "localhost.", "remote", "my", "our", "your", "its", "any", "all", "also",
            "again", "still", "now", "then", "but", "not", "no", "yes", "here", "one", "two");
    private static final Map<String, KnownError> TOKENS = new HashMap<>();
    private static final Map<String, KnownError> PHRASES = new LinkedHashMap<>();
    private static final List<String> BOILERPLATE_KEYS = BOILERPLATE.stream().map(Squashed::key).toList();

    static {
        for (KnownError e : KnownError.values()) {
            for (String p : e.phrases()) {
                // "The"/"A"/"An" at the start vary between versions and translations of the same message
                PHRASES.put(Squashed.key(p.replaceFirst("^(?i)(the|an|a)\\s+", "")), e);
            }
            for (String s : e.spellings()) {
                String low = s.toLowerCase(Locale.ROOT);
                if (TOKEN.matcher(low).matches()) {
                    TOKENS.put(low, e);
                } else {
                    PHRASES.put(Squashed.key(s), e);
                }
            }
        }
    }

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

        Map<KnownError, Fact<KnownError>> errors = new EnumMap<>(KnownError.class);
        List<int[]> errorOrder = new ArrayList<>();
        for (Map.Entry<String, KnownError> p : PHRASES.entrySet()) {
            findPhrase(sq, prepared, p.getKey(), masked, p.getValue(), errors, errorOrder);
        }
        for (String key : BOILERPLATE_KEYS) {
            findPhrase(sq, prepared, key, masked, null, errors, errorOrder);
        }
        Matcher m = TOKEN.matcher(prepared);
        int tokens = 0;
        while (m.find() && errors.size() < KnownError.values().length && tokens++ < 2_000_000) {
            KnownError e = TOKENS.get(m.group().toLowerCase(Locale.ROOT));
            if (e != null && !errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, excerpt(prepared, m.start(), m.end())));
                errorOrder.add(new int[]{m.start(), e.ordinal()});
            }
        }
        String preparedLower = lower(prepared);
        for (Map.Entry<Pattern, KnownError> v : VARIABLE_MESSAGES.entrySet()) {
            Matcher vm = v.getKey().matcher(preparedLower);
            if (!errors.containsKey(v.getValue()) && vm.find()) {
                errors.put(v.getValue(), new Fact<>(v.getValue(), excerpt(prepared, vm.start(), vm.end())));
                errorOrder.add(new int[]{vm.start(), v.getValue().ordinal()});
            }
        }
        m = KRB_SMALL_CODE.matcher(preparedLower);
        while (m.find()) {
            KnownError e = switch (m.group(1)) {
                case "7" -> KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN;
                case "8" -> KnownError.KDC_ERR_PRINCIPAL_NOT_UNIQUE;
                case "25" -> KnownError.KRB_AP_ERR_SKEW;
                case "e" -> KnownError.KDC_NO_SUITABLE_KEY;
                default -> KnownError.KRB_AP_ERR_MODIFIED;
            };
            if (!errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, excerpt(prepared, m.start(), m.end())));
                errorOrder.add(new int[]{m.start(), e.ordinal()});
            }
        }
        // errors in the order they appear in the text
        errorOrder.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Fact<KnownError>> errorList = new ArrayList<>();
        for (int[] o : errorOrder) {
            errorList.add(errors.get(KnownError.values()[o[1]]));
        }

        String clean = window(maskedText(work, masked));
        String cleanLower = lower(clean);
        prepared = window(prepared);
        preparedLower = lower(prepared);
        List<Fact<Clue>> clues = new ArrayList<>();
        for (Clue c : Clue.values()) {
            firstMatch(c.pattern(), cleanLower, clean).ifPresent(ex -> clues.add(new Fact<>(c, ex)));
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
        return new Symptom(errorList, auth, target(cleanLower, clean), spns(cleanLower, clean), clients, clues,
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

    private static void findPhrase(Squashed sq, String prepared, String key, boolean[] masked, KnownError e,
                                   Map<KnownError, Fact<KnownError>> errors, List<int[]> order) {
        if (key.isEmpty()) {
            return;
        }
        int from = 0;
        while (true) {
            int at = sq.text.indexOf(key, from);
            if (at < 0) {
                return;
            }
            int start = sq.start(at);
            int end = sq.end(at, key.length());
            for (int i = start; i < end; i++) {
                masked[i] = true;
            }
            if (e != null && !errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, excerpt(prepared, start, end)));
                order.add(new int[]{start, e.ordinal()});
            }
            from = at + key.length();
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

    private static Optional<String> firstMatch(Pattern p, String lower, String text) {
        Matcher m = p.matcher(lower);
        return m.find() ? Optional.of(excerpt(text, m.start(), m.end())) : Optional.empty();
    }

    private static Optional<TargetFact> target(String lower, String text) {
        for (Pattern p : TARGET) {
            Matcher m = p.matcher(lower);
            int tries = 0;
            while (m.find() && tries++ < 50) {
                Optional<TargetName> name = targetName(text.substring(m.start(1), m.end(1)));
                if (name.isPresent()) {
                    return Optional.of(new TargetFact(name.get(), excerpt(text, m.start(), m.end())));
                }
            }
        }
        return Optional.empty();
    }

    /** A usable host name from a captured word, or empty for placeholders, variables and junk. */
    static Optional<TargetName> targetName(String raw) {
        String s = raw.strip();
        while (!s.isEmpty() && "'\"`([{<".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1);
        }
        while (!s.isEmpty() && "'\"`)]}>.,;:!".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.startsWith("$") || s.startsWith("-") || s.contains("<") || s.contains(">")
                || s.contains("*") || s.contains("%") || s.contains("{")) {
            return Optional.empty();
        }
        String low = s.toLowerCase(Locale.ROOT);
        if (NOT_NAMES.contains(low)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TargetName.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<SpnMention> spns(String lower, String text) {
        Map<Spn, SpnMention> out = new LinkedHashMap<>();
        for (Pattern p : REQUESTED_SPN) {
            Matcher m = p.matcher(lower);
            while (m.find() && out.size() < MAX_SPNS) {
                spn(text.substring(m.start(1), m.end(1)))
                        .ifPresent(s -> out.putIfAbsent(s, new SpnMention(s, excerpt(text, m.start(), m.end()), true)));
            }
        }
        Matcher m = SPN.matcher(lower);
        int seen = 0;
        while (m.find() && out.size() < MAX_SPNS && seen++ < 10_000) {
            spn(text.substring(m.start(), m.end()))
                    .ifPresent(s -> out.putIfAbsent(s, new SpnMention(s, excerpt(text, m.start(), m.end()), false)));
        }
        return new ArrayList<>(out.values());
    }

    private static Optional<Spn> spn(String raw) {
        String s = raw;
        while (!s.isEmpty() && ".,;:'\")]".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.indexOf('/') < 0 || s.contains("<") || s.contains("$")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Spn.parse(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
