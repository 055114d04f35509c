package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A forest scan as a table — one row per finding: what is wrong, the conflicting SPN, who holds it, which hosts it
 * affects, the cause — and that table as CSV or HTML. The wizard's scan window shows and exports these rows; the
 * CLI can print the same. Pure functions; no I/O.
 */
public final class ScanTable {
    /** The column titles, in order. */
    public static final List<String> COLUMNS = List.of("Finding", "SPN", "Holders", "Hosts affected", "Cause", "Cause id");

    /** One finding as a table row. Immutable. */
    public record Row(String finding, String spn, String holders, String hosts, String cause, String causeId,
                      List<String> hostNames) {
        public Row {
            hostNames = List.copyOf(hostNames);
        }

        /** The cells in {@link #COLUMNS} order. */
        public List<String> cells() { return List.of(finding, spn, holders, hosts, cause, causeId); }
    }

    private ScanTable() {}

    /** One row per finding, in the report's order. */
    public static List<Row> rows(ScanReport report) {
        List<Row> rows = new ArrayList<>();
        for (ScanFinding f : report.findings()) {
            Set<String> hosts = new LinkedHashSet<>();
            for (String s : f.spns()) {
                try {
                    hosts.add(Spn.parse(s).host().toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // a malformed value stored in the directory: it still shows as the SPN, it names no host
                }
            }
            List<String> holders = f.accounts().stream().map(AccountRef::label).toList();
            rows.add(new Row(f.summary(), f.spns().isEmpty() ? "" : f.spns().get(0), String.join(", ", holders),
                    String.join(", ", hosts), CauseCatalog.info(f.cause()).title(), f.cause().id(), new ArrayList<>(hosts)));
        }
        return rows;
    }

    /** RFC 4180 CSV with a header line; fields quoted when they hold a comma, quote or line break. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, COLUMNS);
        for (Row r : rows) {
            line(sb, r.cells());
        }
        return sb.toString();
    }

    /** A self-contained HTML page with one table; every value escaped. */
    public static String html(List<Row> rows, String title) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                        + "th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}</style></head>\n<body>\n<h1>")
                .append(esc(title)).append("</h1>\n<table>\n<tr>");
        for (String c : COLUMNS) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (Row r : rows) {
            sb.append("<tr>");
            for (String c : r.cells()) {
                sb.append("<td>").append(esc(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n<p>").append(rows.size()).append(rows.size() == 1 ? " finding" : " findings")
                .append("</p>\n</body></html>\n").toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            // a leading =, +, - or @ would make a spreadsheet run the cell as a formula: quote it with a leading '
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            sb.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        sb.append("\r\n");
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
