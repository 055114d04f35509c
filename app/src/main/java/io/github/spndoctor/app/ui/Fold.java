package io.github.spndoctor.app.ui;

import javafx.beans.property.BooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/**
 * A folded section: one line that opens and closes it, and its content, built by a supplier when first opened.
 * It wears the theme's titled-pane style classes ({@code titled-pane > title > arrow-button > arrow}, {@code content},
 * the {@code :expanded} and {@code :collapsed} states), so Primer and Modena draw it as they draw a {@code TitledPane};
 * but it is a box with a toggle button: no skin, behaviour or animation classes of its own, which the first page
 * would otherwise load and style before its first frame (ADR 0105). Space or a click opens it; Enter keeps its wizard
 * meaning (the page's main action). Screen readers are told it is a titled pane, and whether it is open.
 */
public final class Fold extends VBox {
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");

    private final ToggleButton title = new Title();
    private final Supplier<Node> content;
    private StackPane body;

    public Fold(String text, Supplier<Node> content) {
        this.content = content;
        getStyleClass().addAll("titled-pane", "fold");
        Region arrow = new Region();
        arrow.getStyleClass().add("arrow");
        StackPane arrowButton = new StackPane(arrow);
        arrowButton.getStyleClass().add("arrow-button");
        title.setText(text);
        title.setGraphic(arrowButton);
        // the theme's titled-pane title, not a toggle button's look
        title.getStyleClass().setAll("title");
        title.setMnemonicParsing(false);
        title.setAlignment(Pos.CENTER_LEFT);
        title.setMaxWidth(Double.MAX_VALUE);
        title.selectedProperty().addListener((o, a, open) -> show(open));
        getChildren().add(title);
        pseudoClassStateChanged(COLLAPSED, true);
    }

    /** Open or closed; setting it opens or closes the fold (the content is built on the first opening). */
    public BooleanProperty expandedProperty() { return title.selectedProperty(); }

    public boolean isExpanded() { return title.isSelected(); }

    public void setExpanded(boolean open) { title.setSelected(open); }

    /** The line that opens and closes the fold. */
    public ToggleButton title() { return title; }

    /** The keyboard goes to the line that opens the fold (the box itself takes no focus). */
    @Override
    public void requestFocus() { title.requestFocus(); }

    private void show(boolean open) {
        pseudoClassStateChanged(EXPANDED, open);
        pseudoClassStateChanged(COLLAPSED, !open);
        if (open) {
            if (body == null) {
                body = new StackPane(content.get());
                body.getStyleClass().add("content");
                body.setAlignment(Pos.TOP_LEFT);
            }
            getChildren().add(body);
        } else if (body != null) {
            getChildren().remove(body);
        }
        title.notifyAccessibleAttributeChanged(AccessibleAttribute.EXPANDED);
    }

    /** The fold's line: a toggle button that screen readers know as a titled pane, open or closed. */
    private static final class Title extends ToggleButton {
        Title() {
            setAccessibleRole(AccessibleRole.TITLED_PANE);
        }

        @Override
        public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
            return attribute == AccessibleAttribute.EXPANDED ? isSelected() : super.queryAccessibleAttribute(attribute, parameters);
        }

        @Override
        public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
            if (action == AccessibleAction.EXPAND || action == AccessibleAction.COLLAPSE) {
                setSelected(action == AccessibleAction.EXPAND);
            } else {
                super.executeAccessibleAction(action, parameters);
            }
        }
    }
}
