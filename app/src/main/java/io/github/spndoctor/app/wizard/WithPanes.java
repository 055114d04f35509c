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

    /**
     * The page's own steps, each on the page's root sized as the whole: a step lays out that root, which would
     * otherwise have no size off the screen. The panes are not laid out here: a label laid out off the screen and
     * put back later loses its Alt+letter (JavaFX registers it with the scene only when it lays the text out).
     */
    @Override
    public java.util.List<Runnable> rehearsal() {
        return page.rehearsal().stream().<Runnable>map(step -> () -> {
            page.root().resize(root.getWidth(), root.getHeight());
            step.run();
        }).toList();
    }
}
