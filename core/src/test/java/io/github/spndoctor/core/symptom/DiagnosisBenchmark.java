package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.diagnosis.Diagnoser;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures parse + diagnose time per input, for ordinary pastes and adversarial texts (docs/benchmarks/diagnosis.md).
 * Not a test: run {@code ./mvnw -q -o -pl core test-compile} then
 * {@code java -cp core/target/classes:core/target/test-classes io.github.spndoctor.core.symptom.DiagnosisBenchmark}.
 */
public final class DiagnosisBenchmark {
    /** Small inputs run often enough for the JIT to settle; large ones a few times. */
    private static int warmup(int chars) { return chars < 100_000 ? 50 : 3; }

    private static int runs(int chars) { return chars < 100_000 ? 51 : 7; }

    private DiagnosisBenchmark() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        Map<String, String> inputs = new LinkedHashMap<>();
        Path cases = Path.of(DiagnosisBenchmark.class.getResource("/diagnosis-cases").toURI());
        StringBuilder all = new StringBuilder();
        int n = 0;
        try (Stream<Path> files = Files.list(cases)) {
            for (Path p : files.sorted().toList()) {
                all.append(Files.readString(p)).append('\n');
                n++;
            }
        }
        inputs.put("Server Manager error (0.4 KB)", CommonSymptom.SERVER_MANAGER_REFRESH.text());
        inputs.put("case table, all " + n + " cases joined (" + all.length() / 1024 + " KB)", all.toString());
        Random r = new Random(42);
        inputs.put("10 MB of error fragments", fragments(r, 10 * 1024 * 1024));
        inputs.put("0x80090322 repeated 1,000,000 times", "0x80090322 ".repeat(1_000_000));
        char[] noise = new char[1024 * 1024];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (char) r.nextInt(0x10000);
        }
        inputs.put("1 M chars of binary noise", new String(noise));
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < 1024 * 1024) {
            mixed.appendCodePoint(new int[]{0x0416, 0x0634, 0x30AB, 0x4E2D, 0x05D0, 0x1F600}[r.nextInt(6)]);
            if (r.nextInt(8) == 0) {
                mixed.append(' ');
            }
        }
        inputs.put("1 M chars of mixed scripts", mixed.toString());
        inputs.put("10 M 'a'", "a".repeat(10 * 1024 * 1024));
        inputs.put("'works with ' x 1,000,000", "works with ".repeat(1_000_000));
        inputs.put("'Enter-PSSession ' x 500,000", "Enter-PSSession ".repeat(500_000));
        inputs.put("'not no ' x 1,000,000 (negation words)", "not no ".repeat(1_000_000));
        inputs.put("'there is no IIS, it does not work by IP ' x 250,000", "there is no IIS, it does not work by IP ".repeat(250_000));

        System.out.printf(Locale.ROOT, "%-48s %12s %10s %10s %10s%n", "input", "chars", "median ms", "max ms", "truncated");
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            int warm = warmup(e.getValue().length());
            int runs = runs(e.getValue().length());
            double[] ms = new double[runs];
            boolean truncated = false;
            for (int i = 0; i < warm + runs; i++) {
                long t0 = System.nanoTime();
                Symptom s = SymptomParser.parse(e.getValue());
                Diagnoser.diagnose(s, Optional.empty());
                double t = (System.nanoTime() - t0) / 1e6;
                if (i >= warm) {
                    ms[i - warm] = t;
                }
                truncated = s.truncated();
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-48s %12d %10.1f %10.1f %10s%n", e.getKey(), e.getValue().length(), ms[runs / 2],
                    ms[runs - 1], truncated);
        }
    }

    private static String fragments(Random r, int size) {
        List<String> f = new ArrayList<>(List.of("0x80090322", "An unknown security error occurred", "Enter-PSSession",
                "-ComputerName web01", "HTTP/web01.contoso.com", "TrustedHosts", "\n", "IIS app pool", "works with the FQDN",
                "Access is denied", "Cannot find the computer DC02.", "日本語", "кириллица", "\\n"));
        StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            sb.append(f.get(r.nextInt(f.size()))).append(' ');
        }
        return sb.toString();
    }
}
