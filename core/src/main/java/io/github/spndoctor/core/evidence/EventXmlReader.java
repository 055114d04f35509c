package io.github.spndoctor.core.evidence;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams Windows event XML (the event schema of {@code http://schemas.microsoft.com/win/2004/08/events/event}):
 * Event Viewer's "Save Selected Events…" file, or {@code Get-WinEvent | ForEach-Object { $_.ToXml() }} output — one
 * or many {@code <Event>} elements, with or without {@code <Events>} around them (the caller wraps the text in one
 * root element, so several top-level events parse). Hardened: no DTD, no entities, no external access; every value
 * is cut at {@link #MAX_VALUE} characters. Memory is bounded by one event plus the evidence kept (at most
 * {@link #MAX_ITEMS} items), whatever the size of the file.
 */
final class EventXmlReader {
    static final int MAX_VALUE = 16 * 1024;
    static final int MAX_ITEMS = 10_000;
    private static final int MAX_NOT_USED_KINDS = 50;
    private static final XMLInputFactory FACTORY = factory();

    /** What a pass over a file gave: the evidence, a problem (or null), and counts. */
    record Result(List<EvidenceItem> items, String problem, Map<String, Integer> notUsed, int events) {}

    private EventXmlReader() {}

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** Reads UTF-8 bytes (already wrapped in one root element) to their end or to the first error. */
    static Result read(java.io.InputStream in, String file) {
        return read(null, in, file);
    }

    /** Reads {@code in} (already wrapped in one root element) to its end or to its first error. */
    static Result read(Reader in, String file) {
        return read(in, null, file);
    }

    private static Result read(Reader in, java.io.InputStream bytes, String file) {
        List<EvidenceItem> items = new ArrayList<>();
        // events not used, counted by (id, source): the line's text is made once per kind, not once per event
        Map<NotUsedKind, int[]> notUsedCounts = new LinkedHashMap<>();
        int events = 0;
        String problem = null;
        XMLStreamReader x = null;
        try {
            synchronized (FACTORY) {
                x = in != null ? FACTORY.createXMLStreamReader(in) : FACTORY.createXMLStreamReader(bytes, "UTF-8");
            }
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    problem = "it declares a DTD or entities, which event exports never do: refused (possible XML bomb "
                            + "or external entity)";
                    break;
                }
                if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Event")) {
                    events++;
                    EventRecord r = event(x);
                    var item = EventInterpreter.interpret(r, file);
                    if (item.isPresent() && items.size() < MAX_ITEMS) {
                        items.add(item.get());
                    } else if (item.isEmpty()) {
                        NotUsedKind key = new NotUsedKind(r.id(), r.provider());
                        if (!notUsedCounts.containsKey(key) && notUsedCounts.size() >= MAX_NOT_USED_KINDS) {
                            key = OTHER;
                        }
                        notUsedCounts.computeIfAbsent(key, k -> new int[1])[0]++;
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            problem = describe(e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the reader is discarded anyway
                }
            }
        }
        if (problem == null && events == 0) {
            problem = "it has no <Event> element";
        }
        Map<String, Integer> notUsed = new LinkedHashMap<>();
        notUsedCounts.forEach((k, n) -> notUsed.merge(k == OTHER ? "other events"
                : "event " + k.id() + " (" + (k.provider().isEmpty() ? "unknown source" : k.provider()) + ")", n[0], Integer::sum));
        return new Result(items, problem, notUsed, events);
    }

    /** An event ID and its source: how events that are not used are counted. */
    private static final class NotUsedKind {
        final int id;
        final String provider;
        private final int hash;

        NotUsedKind(int id, String provider) {
            this.id = id;
            this.provider = provider;
            this.hash = 31 * id + provider.hashCode();
        }

        int id() { return id; }

        String provider() { return provider; }

        @Override
        public boolean equals(Object o) {
            return o instanceof NotUsedKind k && k.id == id && k.provider.equals(provider);
        }

        @Override
        public int hashCode() { return hash; }
    }

    private static final NotUsedKind OTHER = new NotUsedKind(Integer.MIN_VALUE, "\0other");

    private static String describe(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String low = msg.toLowerCase(Locale.ROOT);
        if (low.contains("entity") || low.contains("doctype") || low.contains("dtd")) {
            return "it uses a DTD or entities, which event exports never do: refused (possible XML bomb or external entity)";
        }
        String where = "";
        if (e instanceof XMLStreamException xe && xe.getLocation() != null) {
            where = " at line " + xe.getLocation().getLineNumber() + ", column " + xe.getLocation().getColumnNumber();
        }
        return "the XML is cut off or malformed" + where + " (the events before it were read)";
    }

    /** Reads from an {@code <Event>} start tag to its end tag. */
    private static EventRecord event(XMLStreamReader x) throws XMLStreamException {
        int id = -1;
        String provider = "", channel = "", computer = "", time = "", record = "", message = "";
        Map<String, String> data = null;        // made only for an event that may be used (its data is read)
        List<String> unnamed = null;
        boolean userData = false;
        MayUse use = new MayUse();
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = x.getLocalName();
                switch (n) {
                    case "Provider" -> {
                        // RenderingInfo repeats <Provider> (as text, without attributes): keep the System one
                        String name = attr(x, "Name");
                        if (provider.isEmpty()) {
                            provider = name.isEmpty() ? attr(x, "EventSourceName") : name;
                        }
                    }
                    case "TimeCreated" -> time = use.test(id, provider) ? attr(x, "SystemTime") : "";
                    case "EventID" -> {
                        int read = number(x);
                        id = id < 0 ? read : id;
                        depth--;
                    }
                    // the rest of System is read for events that may be used only (EventID comes before it)
                    case "EventRecordID", "Channel", "Computer" -> {
                        if (!use.test(id, provider)) {
                            skip(x);
                        } else if (n.equals("EventRecordID")) {
                            record = record.isEmpty() ? text(x) : skip(record, text(x));
                        } else if (n.equals("Channel")) {
                            channel = channel.isEmpty() ? text(x) : skip(channel, text(x));
                        } else {
                            computer = computer.isEmpty() ? text(x) : skip(computer, text(x));
                        }
                        depth--;
                    }
                    case "Message" -> { message = text(x); depth--; }
                    case "UserData", "EventData", "RenderingInfo" -> {
                        if (!use.test(id, provider)) {
                            skip(x);        // an event that is not used: its data is not even turned into strings
                            depth--;
                        } else if (n.equals("UserData")) {
                            userData = true;
                        }
                    }
                    case "Data" -> {
                        String name = attr(x, "Name");
                        String v = text(x);
                        depth--;
                        if (name.isEmpty()) {
                            unnamed = unnamed == null ? new ArrayList<>() : unnamed;
                            if (unnamed.size() < 64) {
                                unnamed.add(v);
                            }
                        } else {
                            data = data == null ? new LinkedHashMap<>() : data;
                            if (data.size() < 128) {
                                data.putIfAbsent(name, v);
                            }
                        }
                    }
                    default -> {
                        if (userData && (data == null || data.size() < 128)) {
                            String v = text(x);
                            depth--;
                            if (!v.isBlank()) {
                                data = data == null ? new LinkedHashMap<>() : data;
                                data.putIfAbsent(n, v);
                            }
                        }
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (x.getLocalName().equals("UserData")) {
                    userData = false;
                }
            } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference");
            }
        }
        return new EventRecord(id, provider, channel, computer, time, record, data == null ? Map.of() : data,
                unnamed == null ? List.of() : unnamed, message);
    }

    /** {@link EventInterpreter#mayUse}, asked again only when the event's ID or source changed since. */
    private static final class MayUse {
        private int id = Integer.MIN_VALUE;
        private String provider;
        private boolean value;

        boolean test(int eventId, String eventProvider) {
            if (eventId != id || !eventProvider.equals(provider)) {
                id = eventId;
                provider = eventProvider;
                value = EventInterpreter.mayUse(eventId, eventProvider);
            }
            return value;
        }
    }

    /** Text of the current element up to its end tag (child elements' text included), cut at {@link #MAX_VALUE}. */
    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (b.length() < MAX_VALUE) {
                        int room = MAX_VALUE - b.length();
                        b.append(x.getTextCharacters(), x.getTextStart(), Math.min(room, x.getTextLength()));
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw new XMLStreamException("entity reference");
                default -> { }
            }
        }
        return b.toString().strip();
    }

    /** Reads past the current element, building nothing. */
    private static void skip(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE || ev == XMLStreamConstants.DTD) {
                throw new XMLStreamException("entity reference");
            }
        }
    }

    /** Keeps {@code kept}; the element's text has been read past. */
    private static <T> T skip(T kept, String ignored) {
        return kept;
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null ? "" : v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v;
    }

    /** The element's text as a number (an EventID), read from the parser's characters without making a string. */
    private static int number(XMLStreamReader x) throws XMLStreamException {
        long v = 0;
        int digits = 0;
        boolean bad = false;
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> { depth++; bad = true; }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    char[] c = x.getTextCharacters();
                    for (int i = x.getTextStart(), end = i + x.getTextLength(); i < end; i++) {
                        char ch = c[i];
                        if (ch >= '0' && ch <= '9' && digits < 10) {
                            v = v * 10 + (ch - '0');
                            digits++;
                        } else if (!Character.isWhitespace(ch)) {
                            bad = true;
                        }
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw new XMLStreamException("entity reference");
                default -> { }
            }
        }
        return bad || digits == 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
