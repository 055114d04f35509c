package io.github.spndoctor.app.page.flow;

import io.github.spndoctor.core.flow.FlowLayout;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Draws a {@link FlowLayout} with JavaFX shapes (vector: sharp at any zoom), the first {@code shown} steps of it. The
 * colours come from app.css through style classes ({@code -sd-*} looked-up colours, so high contrast keeps its own);
 * every mark is a sign and a word too, and a failing step is dashed as well as coloured.
 */
final class FlowShapes {
    private FlowShapes() {}

    static Group draw(FlowLayout l, int shown) {
        Group g = new Group();
        g.getStyleClass().add("ticket-flow");
        Rectangle bg = new Rectangle(0, 0, l.width(), l.height());
        bg.getStyleClass().add("flow-background");
        g.getChildren().add(bg);
        boolean all = shown >= l.steps().size();
        for (FlowLayout.Box b : l.boxes()) {
            int first = firstStepTouching(l, b);
            if (!all && first >= shown) {
                continue;
            }
            boolean marked = b.mark() != null && (all || lastStepInto(l, b) < shown);
            Rectangle r = new Rectangle(b.x(), b.y(), b.w(), b.h());
            r.setArcWidth(12);
            r.setArcHeight(12);
            r.getStyleClass().addAll("flow-box", marked ? (b.mark().good() ? "flow-good" : "flow-bad") : "flow-plain");
            g.getChildren().add(r);
            double y = b.y() + FlowLayout.PAD + FlowLayout.FONT;
            for (String t : b.title()) {
                g.getChildren().add(text(b.x() + FlowLayout.PAD, y, t, FlowLayout.FONT, true, "flow-title"));
                y += FlowLayout.LINE;
            }
            for (String d : b.detail()) {
                g.getChildren().add(text(b.x() + FlowLayout.PAD, y, d, FlowLayout.SMALL, false, "flow-detail"));
                y += FlowLayout.LINE;
            }
            for (String m : marked ? b.markLines() : List.<String>of()) {
                g.getChildren().add(text(b.x() + FlowLayout.PAD, y, m, FlowLayout.FONT, true,
                        b.mark().good() ? "flow-mark-good" : "flow-mark-bad"));
                y += FlowLayout.LINE;
            }
        }
        for (FlowLayout.Arrow a : l.arrows()) {
            if (a.index() >= shown) {
                continue;
            }
            boolean current = !all && a.index() == shown - 1;
            String tone = a.good() ? "flow-arrow-good" : "flow-arrow-bad";
            Polyline line = new Polyline();
            for (double[] p : a.points()) {
                line.getPoints().addAll(p[0], p[1]);
            }
            line.getStyleClass().addAll("flow-arrow", tone);
            if (current) {
                line.getStyleClass().add("flow-current");
            }
            g.getChildren().addAll(line, head(a, tone));
            Circle c = new Circle(a.nx(), a.ny(), 9);
            c.getStyleClass().addAll("flow-number", tone);
            if (current) {
                c.getStyleClass().add("flow-current");
            }
            Text n = text(a.nx() - 4, a.ny() + 4, String.valueOf(a.index() + 1), 11, current, "flow-number-text");
            n.setX(a.nx() - n.getLayoutBounds().getWidth() / 2);
            g.getChildren().addAll(c, n);
        }
        for (FlowLayout.StepText s : l.steps()) {
            if (s.index() >= shown) {
                continue;
            }
            boolean current = !all && s.index() == shown - 1;
            String cls = s.good() ? "flow-step" : "flow-step-bad";
            double y = s.y();
            g.getChildren().add(text(FlowLayout.MARGIN, y, s.number() + ".", FlowLayout.FONT, true, cls));
            for (String line : s.lines()) {
                g.getChildren().add(text(FlowLayout.MARGIN + 28, y, line, FlowLayout.FONT, current, cls));
                y += FlowLayout.LINE;
            }
        }
        if (all) {
            FlowLayout.Mark v = l.verdict();
            g.getChildren().add(text(FlowLayout.MARGIN, l.verdictY(), "Outcome: " + v.text(), FlowLayout.FONT + 2, true,
                    v.good() ? "flow-mark-good" : "flow-mark-bad"));
        }
        return g;
    }

    private static int firstStepTouching(FlowLayout l, FlowLayout.Box b) {
        for (FlowLayout.Arrow a : l.arrows()) {
            if (startsIn(a, b) || endsIn(a, b)) {
                return a.index();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int lastStepInto(FlowLayout l, FlowLayout.Box b) {
        int last = -1;
        for (FlowLayout.Arrow a : l.arrows()) {
            if (endsIn(a, b)) {
                last = a.index();
            }
        }
        return last;
    }

    private static boolean startsIn(FlowLayout.Arrow a, FlowLayout.Box b) { return near(a.points().get(0), b); }

    private static boolean endsIn(FlowLayout.Arrow a, FlowLayout.Box b) { return near(a.points().get(a.points().size() - 1), b); }

    private static boolean near(double[] p, FlowLayout.Box b) {
        return p[0] >= b.x() - 1 && p[0] <= b.x() + b.w() + 1 && p[1] >= b.y() - 1 && p[1] <= b.y() + b.h() + 1;
    }

    private static Polygon head(FlowLayout.Arrow a, String tone) {
        Polygon p = new Polygon(a.head());
        p.getStyleClass().addAll("flow-head", tone);
        return p;
    }

    private static Text text(double x, double y, String s, double size, boolean bold, String cls) {
        Text t = new Text(x, y, s);
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.getStyleClass().addAll("flow-text", cls);
        return t;
    }
}
