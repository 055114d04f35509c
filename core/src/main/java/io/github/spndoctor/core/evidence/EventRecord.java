package io.github.spndoctor.core.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Windows event as read from its XML or its text form, before interpretation. Values are raw (not yet redacted).
 *
 * @param id       the event ID
 * @param provider the provider name ("Microsoft-Windows-Security-Kerberos"), or the text form's "Source"
 * @param channel  the log ("System", "Security", "Microsoft-Windows-WinRM/Operational"), may be empty
 * @param computer the computer that logged it, may be empty
 * @param time     the time as written, may be empty
 * @param record   the event record id, may be empty
 * @param data     named EventData values (Name → value), in document order
 * @param unnamed  EventData values without a name, in order (older events: %1, %2, …)
 * @param message  the rendered message, if the export has one (RenderingInfo or the text form's description)
 */
record EventRecord(int id, String provider, String channel, String computer, String time, String record,
                   Map<String, String> data, List<String> unnamed, String message) {
    /** The named value, case-insensitive on the name, or "". */
    String get(String name) {
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().strip();
            }
        }
        return "";
    }

    /** "event 4 (System, Microsoft-Windows-Security-Kerberos), record 812, 2026-12-01T09:14:03Z". */
    String where() {
        StringBuilder b = new StringBuilder("event ").append(id).append(" (");
        if (!channel.isEmpty()) {
            b.append(channel).append(", ");
        }
        b.append(provider.isEmpty() ? "unknown source" : provider).append(')');
        if (!record.isEmpty()) {
            b.append(", record ").append(record);
        }
        if (!time.isEmpty()) {
            b.append(", ").append(time);
        }
        return b.toString();
    }

    /** Every value and the message, one per line: for reading codes and names out of free text. */
    String allText() {
        StringBuilder b = new StringBuilder();
        data.values().forEach(v -> b.append(v).append('\n'));
        unnamed.forEach(v -> b.append(v).append('\n'));
        return b.append(message).toString();
    }
}
