package io.github.spndoctor.app.wizard;

import javafx.scene.Node;

/** The view of one page: builds its nodes and binds them to its model. No logic. */
public interface PageView {
    Node root();

    /** Where the keyboard focus goes when the page is shown: the first input, or the summary heading. */
    Node focusTarget();
}
