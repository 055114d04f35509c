package io.github.spndoctor.core.evidence;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark harness for docs/benchmarks/evidence.md (not a test):
 * {@code generate FILE EVENTS SEED} writes a seeded event XML export;
 * {@code stax FILE} is the yardstick: a plain StAX pass over the file (every event, no DOM, nothing kept);
 * {@code evidence FILE} reads it with {@link EvidenceReader#readFile}. Each prints its time and the peak heap
 * after the run (sum of the heap pools' peak usage). A third argument N repeats the pass N times in one process.
 */
public final class EvidenceBench {
    private EvidenceBench() {}

    public static void main(String[] args) throws Exception {
        // "evidence FILE 4" / "stax FILE 4": the same pass four times in one process, so start-up and JIT weigh less
        int times = !args[0].equals("generate") && args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int i = 1; i < times; i++) {
            run(args);
        }
        run(args);
    }

    private static void run(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        String result;
        switch (args[0]) {
            case "generate" -> {
                EventXmlGenerator g = new EventXmlGenerator(Long.parseLong(args[3]));
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    g.write(w, Integer.parseInt(args[2]), true, 20);
                }
                result = Files.size(file) + " bytes, " + g.used + " used events";
            }
            case "stax" -> {
                XMLInputFactory f = XMLInputFactory.newFactory();
                f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                int events = 0;
                try (InputStream in = Files.newInputStream(file)) {
                    XMLStreamReader x = f.createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamReader.START_ELEMENT && x.getLocalName().equals("Event")) {
                            events++;
                        }
                    }
                    x.close();
                }
                result = events + " events";
            }
            case "stax-reader" -> {
                // the yardstick's pass over the evidence reader's character pipeline (decoder, wrapper, prolog skip)
                XMLInputFactory f = EventXmlReader.factory();
                int events = 0;
                try (java.io.Reader in = new SequenceReader(new java.io.StringReader("<r>"), new PrologSkipper(
                        new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)),
                        new java.io.StringReader("</r>"))) {
                    XMLStreamReader x = f.createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamReader.START_ELEMENT && x.getLocalName().equals("Event")) {
                            events++;
                        }
                    }
                    x.close();
                }
                result = events + " events";
            }
            case "evidence" -> {
                EvidenceSet s = EvidenceReader.readFile(file);
                result = s.items().size() + " items, " + s.notUsedCount() + " not used, problems " + s.problems();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s %s: %d ms, heap peak %d MiB (max %d MiB) — %s%n", args[0], file.getFileName(), ms,
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20, result);
    }
}
