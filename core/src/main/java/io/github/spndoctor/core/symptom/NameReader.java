package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.spndoctor.core.symptom.SymptomParser.excerpt;

/**
 * Finds the names in a pasted text: the host it connects to (most reliable phrasing first, placeholders and prose
 * words refused) and the SPNs it mentions (those the client asked for first). Stateless.
 */
final class NameReader {
    private static final int MAX_SPNS = 40;
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

    private NameReader() {}

    static Optional<TargetFact> target(String lower, String text) {
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

    static List<SpnMention> spns(String lower, String text) {
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
}
