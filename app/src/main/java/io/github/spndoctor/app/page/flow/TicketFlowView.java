package io.github.spndoctor.app.page.flow;

import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.ui.StatusBadge;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.core.flow.FlowLayout;
import io.github.spndoctor.core.flow.TicketFlow;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The ticket flow drawn on a page (Diagnosis, Result): a heading with the outcome as a badge, the picture (JavaFX
 * shapes, scaled to the page's width), Back / Next step for presenting (also the arrow keys, Page Up / Page Down,
 * Home and End while the picture has the focus: none of them is the wizard's Enter, Esc or an Alt mnemonic) and
 * Save as PNG / SVG. Binds to {@link TicketFlowModel}; no logic.
 */
public final class TicketFlowView extends VBox {
    private final TicketFlowModel model;
    private final Canvas canvas = new Canvas();
    private final Label verdict = new Label();
    private final HBox head;

    public TicketFlowView(TicketFlowModel model, FileDialogs files, String id) {
        this.model = model;
        setId(id);
        getStyleClass().add("ticket-flow-view");   // a card to look at, not one of the page's cause cards
        Label title = new Label("How the ticket travels");
        title.getStyleClass().add("card-title");
        verdict.setId(id + "-verdict");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        head = new HBox(8, title, spacer, verdict);
        head.setAlignment(Pos.CENTER_LEFT);

        Button back = button("\u25C0 Previous step", id + "-back", model::previousStep);
        Button next = button("Next step \u25B6", id + "-next", model::nextStep);
        Button first = button("From the start", id + "-first", model::firstStep);
        Label position = new Label();
        position.textProperty().bind(model.positionProperty());
        position.setId(id + "-position");
        position.getStyleClass().add(Styles.NOTE);
        Button png = button("Save as PNG\u2026", id + "-png", () -> files.saveFile(this, "Save the ticket flow as PNG",
                model.suggestedName("png")).ifPresent(p -> model.savePng(p, png())));
        Button svg = button("Save as SVG\u2026", id + "-svg", () -> files.saveFile(this, "Save the ticket flow as SVG",
                model.suggestedName("svg")).ifPresent(model::saveSvg));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, first, back, next, position, gap, png, svg);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("button-row");

        Label message = Ui.text(model.messageProperty(), Styles.NOTE);
        message.setId(id + "-message");

        canvas.setId(id + "-picture");
        canvas.setFocusTraversable(true);
        canvas.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case RIGHT, PAGE_DOWN -> model.nextStep();
                case LEFT, PAGE_UP -> model.previousStep();
                case HOME -> model.firstStep();
                case END -> model.allSteps();
                default -> { return; }
            }
            e.consume();
        });
        canvas.setOnMouseClicked(e -> canvas.requestFocus());

        model.layoutProperty().addListener((o, a, b) -> redraw());
        model.shownProperty().addListener((o, a, b) -> redraw());
        Runnable buttons = () -> {
            back.setDisable(!model.canGoBack());
            next.setDisable(!model.canGoOn());
            first.setDisable(!model.canGoBack());
            boolean none = model.flowProperty().get() == null;
            png.setDisable(none);
            svg.setDisable(none);
            bar.setVisible(!none);
            bar.setManaged(!none);
            canvas.setVisible(!none);
            canvas.setManaged(!none);
            verdict.setVisible(!none);
        };
        model.shownProperty().addListener((o, a, b) -> buttons.run());
        model.flowProperty().addListener((o, a, b) -> buttons.run());
        buttons.run();
        sceneProperty().addListener((o, a, b) -> io.github.spndoctor.app.ui.Presentation.of(b)
                .ifPresent(p -> p.zoomProperty().addListener(z -> canvas.requestLayout())));
        getChildren().addAll(head, canvas, bar, message);
        redraw();
    }

    /**
     * Takes the heading (the title and the outcome badge) out of the view, for an expander's title line
     * ({@link FlowExpander}); the view then shows the picture, its buttons and its message only.
     */
    HBox takeHeading() {
        getChildren().remove(head);
        return head;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(false);   // the page's Alt mnemonics stay the page's
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void redraw() {
        FlowLayout l = model.layoutProperty().get();
        TicketFlow f = model.flowProperty().get();
        if (l == null || f == null) {
            canvas.show(null, 0, "");
            return;
        }
        FlowLayout.Mark v = FlowLayout.verdictMark(f.verdict());
        StatusBadge.set(verdict, v.good() ? Tone.GOOD : Tone.BAD, v.words());
        canvas.height = l.height();
        canvas.show(FlowShapes.draw(l, model.shownProperty().get()), l.width(),
                f.outline() + (model.positionProperty().get().isEmpty() ? "" : "\n" + model.positionProperty().get()));
    }

    /** The whole picture (every step) as PNG at twice its size, styled as on screen. */
    byte[] png() {
        FlowLayout l = model.layoutProperty().get();
        Group g = FlowShapes.draw(l, Integer.MAX_VALUE);
        Group holder = new Group(g);
        Scene scene = new Scene(holder);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
            holder.getStyleClass().setAll(getScene().getRoot().getStyleClass());
        }
        holder.applyCss();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(2, 2));
        WritableImage img = g.snapshot(p, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The picture's region: scales the drawing to the width it gets (never above 130 %), as tall as that makes it. */
    static final class Canvas extends Region {
        private Group drawing;
        private double natural = 1;
        double height;
        private final Scale scale = new Scale(1, 1, 0, 0);

        Canvas() {
            getStyleClass().add("flow-canvas");
            setMinWidth(0);
        }

        void show(Group g, double width, String text) {
            getChildren().clear();
            drawing = g;
            natural = width <= 0 ? 1 : width;
            if (g != null) {
                g.getTransforms().setAll(scale);
                getChildren().add(g);
            }
            setAccessibleText(text);
            requestLayout();
        }

        /** Fits the width; grows up to 130 % of its size times the wizard's zoom (on a wide screen, presenting). */
        private double factor(double width) {
            double zoom = io.github.spndoctor.app.ui.Presentation.of(getScene()).map(p -> p.zoomProperty().get()).orElse(1.0);
            return Math.min(1.3 * zoom, Math.max(0.3, width / natural));
        }

        @Override
        public javafx.geometry.Orientation getContentBias() { return javafx.geometry.Orientation.HORIZONTAL; }

        @Override
        protected double computePrefWidth(double h) { return natural; }

        @Override
        protected double computeMinWidth(double h) { return 0; }

        @Override
        protected double computeMinHeight(double w) { return computePrefHeight(w); }

        @Override
        protected double computePrefHeight(double w) {
            double width = w > 0 ? w : getWidth() > 0 ? getWidth() : natural;
            return drawing == null ? 0 : height * factor(width - snappedLeftInset() - snappedRightInset()) + 4;
        }

        @Override
        protected void layoutChildren() {
            double f = factor(getWidth() > 0 ? getWidth() - snappedLeftInset() - snappedRightInset() : natural);
            scale.setX(f);
            scale.setY(f);
        }
    }
}
