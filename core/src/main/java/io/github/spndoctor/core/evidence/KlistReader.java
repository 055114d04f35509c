package io.github.spndoctor.core.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code klist} output: Windows ({@code #0> Client: … Server: HTTP/x @ REALM … KerbTicket Encryption Type: …
 * Kdc Called: …}) and MIT ({@code klist -e}: "Valid starting  Expires  Service principal" and "Etype (skey, tkt)").
 * Gives the tickets held (SPN, encryption), the KDC and the client; when exactly one HTTP or WSMAN service ticket is
 * held, its SPN counts as requested.
 */
final class KlistReader {
    private static final Pattern WIN_TICKET = Pattern.compile("(?m)^\\s*#\\d+>\\s*");
    private static final Pattern WIN_FIELD = Pattern.compile("(?m)^\\s*([A-Za-zÄÖÜäöüß][\\wÄÖÜäöüß -]{1,40}?)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern MIT_PRINCIPAL = Pattern.compile("(?m)^\\d\\S*\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+/\\S+@\\S+)\\s*$"
            + "|(?m)^\\d\\S*\\s+\\S+\\s+(\\S+/\\S+@\\S+)\\s*$");
    private static final Pattern MIT_ETYPE = Pattern.compile("Etype \\(skey, tkt\\):\\s*([\\w-]+),\\s*([\\w-]+)");

    private KlistReader() {}

    static boolean looksWindows(String t) {
        return WIN_TICKET.matcher(t).find() && t.contains("Server:");
    }

    static boolean looksMit(String t) {
        return t.contains("Ticket cache:") || t.contains("Valid starting") || t.contains("Default principal:");
    }

    static EvidenceItem windows(String text, String file) {
        List<EvidenceFact> facts = new ArrayList<>();
        Set<String> httpTickets = new LinkedHashSet<>();
        String[] blocks = WIN_TICKET.split(text);
        for (int i = 1; i < blocks.length; i++) {
            String server = "", etype = "", kdc = "", client = "";
            Matcher m = WIN_FIELD.matcher(blocks[i]);
            while (m.find()) {
                String label = m.group(1).strip().toLowerCase(Locale.ROOT);
                String v = m.group(2);
                if (label.equals("server")) {
                    server = v.replaceAll("\\s*@\\s*", "@");
                } else if (label.equals("client")) {
                    client = v.replaceAll("\\s*@\\s*", "@");
                } else if (label.startsWith("kerbticket") && etype.isEmpty()) {
                    etype = v;
                } else if (label.contains("kdc")) {
                    kdc = v;
                }
            }
            ticket(server, etype, facts, httpTickets);
            EventInterpreter.add(facts, EvidenceFact.Type.KDC, kdc);
            EventInterpreter.add(facts, EvidenceFact.Type.CLIENT, client);
        }
        return item(file, EvidenceKind.KLIST_WINDOWS, facts, httpTickets);
    }

    static EvidenceItem mit(String text, String file) {
        List<EvidenceFact> facts = new ArrayList<>();
        Set<String> httpTickets = new LinkedHashSet<>();
        Matcher def = Pattern.compile("Default principal:\\s*(\\S+)").matcher(text);
        if (def.find()) {
            EventInterpreter.add(facts, EvidenceFact.Type.CLIENT, def.group(1));
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MIT_PRINCIPAL.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String principal = m.group(1) != null ? m.group(1) : m.group(2);
            String etype = "";
            for (int j = i + 1; j < Math.min(lines.length, i + 3); j++) {
                Matcher e = MIT_ETYPE.matcher(lines[j]);
                if (e.find()) {
                    etype = e.group(2);
                    break;
                }
            }
            ticket(principal, etype, facts, httpTickets);
        }
        return item(file, EvidenceKind.KLIST_MIT, facts, httpTickets);
    }

    private static void ticket(String principal, String etype, List<EvidenceFact> facts, Set<String> httpTickets) {
        if (principal.isEmpty()) {
            return;
        }
        int n = etype.isEmpty() ? -1 : KerberosNames.etypeNumber(etype);
        String enc = etype.isEmpty() ? "" : " (" + (n < 0 ? etype : KerberosNames.etype(n)) + ")";
        EventInterpreter.add(facts, EvidenceFact.Type.TICKET_HELD, principal + enc);
        String spn = principal.contains("@") ? principal.substring(0, principal.indexOf('@')) : principal;
        String low = spn.toLowerCase(Locale.ROOT);
        if (low.startsWith("http/") || low.startsWith("wsman/")) {
            httpTickets.add(spn);
        }
    }

    private static EvidenceItem item(String file, EvidenceKind kind, List<EvidenceFact> facts, Set<String> http) {
        if (http.size() == 1) {
            facts.add(0, new EvidenceFact(EvidenceFact.Type.REQUESTED_SPN, http.iterator().next()));
        }
        return new EvidenceItem(file, kind, "", facts, List.of());
    }
}
