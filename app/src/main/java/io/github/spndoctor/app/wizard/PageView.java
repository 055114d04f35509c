package io.github.spndoctor.app.wizard;

import javafx.scene.Node;

/** The view of one page: builds its nodes and binds them to its model. No logic. */
public interface PageView {
    Node root();

    /** Where the keyboard focus goes when the page is shown: the first input, or the summary heading. */
    Node focusTarget();

    /**
     * Steps run while the page is prepared in idle time, invisible and not shown, one per UI-thread turn, a few
     * rounds over: a page whose results appear later (a table, cards) lays out a sample part of them in each step, so
     * that the first real results run warm code and cost the UI thread less. Each step is short (a card, a few rows)
     * and leaves the page exactly as it found it, so it may be skipped or stopped at any point.
     */
    default java.util.List<Runnable> rehearsal() { return java.util.List.of(); }

    /** A rehearsal step's body: adds {@code sample} to {@code box}, styles and lays out {@code page}, takes it out. */
    static void layOutWith(javafx.scene.Parent page, javafx.scene.layout.Pane box, Node sample) {
        box.getChildren().add(sample);
        page.applyCss();
        page.layout();
        box.getChildren().remove(sample);
    }

    /**
     * Where panes added by other features go (a probe, evidence, trainer notes): an empty box at a fitting place on
     * the page, laid out with it and scrolled with it; null on pages without one.
     */
    default javafx.scene.layout.VBox extras() { return null; }
}
