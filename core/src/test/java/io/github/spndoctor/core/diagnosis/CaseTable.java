package io.github.spndoctor.core.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The diagnosis case table: one file per case under {@code src/test/resources/diagnosis-cases/}, with a header
 * ({@code # expect: <cause id>}, optional {@code # top3: <cause id>}, {@code # source: ...}), a line {@code ---},
 * then the pasted text.
 */
record CaseTable(String name, CauseId expect, Optional<CauseId> top3, String source, String text) {
    static List<CaseTable> load() {
        try {
            Path dir = Path.of(CaseTable.class.getResource("/diagnosis-cases").toURI());
            List<CaseTable> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    out.add(parse(p.getFileName().toString().replace(".txt", ""), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseTable parse(String name, String content) {
        int sep = content.indexOf("\n---\n");
        if (sep < 0) {
            throw new IllegalArgumentException(name + ": no '---' line between header and text");
        }
        CauseId expect = null;
        CauseId top3 = null;
        String source = "";
        for (String line : content.substring(0, sep).split("\n")) {
            if (line.startsWith("# expect: ")) {
                expect = CauseId.fromId(line.substring(10).strip());
            } else if (line.startsWith("# top3: ")) {
                top3 = CauseId.fromId(line.substring(8).strip());
            } else if (line.startsWith("# source: ")) {
                source = line.substring(10).strip();
            }
        }
        if (expect == null) {
            throw new IllegalArgumentException(name + ": no '# expect:' line");
        }
        return new CaseTable(name, expect, Optional.ofNullable(top3), source, content.substring(sep + 5));
    }

    @Override
    public String toString() { return name + " → " + expect.id(); }
}
