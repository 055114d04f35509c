package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.text.Redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one entry point for evidence: files (event XML of any size, streamed; event text, klist output or a token up to
 * {@link #MAX_TEXT_BYTES}) and pasted text. Recognises the form by content, not by file name. Never throws: what cannot
 * be read becomes one plain line in {@link EvidenceSet#problems()} and everything else is kept. Stateless.
 */
public final class EvidenceReader {
    /** Largest non-XML evidence file read whole. */
    public static final long MAX_TEXT_BYTES = 10L * 1024 * 1024;
    private static final int HEAD = 8192;
    private static final String HOW_TO_EXPORT = "In Event Viewer select the events, then Save Selected Events… as XML "
            + "(*.xml), or run: Get-WinEvent -Path FILE | ForEach-Object { $_.ToXml() } > events.xml";

    private EvidenceReader() {}

    /** Reads every file in order. */
    public static EvidenceSet readFiles(List<Path> files) {
        EvidenceSet out = EvidenceSet.EMPTY;
        for (Path p : files) {
            out = out.plus(readFile(p));
        }
        return out;
    }

    /** Reads one file; its name (without directories) labels what it gives. */
    public static EvidenceSet readFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        name = Redaction.redact(name);
        try {
            if (!Files.isRegularFile(file)) {
                return problem(name + ": not found or not a file.");
            }
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEAD);
            }
            if (head.length == 0) {
                return problem(name + ": the file is empty.");
            }
            if (startsWith(head, "ElfFile\0".getBytes(StandardCharsets.US_ASCII))) {
                return problem(name + " is a binary event log (.evtx): SPN Doctor reads the XML export. "
                        + HOW_TO_EXPORT.replace("FILE", name));
            }
            Charset cs = charset(head);
            String headText = new String(head, cs);
            if (binary(headText)) {
                return problem(name + ": not text (binary data). SPN Doctor reads event XML, an event's text, klist "
                        + "output and Negotiate tokens.");
            }
            if (declaresDtd(headText)) {
                return problem(name + ": " + DTD_REFUSED);
            }
            if (looksXml(headText)) {
                try (InputStream in = Files.newInputStream(file)) {
                    int start = cs == StandardCharsets.UTF_8 ? utf8BodyStart(head) : -1;
                    if (start >= 0) {   // UTF-8 (the large exports): the parser decodes the bytes itself
                        in.skipNBytes(start);
                        return xml(new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new java.io.ByteArrayInputStream(ROOT_OPEN), in, new java.io.ByteArrayInputStream(ROOT_CLOSE)))),
                                name);
                    }
                    return xml(new InputStreamReader(skipBom(in, head), cs), name, EvidenceKind.EVENT_XML);
                }
            }
            if (size > MAX_TEXT_BYTES) {
                return problem(String.format(Locale.ROOT, "%s: %,d MB of text is more than SPN Doctor reads as klist "
                        + "or event text (%,d MB); export the events as XML instead, which is read at any size.",
                        name, size >> 20, MAX_TEXT_BYTES >> 20));
            }
            String text = new String(Files.readAllBytes(file), cs);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return readText(text, name);
        } catch (IOException | RuntimeException e) {
            return problem(name + ": could not be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** Reads pasted text ({@code label} names it, e.g. "pasted text"). */
    public static EvidenceSet readText(String text, String label) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return problem(label + ": nothing to read.");
        }
        if (t.length() > MAX_TEXT_BYTES) {
            return problem(String.format(Locale.ROOT, "%s: %,d characters is more than SPN Doctor reads from a paste "
                    + "(%,d); save the events as an XML file and open it instead.", label, t.length(), MAX_TEXT_BYTES));
        }
        if (binary(t.substring(0, Math.min(t.length(), HEAD)))) {
            return problem(label + ": not text (binary data).");
        }
        if (declaresDtd(t.substring(0, Math.min(t.length(), HEAD)))) {
            return problem(label + ": " + DTD_REFUSED);
        }
        int xmlAt = t.indexOf("<Event");
        if (xmlAt >= 0) {
            boolean textForm = EventTextReader.looksLike(t.substring(0, xmlAt));
            int start = t.startsWith("<?xml") ? 0 : xmlAt;
            return xml(new StringReader(t.substring(start)), label, textForm ? EvidenceKind.EVENT_TEXT : EvidenceKind.EVENT_XML);
        }
        if (EventTextReader.looksLike(t)) {
            return events(EventTextReader.read(t), label);
        }
        if (KlistReader.looksWindows(t)) {
            return one(KlistReader.windows(t, label));
        }
        if (KlistReader.looksMit(t)) {
            return one(KlistReader.mit(t, label));
        }
        if (NegotiateDecoder.looksLikeToken(t)) {
            return tokens(t, label);
        }
        return problem(label + ": not recognised as evidence (expected event XML, an event's text, klist output or a "
                + "Negotiate header).");
    }

    private static final byte[] ROOT_OPEN = "<spn-doctor-evidence>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROOT_CLOSE = "</spn-doctor-evidence>".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where a UTF-8 file's XML starts after its byte-order mark, white space and {@code <?xml …?>} declaration (the
     * byte twin of {@link PrologSkipper}); -1 when the head does not show it (the character path is used then).
     */
    static int utf8BodyStart(byte[] head) {
        int at = startsWith(head, new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
        while (at < head.length && (head[at] == ' ' || head[at] == '\t' || head[at] == '\r' || head[at] == '\n')) {
            at++;
        }
        if (at + 5 <= head.length && new String(head, at, 5, StandardCharsets.US_ASCII).equals("<?xml")) {
            for (int i = at + 5; i + 1 < head.length && i < at + 512; i++) {
                if (head[i] == '?' && head[i + 1] == '>') {
                    return i + 2;
                }
                if (head[i] == '>') {
                    return -1;
                }
            }
            return -1;
        }
        return at < head.length && head[at] == '<' ? at : -1;
    }

    /** UTF-8 bytes already wrapped in the root element: the parser's own decoder reads them. */
    private static EvidenceSet xml(InputStream wrapped, String name) {
        return result(EventXmlReader.read(wrapped, name), name, EvidenceKind.EVENT_XML);
    }

    private static EvidenceSet xml(Reader body, String name, EvidenceKind kind) {
        // one root around everything: several top-level <Event> elements (Get-WinEvent ToXml) then parse too, and a
        // DOCTYPE can never take effect (it is illegal inside an element)
        Reader wrapped = new SequenceReader(new StringReader("<spn-doctor-evidence>"), new PrologSkipper(body),
                new StringReader("</spn-doctor-evidence>"));
        return result(EventXmlReader.read(wrapped, name), name, kind);
    }

    private static EvidenceSet result(EventXmlReader.Result r, String name, EvidenceKind kind) {
        List<EvidenceItem> items = r.items();
        if (kind != EvidenceKind.EVENT_XML) {
            items = items.stream().map(i -> new EvidenceItem(i.file(), kind, i.where(), i.facts(), i.errors())).toList();
        }
        List<String> notUsed = new ArrayList<>();
        for (Map.Entry<String, Integer> e : r.notUsed().entrySet()) {
            notUsed.add(name + ": " + (e.getValue() == 1 ? "" : e.getValue() + " × ") + e.getKey());
        }
        List<String> problems = r.problem() == null ? List.of() : List.of(name + ": " + r.problem() + ".");
        if (r.items().size() >= EventXmlReader.MAX_ITEMS) {
            problems = new ArrayList<>(problems);
            problems.add(String.format(Locale.ROOT, "%s: only the first %,d events with evidence were kept.", name,
                    EventXmlReader.MAX_ITEMS));
        }
        return new EvidenceSet(items, problems, notUsed);
    }

    private static EvidenceSet events(List<EventRecord> records, String label) {
        List<EvidenceItem> items = new ArrayList<>();
        List<String> notUsed = new ArrayList<>();
        for (EventRecord r : records) {
            EventInterpreter.interpret(r, label).ifPresentOrElse(
                    i -> items.add(new EvidenceItem(i.file(), EvidenceKind.EVENT_TEXT, i.where(), i.facts(), i.errors())),
                    () -> notUsed.add(label + ": event " + r.id() + " (" + r.provider() + ")"));
        }
        return new EvidenceSet(items, List.of(), notUsed);
    }

    private static EvidenceSet tokens(String text, String label) {
        List<String> b64 = NegotiateDecoder.headerTokens(text);
        if (b64.isEmpty()) {
            b64 = List.of(text);
        }
        List<EvidenceItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < b64.size(); i++) {
            String where = b64.size() == 1 ? "" : "token " + (i + 1);
            try {
                items.add(TokenEvidence.item(NegotiateDecoder.decode(b64.get(i)), label, where));
            } catch (EvidenceFormatException e) {
                problems.add(label + (where.isEmpty() ? "" : ", " + where) + ": " + e.getMessage());
            }
        }
        return new EvidenceSet(items, problems, List.of());
    }

    private static EvidenceSet one(EvidenceItem item) {
        return new EvidenceSet(List.of(item), List.of(), List.of());
    }

    private static EvidenceSet problem(String line) {
        return new EvidenceSet(List.of(), List.of(line), List.of());
    }

    private static final String DTD_REFUSED = "it declares a DTD or entities, which event exports never do: refused "
            + "(a possible XML bomb or external entity; nothing was fetched).";

    private static boolean declaresDtd(String head) {
        return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
    }

    private static boolean looksXml(String head) {
        String t = head.stripLeading();
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1).stripLeading();
        }
        return t.startsWith("<") && (t.contains("<Event") || t.startsWith("<?xml") || t.startsWith("<!DOCTYPE"));
    }

    static Charset charset(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    private static InputStream skipBom(InputStream in, byte[] head) throws IOException {
        int bom = startsWith(head, new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3
                : head.length >= 2 && ((head[0] & 0xff) == 0xff || (head[0] & 0xff) == 0xfe)
                && ((head[1] & 0xff) == 0xfe || (head[1] & 0xff) == 0xff) ? 2 : 0;
        in.skipNBytes(bom);
        return in;
    }

    /** More than 1 % control characters (other than tab and line ends) or undecodable bytes: not text. */
    static boolean binary(String head) {
        int bad = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                bad++;
            }
        }
        return bad > head.length() / 100;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
