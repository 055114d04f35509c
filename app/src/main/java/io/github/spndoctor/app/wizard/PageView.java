package io.github.spndoctor.app.wizard;

import javafx.scene.Node;

/** The view of one page: builds its nodes and binds them to its model. No logic. */
public interface PageView {
    Node root();

    /** Where the keyboard focus goes when the page is shown: the first input, or the summary heading. */
    Node focusTarget();

    /**
     * Called once while the page is styled in idle time, invisible and not shown: a page whose results appear later
     * (a table, say) may lay out a sample of them here, so that the first real results cost the UI thread less. It
     * must leave the page as it found it.
     */
    default void rehearse() {}

    /**
     * Where panes added by other features go (a probe, evidence, trainer notes): an empty box at a fitting place on
     * the page, laid out with it and scrolled with it; null on pages without one.
     */
    default javafx.scene.layout.VBox extras() { return null; }
}
