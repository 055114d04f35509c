package io.github.spndoctor.core.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of a {@link TicketFlow} goes in the picture, in abstract units (1 unit = 1 px at 100 %): the boxes in
 * a row, in the flow's order; an arrow per step (straight to the next box, a curve below to any other, a loop above for
 * a host trying its own key); the numbered steps as wrapped lines underneath; the verdict last. One layout for both
 * faces: the wizard draws it with JavaFX shapes, {@link TicketFlowSvg} as SVG. Text is wrapped by an estimate of the
 * glyph width, so boxes are sized with room to spare. Immutable; pure.
 */
public record FlowLayout(double width, double height, List<Box> boxes, List<Arrow> arrows, List<StepText> steps,
                         Mark verdict, double verdictY) {
    public static final double FONT = 13;
    public static final double SMALL = 12;
    public static final double LINE = 17;
    public static final double BOX_W = 140;
    public static final double GAP = 28;
    public static final double MARGIN = 16;
    public static final double BOX_TOP = 44;
    public static final double PAD = 8;
    /** Estimated glyph width as a share of the font size (sans-serif, mixed case). */
    static final double GLYPH = 0.58;
    /** Bold glyphs are wider. */
    static final double BOLD = 1.15;

    /** How a box or the verdict is marked: a sign and a word, and whether it is good (never colour alone). */
    public record Mark(String sign, String words, boolean good) {
        public String text() { return sign + " " + words; }
    }

    /** One node's box; {@code mark} is null when the box carries no verdict, else its text wrapped in {@code markLines}. */
    public record Box(TicketFlow.Role role, double x, double y, double w, double h, List<String> title,
                      List<String> detail, Mark mark, List<String> markLines) {
        public Box {
            title = List.copyOf(title);
            detail = List.copyOf(detail);
            markLines = List.copyOf(markLines);
        }
    }

    /**
     * One step's arrow as a path of points (first = start, last = tip), with its number's circle at (nx, ny).
     * {@code index} counts from 0.
     */
    public record Arrow(int index, List<double[]> points, double nx, double ny, boolean good) {
        public Arrow {
            points = List.copyOf(points);
        }

        /** The arrowhead at the last point: a triangle as x1, y1, x2, y2, x3, y3. */
        public double[] head() {
            double[] tip = points.get(points.size() - 1);
            double[] from = points.get(points.size() - 2);
            double ang = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
            double len = 9;
            double spread = Math.toRadians(25);
            return new double[]{tip[0], tip[1],
                    tip[0] - len * Math.cos(ang - spread), tip[1] - len * Math.sin(ang - spread),
                    tip[0] - len * Math.cos(ang + spread), tip[1] - len * Math.sin(ang + spread)};
        }
    }

    /** One numbered step under the picture: its lines, the first at {@code y} (the text's baseline). */
    public record StepText(int index, String number, List<String> lines, double y, boolean good) {
        public StepText {
            lines = List.copyOf(lines);
        }
    }

    /** The layout of {@code flow}. */
    public static FlowLayout of(TicketFlow flow) {
        List<TicketFlow.Node> nodes = flow.nodes();
        int n = Math.max(1, nodes.size());
        double width = 2 * MARGIN + n * BOX_W + (n - 1) * GAP;
        int chars = chars(BOX_W - 2 * PAD, SMALL);
        List<List<String>> titles = new ArrayList<>();
        List<List<String>> details = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<List<String>> markLines = new ArrayList<>();
        int maxLines = 0;
        for (TicketFlow.Node node : nodes) {
            List<String> t = wrap(node.title(), chars(BOX_W - 2 * PAD, FONT * BOLD));
            List<String> d = wrap(node.detail(), chars);
            Mark m = mark(flow, node.role());
            List<String> ml = m == null ? List.of() : wrap(m.text(), chars(BOX_W - 2 * PAD, FONT * BOLD));
            titles.add(t);
            details.add(d);
            marks.add(m);
            markLines.add(ml);
            maxLines = Math.max(maxLines, t.size() + d.size() + ml.size());
        }
        double boxH = 2 * PAD + maxLines * LINE;
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            boxes.add(new Box(nodes.get(i).role(), x(i), BOX_TOP, BOX_W, boxH, titles.get(i), details.get(i), marks.get(i),
                    markLines.get(i)));
        }
        double bottom = BOX_TOP + boxH;
        List<Arrow> arrows = new ArrayList<>();
        int below = 0;
        for (int s = 0; s < flow.steps().size(); s++) {
            TicketFlow.Step step = flow.steps().get(s);
            int from = column(nodes, step.from());
            int to = column(nodes, step.to());
            if (from < 0 || to < 0) {
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            double nx;
            double ny;
            if (from == to) {
                double cx = x(from) + BOX_W / 2;
                pts.add(new double[]{cx - 24, BOX_TOP});
                pts.add(new double[]{cx - 24, BOX_TOP - 22});
                pts.add(new double[]{cx + 24, BOX_TOP - 22});
                pts.add(new double[]{cx + 24, BOX_TOP});
                nx = cx;
                ny = BOX_TOP - 22;
            } else if (to == from + 1) {
                double y = BOX_TOP + boxH / 2;
                pts.add(new double[]{x(from) + BOX_W, y});
                pts.add(new double[]{x(to), y});
                nx = x(from) + BOX_W + GAP / 2;
                ny = y - 14;
            } else {
                below++;
                double depth = bottom + 16 * below;
                double fx = x(from) + BOX_W / 2 + (from < to ? 12 : -12);
                double tx = x(to) + BOX_W / 2 + (from < to ? -12 : 12);
                pts.add(new double[]{fx, bottom});
                pts.add(new double[]{fx, depth});
                pts.add(new double[]{tx, depth});
                pts.add(new double[]{tx, bottom});
                nx = (fx + tx) / 2;
                ny = depth;
            }
            arrows.add(new Arrow(s, pts, nx, ny, step.good()));
        }
        double y = bottom + 16 * below + 36;
        List<StepText> texts = new ArrayList<>();
        int lineChars = chars(width - 2 * MARGIN - 34, FONT);
        for (int s = 0; s < flow.steps().size(); s++) {
            TicketFlow.Step step = flow.steps().get(s);
            List<String> lines = wrap((step.good() ? "" : "\u2717 ") + step.label(), lineChars);
            texts.add(new StepText(s, String.valueOf(s + 1), lines, y, step.good()));
            y += lines.size() * LINE + 4;
        }
        Mark verdict = verdictMark(flow.verdict());
        double verdictY = y + 12;
        return new FlowLayout(width, verdictY + 16, boxes, arrows, texts, verdict, verdictY);
    }

    /** The verdict as sign and words: "✓ accepted", "✗ KRB_AP_ERR_MODIFIED", … */
    public static Mark verdictMark(TicketFlow.Verdict v) {
        return new Mark(v.ok() ? "\u2713" : "\u2717", v.words(), v.ok());
    }

    private static Mark mark(TicketFlow flow, TicketFlow.Role role) {
        TicketFlow.Verdict v = flow.verdict();
        return switch (role) {
            case USER -> verdictMark(v);
            case HOST -> v == TicketFlow.Verdict.ACCEPTED ? new Mark("\u2713", "its key fits", true)
                    : v == TicketFlow.Verdict.WRONG_KEY ? new Mark("\u2717", "wrong key", false) : null;
            case KDC -> v == TicketFlow.Verdict.KDC_REFUSED_DUPLICATE || v == TicketFlow.Verdict.KDC_REFUSED_UNKNOWN
                    ? new Mark("\u2717", "refuses", false) : null;
            default -> null;
        };
    }

    private static double x(int column) {
        return MARGIN + column * (BOX_W + GAP);
    }

    private static int column(List<TicketFlow.Node> nodes, TicketFlow.Role role) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }

    private static int chars(double width, double font) {
        return Math.max(8, (int) Math.floor(width / (font * GLYPH)));
    }

    /**
     * Wraps at spaces into lines of at most {@code max} characters; a longer word (an SPN, a host name) breaks after
     * a '/', '.', '-', '_' or '\' where it can, else hard.
     */
    static List<String> wrap(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > max) {
                int room = line.length() > 0 ? max - line.length() - 1 : max;
                int cut = room >= 4 ? softBreak(word, room) : -1;   // fill the line with the first part of a long word
                if (cut < 0 && line.length() == 0) {
                    cut = max;   // nowhere to break it: hard
                }
                if (cut > 0) {
                    line.append(line.length() > 0 ? " " : "").append(word, 0, cut);
                    word = word.substring(cut);
                }
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.length() > 0 ? " " : "").append(word);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** Where to break {@code word} within {@code max} characters: after a separator, or -1. */
    private static int softBreak(String word, int max) {
        for (int i = Math.min(max, word.length() - 1); i > 2; i--) {
            char c = word.charAt(i - 1);
            if (c == '/' || c == '.' || c == '-' || c == '\\' || c == '_') {
                return i;
            }
        }
        return -1;
    }
}
