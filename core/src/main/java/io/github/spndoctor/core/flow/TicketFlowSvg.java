package io.github.spndoctor.core.flow;

import io.github.spndoctor.core.text.Markup;

import java.util.Locale;

/**
 * The ticket flow as a standalone SVG document (for the HTML report, the wizard's "Save as SVG", the CLI): the same
 * {@link FlowLayout} the wizard draws. Every status is a sign and a word as well as a colour, a failing step is also
 * dashed, and the outline is in {@code <title>}/{@code <desc>} for screen readers. All text is escaped; no scripts,
 * no external resources. Pure.
 */
public final class TicketFlowSvg {
    static final String FG = "#1f2328";
    static final String MUTED = "#59636e";
    static final String BG = "#ffffff";
    static final String GOOD = "#1a7f37";
    static final String BAD = "#cf222e";
    static final String BORDER = "#8c959f";

    private TicketFlowSvg() {}

    /** The whole SVG document, with an XML declaration. */
    public static String document(TicketFlow flow) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(flow);
    }

    /** The {@code <svg>} element alone, to embed in HTML. */
    public static String element(TicketFlow flow) {
        FlowLayout l = FlowLayout.of(flow);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(l.width())).append("\" height=\"")
                .append(num(l.height())).append("\" viewBox=\"0 0 ").append(num(l.width())).append(' ').append(num(l.height()))
                .append("\" role=\"img\" aria-labelledby=\"flow-title flow-desc\" font-family=\"DejaVu Sans, Segoe UI, Arial, sans-serif\">\n");
        sb.append("<title id=\"flow-title\">How the Kerberos ticket travels: ").append(esc(flow.verdict().words())).append("</title>\n");
        sb.append("<desc id=\"flow-desc\">").append(esc(flow.outline())).append("</desc>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(num(l.width())).append("\" height=\"").append(num(l.height()))
                .append("\" fill=\"").append(BG).append("\"/>\n");
        for (FlowLayout.Box b : l.boxes()) {
            box(sb, b);
        }
        for (FlowLayout.Arrow a : l.arrows()) {
            arrow(sb, a);
        }
        for (FlowLayout.StepText s : l.steps()) {
            String colour = s.good() ? FG : BAD;
            double y = s.y();
            sb.append("<text x=\"").append(num(FlowLayout.MARGIN)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                    .append(num(FlowLayout.FONT)).append("\" font-weight=\"bold\" fill=\"").append(colour).append("\">")
                    .append(esc(s.number())).append(".</text>\n");
            for (String line : s.lines()) {
                sb.append("<text x=\"").append(num(FlowLayout.MARGIN + 28)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                        .append(num(FlowLayout.FONT)).append("\" fill=\"").append(colour).append("\">").append(esc(line)).append("</text>\n");
                y += FlowLayout.LINE;
            }
        }
        FlowLayout.Mark v = l.verdict();
        sb.append("<text x=\"").append(num(FlowLayout.MARGIN)).append("\" y=\"").append(num(l.verdictY())).append("\" font-size=\"")
                .append(num(FlowLayout.FONT + 2)).append("\" font-weight=\"bold\" fill=\"").append(v.good() ? GOOD : BAD)
                .append("\">").append(esc("Outcome: " + v.text())).append("</text>\n");
        return sb.append("</svg>\n").toString();
    }

    private static void box(StringBuilder sb, FlowLayout.Box b) {
        boolean bad = b.mark() != null && !b.mark().good();
        boolean good = b.mark() != null && b.mark().good();
        sb.append("<g class=\"node node-").append(b.role().name().toLowerCase(Locale.ROOT)).append("\">");
        sb.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"").append(num(b.w()))
                .append("\" height=\"").append(num(b.h())).append("\" rx=\"6\" fill=\"").append(BG).append("\" stroke=\"")
                .append(bad ? BAD : good ? GOOD : BORDER).append("\" stroke-width=\"").append(bad || good ? "2.5" : "1.5").append("\"/>");
        double y = b.y() + FlowLayout.PAD + FlowLayout.FONT;
        for (String t : b.title()) {
            sb.append(text(b.x() + FlowLayout.PAD, y, FlowLayout.FONT, FG, true, t));
            y += FlowLayout.LINE;
        }
        for (String d : b.detail()) {
            sb.append(text(b.x() + FlowLayout.PAD, y, FlowLayout.SMALL, MUTED, false, d));
            y += FlowLayout.LINE;
        }
        for (String m : b.markLines()) {
            sb.append(text(b.x() + FlowLayout.PAD, y, FlowLayout.FONT, b.mark().good() ? GOOD : BAD, true, m));
            y += FlowLayout.LINE;
        }
        sb.append("</g>\n");
    }

    private static void arrow(StringBuilder sb, FlowLayout.Arrow a) {
        StringBuilder pts = new StringBuilder();
        for (double[] p : a.points()) {
            pts.append(pts.length() == 0 ? "" : " ").append(num(p[0])).append(',').append(num(p[1]));
        }
        String colour = a.good() ? FG : BAD;
        sb.append("<g class=\"step\"><polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\"").append(a.good() ? "" : " stroke-dasharray=\"6 4\"").append("/>");
        double[] h = a.head();
        sb.append("<polygon points=\"").append(num(h[0])).append(',').append(num(h[1])).append(' ').append(num(h[2])).append(',')
                .append(num(h[3])).append(' ').append(num(h[4])).append(',').append(num(h[5])).append("\" fill=\"").append(colour).append("\"/>");
        sb.append("<circle cx=\"").append(num(a.nx())).append("\" cy=\"").append(num(a.ny())).append("\" r=\"9\" fill=\"").append(BG)
                .append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
        sb.append("<text x=\"").append(num(a.nx())).append("\" y=\"").append(num(a.ny() + 4)).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"")
                .append(colour).append("\">").append(a.index() + 1).append("</text></g>\n");
    }

    private static String text(double x, double y, double size, String colour, boolean bold, String words) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(size) + "\"" + (bold ? " font-weight=\"bold\"" : "")
                + " fill=\"" + colour + "\">" + esc(words) + "</text>";
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Escapes for XML text and attributes (one rule with the HTML report: {@link Markup#escape}). */
    static String esc(String s) {
        return Markup.escape(s);
    }
}
