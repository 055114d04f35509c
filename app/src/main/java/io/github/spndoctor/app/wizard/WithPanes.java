package io.github.spndoctor.app.wizard;

import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A page view with extra panes added above (or below) its own content, without touching the page class: how the
 * client pane and the connection test join the Look up and Result pages.
 */
public final class WithPanes implements PageView {
    private final PageView page;
    private final VBox root;

    public WithPanes(PageView page, List<Node> above, List<Node> below) {
        this.page = page;
        root = new VBox(8);
        root.getChildren().addAll(above);
        root.getChildren().add(page.root());
        root.getChildren().addAll(below);
        VBox.setVgrow(page.root(), Priority.ALWAYS);
        root.getStyleClass().add("with-panes");
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return page.focusTarget(); }

    @Override
    public java.util.List<Runnable> rehearsal() { return page.rehearsal(); }
}
