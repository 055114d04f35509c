package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.text.Redaction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Windows event into evidence (knowledge.md §4 and §7.6): client event 4 (KRB_AP_ERR_MODIFIED, the target
 * name used), Kerberos events 3/100/101, KDC events 11/14/16/27, Security 4769/4771, LSA 40970, NTLM 4020–4023 and
 * WinRM events that carry an error code. Any other event is not used (empty result). Values are redacted. Stateless.
 */
final class EventInterpreter {
    /** Service classes that make a value an SPN (and not a log name such as "Microsoft-Windows-WinRM/Operational"). */
    private static final Pattern SPN = Pattern.compile("(?i)(?<![\\w/.-])((?:http|https|wsman|host|restrictedkrbhost|termsrv|"
            + "mssqlsvc|cifs|ldap|gc|dns|rpcss|krbtgt)/[a-z0-9][a-z0-9.-]{0,252}(?::\\d{1,5})?(?:/[a-z0-9.-]{1,253})?)"
            + "(?:@[a-z0-9.-]{1,253})?");
    private static final Pattern TARGET_NAME = Pattern.compile(
            "(?i)(?:target\\s+name\\s+used\\s+was|verwendete\\s+zielname\\s+(?:war|lautet))\\s+(\\S{3,300}?)[.,]?(?:\\s|$)");
    private static final Pattern FROM_SERVER = Pattern.compile(
            "(?i)(?:error\\s+from\\s+the\\s+server|vom\\s+server)\\s+(\\S{1,300}?)[.,]?(?:\\s|$)");
    private static final int MAX_DETAILS = 8;
    /** A quick test before reading codes: "0x" followed by a digit, or a run of at least ten digits. */
    static boolean mayHaveCode(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return true;
                }
                if (c == '0' && i + 2 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                        && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    return true;
                }
            } else {
                digits = 0;
            }
        }
        return false;
    }

    /** {@link #mayHaveCode(String)} over every value and the message, without joining them (a code never spans two). */
    static boolean mayHaveCode(EventRecord e) {
        for (String v : e.data().values()) {
            if (mayHaveCode(v)) {
                return true;
            }
        }
        for (String v : e.unnamed()) {
            if (mayHaveCode(v)) {
                return true;
            }
        }
        return mayHaveCode(e.message());
    }

    private EventInterpreter() {}

    /** False for events {@link #interpret} never uses, decided from the System part alone (their data is skipped). */
    static boolean mayUse(int id, String provider) {
        return switch (id) {
            case 3, 4, 11, 14, 16, 27, 100, 101, 4769, 4771, 40970, 4020, 4021, 4022, 4023 -> true;
            default -> provider.regionMatches(true, 0, "Microsoft-Windows-WinRM", 0, 23)
                    || provider.regionMatches(true, 0, "Microsoft-Windows-WSMan", 0, 23)
                    || provider.equalsIgnoreCase("WinRM");
        };
    }

    static Optional<EvidenceItem> interpret(EventRecord e, String file) {
        if (!mayUse(e.id(), e.provider())) {
            return Optional.empty();
        }
        List<EvidenceFact> facts = new ArrayList<>();
        Set<KnownError> errors = new LinkedHashSet<>();
        String source = e.provider().toLowerCase(Locale.ROOT);   // once, for the tests below
        boolean kdc = source.contains("key-distribution-center") || source.equals("kdc");
        boolean kerberosClient = !kdc && source.contains("kerberos");
        boolean security = source.contains("security-auditing") || e.channel().equalsIgnoreCase("Security");
        boolean used = true;
        if (kerberosClient && e.id() == 4) {
            // the named value when there is one; the message and the whole text are searched only without it
            String target = e.get("TargetName");
            spn(!target.isEmpty() ? target : first(match(TARGET_NAME, e.message()), firstSpn(e)), facts);
            String server = e.get("Server");
            raw(facts, EvidenceFact.Type.SERVER_ACCOUNT, !server.isEmpty() ? server : first(match(FROM_SERVER, e.message()),
                    e.unnamed().isEmpty() ? "" : nonSpn(e.unnamed())));
            raw(facts, EvidenceFact.Type.CLIENT, e.computer());
            errors.add(KnownError.KRB_AP_ERR_MODIFIED);
        } else if (kerberosClient && (e.id() == 3 || e.id() == 100 || e.id() == 101)) {
            String target = first(e.get("TargetName"), e.get("ServerName"));
            spn(!target.isEmpty() ? target : firstSpn(e), facts);
            code(e.get("ErrorCode"), facts, errors);
            raw(facts, EvidenceFact.Type.CLIENT, e.computer());
        } else if (kdc && (e.id() == 11 || e.id() == 14 || e.id() == 16 || e.id() == 27)) {
            String spn = firstSpn(e);
            if (e.id() == 11) {
                raw(facts, EvidenceFact.Type.DUPLICATE_NAME, first(spn, e.unnamed().isEmpty() ? "" : e.unnamed().get(0)));
                errors.add(KnownError.KDC_DUPLICATE_NAMES);
            } else {
                errors.add(KnownError.KDC_NO_SUITABLE_KEY);
            }
            spn(spn, facts);
            raw(facts, EvidenceFact.Type.KDC, e.computer());
        } else if (security && (e.id() == 4769 || e.id() == 4771)) {
            String service = e.get("ServiceName");
            String status = e.get("Status");
            boolean failed = !status.isEmpty() && parseCode(status) != 0;
            if (SPN.matcher(service).matches() && !service.toLowerCase(Locale.ROOT).startsWith("krbtgt/")) {
                spn(service, facts);
            } else if (e.id() == 4769 && !failed) {
                raw(facts, EvidenceFact.Type.TICKET_ACCOUNT, service);
            }
            if (failed) {
                code(status, facts, errors);
            }
            raw(facts, EvidenceFact.Type.CLIENT, account(e.get("TargetUserName"), e.get("TargetDomainName")));
            raw(facts, EvidenceFact.Type.CLIENT_ADDRESS, e.get("IpAddress").replaceFirst("^::ffff:", ""));
            String etype = e.get("TicketEncryptionType");
            if (!etype.isEmpty() && !etype.equalsIgnoreCase("0xffffffff")) {
                int n = KerberosNames.etypeNumber(etype);
                raw(facts, EvidenceFact.Type.ENCRYPTION, n < 0 ? etype : KerberosNames.etype(n));
            }
            raw(facts, EvidenceFact.Type.KDC, e.computer());
        } else if (e.id() == 40970 && (source.contains("lsa") || e.channel().equalsIgnoreCase("System"))) {
            spn(firstSpn(e), facts);
            raw(facts, EvidenceFact.Type.DETAIL, "A failed Kerberos attempt for this SPN did not fall back to NTLM");
        } else if (source.contains("ntlm") && e.id() >= 4020 && e.id() <= 4023) {
            raw(facts, EvidenceFact.Type.NTLM, "the client used NTLM, not Kerberos");
            spn(firstSpn(e), facts);
            details(e, facts);
        } else if (mayUse(-1, e.provider())) {
            used = false; // used only when it carries an error code
        } else {
            return Optional.empty();
        }
        if (used || mayHaveCode(e)) {
            codesIn(e.allText(), errors);
        }
        if (kerberosClient && e.id() == 100) {
            errors.add(KnownError.SPN_NOT_REGISTERED);
        } else if (kerberosClient && e.id() == 101) {
            errors.add(KnownError.SPN_REGISTERED_ON_MULTIPLE_ACCOUNTS);
        }
        if (!used) {
            if (errors.isEmpty()) {
                return Optional.empty();
            }
            raw(facts, EvidenceFact.Type.DETAIL, firstLine(e.message()));
        }
        for (KnownError k : errors) {
            if (facts.stream().noneMatch(f -> f.type() == EvidenceFact.Type.ERROR && f.value().contains(k.name()))) {
                raw(facts, EvidenceFact.Type.ERROR, k.code().equals(k.name()) ? k.name() : k.code() + " " + k.name());
            }
        }
        return Optional.of(new EvidenceItem(file, EvidenceKind.EVENT_XML, Redaction.redact(e.where()), redacted(facts),
                List.copyOf(errors)));
    }

    /** HRESULTs and Win32 codes in hex ("0x80090322") or decimal ("2150858770", "-2146893022") that the diagnosis knows. */
    private static void codesIn(String text, Set<KnownError> errors) {
        Matcher m = CODE.matcher(text);
        int n = 0;
        while (m.find() && n++ < 64) {
            long v;
            try {
                v = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2)) & 0xffffffffL;
            } catch (NumberFormatException ex) {
                continue;
            }
            KnownError k = BY_VALUE.get(v);
            if (k != null) {
                errors.add(k);
            }
        }
    }

    private static final Pattern CODE = Pattern.compile("(?i)(?<![\\w])0x([0-9a-f]{4,8})(?![\\w])|(?<![\\w-])(-?\\d{4,10})(?!\\w)");
    private static final java.util.Map<Long, KnownError> BY_VALUE = new java.util.HashMap<>();

    static {
        for (KnownError k : KnownError.values()) {
            k.value().ifPresent(v -> BY_VALUE.putIfAbsent(v, k));
        }
    }

    private static void spn(String value, List<EvidenceFact> facts) {
        Matcher m = SPN.matcher(value == null ? "" : value.strip());
        if (m.find()) {
            raw(facts, EvidenceFact.Type.REQUESTED_SPN, m.group(1));
            if (m.group().contains("@")) {
                raw(facts, EvidenceFact.Type.REALM, m.group().substring(m.group().indexOf('@') + 1));
            }
        }
    }

    /** A Kerberos error code ("0x7", "0x29", "41") as a fact, and as a known error where the diagnosis has one. */
    private static void code(String text, List<EvidenceFact> facts, Set<KnownError> errors) {
        int code = parseCode(text);
        if (code <= 0) {
            return;
        }
        raw(facts, EvidenceFact.Type.ERROR, KerberosNames.error(code));
        switch (code) {
            case 7 -> errors.add(KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN);
            case 8 -> errors.add(KnownError.KDC_ERR_PRINCIPAL_NOT_UNIQUE);
            case 14 -> errors.add(KnownError.KDC_NO_SUITABLE_KEY);
            case 24 -> errors.add(KnownError.LOGON_FAILURE);
            case 37 -> errors.add(KnownError.KRB_AP_ERR_SKEW);
            case 41 -> errors.add(KnownError.KRB_AP_ERR_MODIFIED);
            default -> { }
        }
    }

    static int parseCode(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x") && t.length() > 2 && t.length() <= 10) {
                return (int) Long.parseLong(t.substring(2), 16);
            }
            if (t.matches("\\d{1,9}")) {
                return Integer.parseInt(t);
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String firstSpn(EventRecord e) {
        Matcher m = SPN.matcher(e.allText());
        while (m.find()) {
            if (!m.group(1).toLowerCase(Locale.ROOT).startsWith("krbtgt/")) {
                return m.group(1);
            }
        }
        return "";
    }

    private static String nonSpn(List<String> values) {
        return values.stream().filter(v -> !SPN.matcher(v).find() && !v.isBlank() && !v.contains(" ")).findFirst().orElse("");
    }

    private static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String account(String user, String domain) {
        if (user.isEmpty()) {
            return "";
        }
        return domain.isEmpty() || user.contains("@") ? user : user + "@" + domain;
    }

    private static void details(EventRecord e, List<EvidenceFact> facts) {
        e.data().entrySet().stream().filter(d -> !d.getValue().isBlank()).limit(MAX_DETAILS)
                .forEach(d -> raw(facts, EvidenceFact.Type.DETAIL, d.getKey() + " = " + d.getValue().strip()));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl).strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** Adds a fact, redacted (klist and token readers: a few facts each). */
    static void add(List<EvidenceFact> facts, EvidenceFact.Type type, String value) {
        if (value != null) {
            raw(facts, type, Redaction.redact(value));
        }
    }

    /**
     * Redacts all facts of one event in one pass (one call of the redaction over the values joined by line breaks,
     * which no redaction pattern crosses; should one ever cross, each value is redacted on its own).
     */
    static List<EvidenceFact> redacted(List<EvidenceFact> facts) {
        StringBuilder b = new StringBuilder();
        for (EvidenceFact f : facts) {
            b.append(f.value()).append('\n');
        }
        String[] out = Redaction.redact(b.toString()).split("\n", -1);
        List<EvidenceFact> r = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            String v = out.length == facts.size() + 1 ? out[i] : Redaction.redact(facts.get(i).value());
            r.add(new EvidenceFact(facts.get(i).type(), v));
        }
        return r;
    }

    /** Adds a fact as it is (one line, at most 300 characters); the caller redacts. */
    static void raw(List<EvidenceFact> facts, EvidenceFact.Type type, String value) {
        if (value == null || value.isBlank() || value.equals("-")) {
            return;
        }
        String v = value.strip().replace('\r', ' ').replace('\n', ' ');
        if (v.length() > 300) {
            v = v.substring(0, 300) + "…";
        }
        EvidenceFact f = new EvidenceFact(type, v);
        if (!facts.contains(f)) {
            facts.add(f);
        }
    }
}
