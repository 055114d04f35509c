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

    /** Reads {@code in} (already wrapped in one root element) to its end or to its first error. */
    static Result read(Reader in, String file) {
        List<EvidenceItem> items = new ArrayList<>();
        Map<String, Integer> notUsed = new LinkedHashMap<>();
        int events = 0;
        String problem = null;
        XMLStreamReader x = null;
        try {
            synchronized (FACTORY) {
                x = FACTORY.createXMLStreamReader(in);
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
                        String key = "event " + r.id() + " (" + (r.provider().isEmpty() ? "unknown source" : r.provider()) + ")";
                        if (notUsed.containsKey(key) || notUsed.size() < MAX_NOT_USED_KINDS) {
                            notUsed.merge(key, 1, Integer::sum);
                        } else {
                            notUsed.merge("other events", 1, Integer::sum);
                        }
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
        return new Result(items, problem, notUsed, events);
    }

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
        Map<String, String> data = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        boolean userData = false;
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
                    case "TimeCreated" -> time = EventInterpreter.mayUse(id, provider) ? attr(x, "SystemTime") : "";
                    case "EventID" -> { id = id < 0 ? number(text(x)) : skip(id, text(x)); depth--; }
                    // the rest of System is read for events that may be used only (EventID comes before it)
                    case "EventRecordID", "Channel", "Computer" -> {
                        if (!EventInterpreter.mayUse(id, provider)) {
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
                        if (!EventInterpreter.mayUse(id, provider)) {
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
                            if (unnamed.size() < 64) {
                                unnamed.add(v);
                            }
                        } else if (data.size() < 128) {
                            data.putIfAbsent(name, v);
                        }
                    }
                    default -> {
                        if (userData && data.size() < 128) {
                            String v = text(x);
                            depth--;
                            if (!v.isBlank()) {
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
        return new EventRecord(id, provider, channel, computer, time, record, data, unnamed, message);
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

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
