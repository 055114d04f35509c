package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.symptom.SymptomParser;
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
    /** A quick test before the full text reading: an HRESULT in hex or decimal, or the word "error". */
    private static final Pattern MAY_HAVE_CODE = Pattern.compile("(?i)0x[0-9a-f]{8}|(?<!\\d)-?2\\d{9}(?!\\d)|error|fehler");

    private EventInterpreter() {}

    static Optional<EvidenceItem> interpret(EventRecord e, String file) {
        List<EvidenceFact> facts = new ArrayList<>();
        Set<KnownError> errors = new LinkedHashSet<>();
        boolean kdc = e.providerHas("Key-Distribution-Center") || e.provider().equalsIgnoreCase("KDC");
        boolean kerberosClient = !kdc && e.providerHas("Kerberos");
        boolean security = e.providerHas("Security-Auditing") || e.channel().equalsIgnoreCase("Security");
        boolean used = true;
        if (kerberosClient && e.id() == 4) {
            spn(first(e.get("TargetName"), match(TARGET_NAME, e.message()), firstSpn(e)), facts);
            add(facts, EvidenceFact.Type.SERVER_ACCOUNT, first(e.get("Server"), match(FROM_SERVER, e.message()),
                    e.unnamed().isEmpty() ? "" : nonSpn(e.unnamed())));
            add(facts, EvidenceFact.Type.CLIENT, e.computer());
            errors.add(KnownError.KRB_AP_ERR_MODIFIED);
        } else if (kerberosClient && (e.id() == 3 || e.id() == 100 || e.id() == 101)) {
            spn(first(e.get("TargetName"), e.get("ServerName"), firstSpn(e)), facts);
            code(e.get("ErrorCode"), facts, errors);
            add(facts, EvidenceFact.Type.CLIENT, e.computer());
        } else if (kdc && (e.id() == 11 || e.id() == 14 || e.id() == 16 || e.id() == 27)) {
            String spn = firstSpn(e);
            if (e.id() == 11) {
                add(facts, EvidenceFact.Type.DUPLICATE_NAME, first(spn, e.unnamed().isEmpty() ? "" : e.unnamed().get(0)));
                errors.add(KnownError.KDC_DUPLICATE_NAMES);
            } else {
                errors.add(KnownError.KDC_NO_SUITABLE_KEY);
            }
            spn(spn, facts);
            add(facts, EvidenceFact.Type.KDC, e.computer());
        } else if (security && (e.id() == 4769 || e.id() == 4771)) {
            String service = e.get("ServiceName");
            String status = e.get("Status");
            boolean failed = !status.isEmpty() && parseCode(status) != 0;
            if (SPN.matcher(service).matches() && !service.toLowerCase(Locale.ROOT).startsWith("krbtgt/")) {
                spn(service, facts);
            } else if (e.id() == 4769 && !failed) {
                add(facts, EvidenceFact.Type.TICKET_ACCOUNT, service);
            }
            if (failed) {
                code(status, facts, errors);
            }
            add(facts, EvidenceFact.Type.CLIENT, account(e.get("TargetUserName"), e.get("TargetDomainName")));
            add(facts, EvidenceFact.Type.CLIENT_ADDRESS, e.get("IpAddress").replaceFirst("^::ffff:", ""));
            String etype = e.get("TicketEncryptionType");
            if (!etype.isEmpty() && !etype.equalsIgnoreCase("0xffffffff")) {
                int n = KerberosNames.etypeNumber(etype);
                add(facts, EvidenceFact.Type.ENCRYPTION, n < 0 ? etype : KerberosNames.etype(n));
            }
            add(facts, EvidenceFact.Type.KDC, e.computer());
        } else if (e.id() == 40970 && (e.providerHas("Lsa") || e.channel().equalsIgnoreCase("System"))) {
            spn(firstSpn(e), facts);
            add(facts, EvidenceFact.Type.DETAIL, "A failed Kerberos attempt for this SPN did not fall back to NTLM");
        } else if (e.providerHas("NTLM") && e.id() >= 4020 && e.id() <= 4023) {
            add(facts, EvidenceFact.Type.NTLM, "the client used NTLM, not Kerberos");
            spn(firstSpn(e), facts);
            details(e, facts);
        } else if (e.providerHas("WinRM") || e.providerHas("WSMan")) {
            used = false; // used only when it carries an error code
        } else {
            return Optional.empty();
        }
        String all = e.allText();
        if (used || MAY_HAVE_CODE.matcher(all).find()) {
            for (Fact<KnownError> f : SymptomParser.parse(all).errors()) {
                errors.add(f.value());
            }
        }
        if (!used) {
            if (errors.isEmpty()) {
                return Optional.empty();
            }
            add(facts, EvidenceFact.Type.DETAIL, firstLine(e.message()));
        }
        for (KnownError k : errors) {
            if (facts.stream().noneMatch(f -> f.type() == EvidenceFact.Type.ERROR && f.value().contains(k.name()))) {
                add(facts, EvidenceFact.Type.ERROR, k.code().equals(k.name()) ? k.name() : k.code() + " " + k.name());
            }
        }
        return Optional.of(new EvidenceItem(file, EvidenceKind.EVENT_XML, Redaction.redact(e.where()), facts,
                List.copyOf(errors)));
    }

    private static void spn(String value, List<EvidenceFact> facts) {
        Matcher m = SPN.matcher(value == null ? "" : value.strip());
        if (m.find()) {
            add(facts, EvidenceFact.Type.REQUESTED_SPN, m.group(1));
            if (m.group().contains("@")) {
                add(facts, EvidenceFact.Type.REALM, m.group().substring(m.group().indexOf('@') + 1));
            }
        }
    }

    /** A Kerberos error code ("0x7", "0x29", "41") as a fact, and as a known error where the diagnosis has one. */
    private static void code(String text, List<EvidenceFact> facts, Set<KnownError> errors) {
        int code = parseCode(text);
        if (code <= 0) {
            return;
        }
        add(facts, EvidenceFact.Type.ERROR, KerberosNames.error(code));
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
                .forEach(d -> add(facts, EvidenceFact.Type.DETAIL, d.getKey() + " = " + d.getValue().strip()));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl).strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    static void add(List<EvidenceFact> facts, EvidenceFact.Type type, String value) {
        if (value == null || value.isBlank() || value.equals("-")) {
            return;
        }
        String v = Redaction.redact(value.strip());
        if (v.length() > 300) {
            v = v.substring(0, 300) + "…";
        }
        EvidenceFact f = new EvidenceFact(type, v);
        if (!facts.contains(f)) {
            facts.add(f);
        }
    }
}
