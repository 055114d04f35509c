package io.github.spndoctor.core.scan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanTableTest {
    private static ScanTable.Row row(String finding, String spn) {
        return new ScanTable.Row(finding, spn, "svc$", "web01", "A cause", "duplicate-spn", List.of("web01"));
    }

    @Test
    void csv_quotesCommasQuotesAndBreaks_andDefusesFormulas() {
        String csv = ScanTable.csv(List.of(row("a, \"b\"\nc", "=HYPERLINK(\"x\")")));
        String[] lines = csv.split("\r\n", 2);
        assertEquals("Finding,SPN,Holders,Hosts affected,Cause,Cause id", lines[0]);
        assertTrue(lines[1].startsWith("\"a, \"\"b\"\"\nc\",\"'=HYPERLINK(\"\"x\"\")\",svc$,web01,A cause,duplicate-spn"), lines[1]);
    }

    /** Seeded generator: any text survives a CSV round trip through a minimal RFC 4180 reader. */
    @Test
    void csv_roundTripsArbitraryText() {
        Random rnd = new Random(4711);
        String alphabet = "ab,\"\n\r x=+-@<>&'";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = rnd.nextInt(12); n > 0; n--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            List<String> cells = read(ScanTable.csv(List.of(row(text, "HTTP/x"))).split("\r\n", 2)[1]);
            String expected = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
            assertEquals(expected, cells.get(0), "seed 4711, case " + i);
            assertEquals(6, cells.size());
        }
    }

    @Test
    void html_escapesEveryValue() {
        String html = ScanTable.html(List.of(row("<script>alert('x')</script>", "HTTP/a&b")), "Scan <1>");
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("<td>HTTP/a&amp;b</td>"));
        assertTrue(html.contains("<title>Scan &lt;1&gt;</title>"));
        assertTrue(html.contains("1 finding</p>"));
    }

    private static List<String> read(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < line.length() && line.charAt(i + 1) == '\n') {
                break;
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
