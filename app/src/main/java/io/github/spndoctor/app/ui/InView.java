package io.github.spndoctor.app.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Brings a node into the visible part of the scroll pane around it (the wizard's page host) with as little scrolling
 * as possible: nothing moves when it is already in view; a node taller than the view shows its top. Call it on the UI
 * thread after changing what the node shows: it lays the scene out first, so the node's new size counts.
 */
public final class InView {
    /** Room left above or below the node, in pixels. */
    static final double MARGIN = 8;

    private InView() {}

    public static void show(Node n) {
        ScrollPane sp = scrollPaneAround(n);
        if (sp == null || sp.getContent() == null || !n.isVisible() || n.getScene() == null) {
            return;
        }
        Parent root = n.getScene().getRoot();
        root.applyCss();
        root.layout();
        Node content = sp.getContent();
        double view = sp.getViewportBounds().getHeight();
        double room = content.getLayoutBounds().getHeight() - view;
        if (room <= 0 || view <= 0) {
            return;
        }
        double span = sp.getVmax() - sp.getVmin();
        double offset = (sp.getVvalue() - sp.getVmin()) / span * room;
        Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double target = offset;
        if (b.getMaxY() + MARGIN > offset + view) {
            target = b.getMaxY() + MARGIN - view;   // below the view: scroll down until its bottom shows ...
        }
        if (b.getMinY() - MARGIN < target) {
            target = b.getMinY() - MARGIN;          // ... but never past its top
        }
        target = Math.max(0, Math.min(room, target));
        if (Math.abs(target - offset) > 0.5) {
            sp.setVvalue(sp.getVmin() + target / room * span);
        }
    }

    private static ScrollPane scrollPaneAround(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp;
            }
        }
        return null;
    }
}
