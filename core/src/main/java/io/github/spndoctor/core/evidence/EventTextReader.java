package io.github.spndoctor.core.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text Event Viewer's "Copy → Copy details as text" gives (labels in English or German): the header lines
 * (Log Name, Source, Event ID, Computer, …) and the description, whose "Label: value" lines (Service Name, Failure
 * Code, …) become the named values the XML would carry. Several events in one text are split at "Log Name:".
 */
final class EventTextReader {
    private static final Map<String, String> HEADER = Map.ofEntries(
            Map.entry("log name", "channel"), Map.entry("protokollname", "channel"),
            Map.entry("source", "provider"), Map.entry("quelle", "provider"),
            Map.entry("date", "time"), Map.entry("datum", "time"),
            Map.entry("event id", "id"), Map.entry("ereignis-id", "id"),
            Map.entry("computer", "computer"),
            Map.entry("description", "description"), Map.entry("beschreibung", "description"));
    /** Description labels (English, German) → the EventData name of the same value. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("service name", "ServiceName"), Map.entry("dienstname", "ServiceName"),
            Map.entry("failure code", "Status"), Map.entry("fehlercode", "Status"),
            Map.entry("ticket encryption type", "TicketEncryptionType"),
            Map.entry("ticketverschlüsselungstyp", "TicketEncryptionType"),
            Map.entry("client address", "IpAddress"), Map.entry("clientadresse", "IpAddress"),
            Map.entry("account name", "TargetUserName"), Map.entry("kontoname", "TargetUserName"),
            Map.entry("account domain", "TargetDomainName"), Map.entry("kontodomäne", "TargetDomainName"),
            Map.entry("target name", "TargetName"), Map.entry("zielname", "TargetName"),
            Map.entry("server name", "ServerName"), Map.entry("servername", "ServerName"),
            Map.entry("error code", "ErrorCode"));
    private static final Pattern START = Pattern.compile("(?im)^\\s*(?:log name|protokollname)\\s*:");
    private static final Pattern ID = Pattern.compile("(?im)^\\s*(?:event id|ereignis-id)\\s*:\\s*\\d+");
    private static final Pattern LINE = Pattern.compile("^\\s*([\\p{L}][\\p{L} -]{1,40}?)\\s*:\\s*(.*)$");

    private EventTextReader() {}

    static boolean looksLike(String text) {
        return ID.matcher(text).find();
    }

    static List<EventRecord> read(String text) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = START.matcher(text);
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.isEmpty()) {
            starts.add(0);
        }
        List<EventRecord> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            out.add(one(text.substring(starts.get(i), end)));
        }
        return out;
    }

    private static EventRecord one(String block) {
        Map<String, String> head = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        StringBuilder description = new StringBuilder();
        boolean inDescription = false;
        for (String line : block.split("\\R")) {
            if (line.strip().toLowerCase(Locale.ROOT).startsWith("event xml:")) {
                break;
            }
            Matcher lm = LINE.matcher(line);
            if (!inDescription && lm.matches()) {
                String key = HEADER.get(lm.group(1).strip().toLowerCase(Locale.ROOT));
                if (key != null) {
                    if (key.equals("description")) {
                        inDescription = true;
                        description.append(lm.group(2)).append('\n');
                    } else {
                        head.putIfAbsent(key, lm.group(2).strip());
                    }
                    continue;
                }
            }
            if (inDescription) {
                if (description.length() < EventXmlReader.MAX_VALUE) {
                    description.append(line).append('\n');
                }
                if (lm.matches()) {
                    String field = FIELDS.get(lm.group(1).strip().toLowerCase(Locale.ROOT));
                    if (field != null && !lm.group(2).isBlank()) {
                        data.putIfAbsent(field, lm.group(2).strip());
                    }
                }
            }
        }
        int id;
        try {
            id = Integer.parseInt(head.getOrDefault("id", "-1").replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            id = -1;
        }
        String provider = head.getOrDefault("provider", "");
        String channel = head.getOrDefault("channel", "");
        if (channel.equalsIgnoreCase("Sicherheit")) {
            channel = "Security";
        }
        if (provider.equalsIgnoreCase("Microsoft Windows security auditing.")) {
            provider = "Microsoft-Windows-Security-Auditing";
        }
        return new EventRecord(id, provider, channel, head.getOrDefault("computer", ""), head.getOrDefault("time", ""),
                "", data, List.of(), description.toString());
    }
}
