package io.github.spndoctor.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** Small helpers shared by the views: headings, error labels under fields, read-only text areas. */
public final class Ui {
    private Ui() {}

    /** A heading that can take focus so screen readers announce it (results pages park focus here). */
    public static Label heading(ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(Styles.HEADING);
        wrap(l);
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TEXT);
        return l;
    }

    /** Wrapped body text bound to {@code text}; hidden while empty. */
    public static Label text(ObservableStringValue text, String styleClass) {
        Label l = wrap(new Label());
        l.textProperty().bind(text);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        hideWhenEmpty(l, text);
        return l;
    }

    /** An error line under a field: text with a symbol, not colour alone. */
    public static Label error(ObservableStringValue text) {
        Label l = text(text, Styles.ERROR);
        l.setAccessibleRole(AccessibleRole.TEXT);
        // the icon font loads on first use: only when there is an error to show
        Runnable icon = () -> {
            if (l.getGraphic() == null && text.get() != null && !text.get().isEmpty()) {
                l.setGraphic(StatusBadge.icon(Tone.BAD));
            }
        };
        text.addListener((o, a, b) -> icon.run());
        icon.run();
        return l;
    }

    /** A label with a mnemonic that focuses {@code target}. */
    public static Label labelFor(String textWithMnemonic, Node target) {
        Label l = new Label(textWithMnemonic);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    /** A read-only, selectable monospace area (previews, details). */
    public static TextArea code(String text) {
        TextArea a = new TextArea(text);
        a.setEditable(false);
        a.setWrapText(false);
        a.getStyleClass().add(Styles.CODE);
        tabMovesFocus(a);
        return a;
    }

    /**
     * Tab and Shift+Tab leave {@code area} for the next or previous control instead of typing a tab character (an
     * error's details or a pasted error text are not places to type tabs); Ctrl+Tab is what a text area does with
     * Tab anyway, so the key is handed on as that.
     */
    public static void tabMovesFocus(TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown() && !e.isAltDown()) {
                e.consume();
                area.fireEvent(new javafx.scene.input.KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, false, e.isMetaDown()));
            }
        });
    }

    /** Wrapped text that keeps all its lines when space is short (the page scrolls instead of cutting it with "…"). */
    public static <T extends javafx.scene.control.Labeled> T wrap(T l) {
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A wrapped label with fixed text (see {@link #wrap}). */
    public static Label wrapped(String text, String styleClass) {
        Label l = wrap(new Label(text));
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    /**
     * An expandable "Details" area for technical detail, built only when there is detail to show (the TitledPane and
     * its text area are costly to create and style, and most pages never need them).
     */
    public static javafx.scene.layout.VBox details(ObservableStringValue detail, String id) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox();
        hideWhenEmpty(box, detail);
        Runnable build = () -> {
            if (box.getChildren().isEmpty() && detail.get() != null && !detail.get().isEmpty()) {
                TextArea area = code("");
                area.textProperty().bind(detail);
                area.setPrefRowCount(3);
                javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(Messages.get("details"), area);
                pane.setExpanded(false);
                if (id != null) {
                    pane.setId(id);
                }
                box.getChildren().add(pane);
            }
        };
        detail.addListener((o, a, b) -> build.run());
        build.run();
        return box;
    }

    /**
     * A folded section: one line with {@code title}, its content built by {@code content} when the user first opens
     * it (what most users never open costs nothing at start-up or on a page's first display).
     */
    public static Fold fold(String title, String id, java.util.function.Supplier<Node> content) {
        Fold fold = new Fold(title, content);
        fold.setId(id);
        return fold;
    }

    /**
     * A horizontal rule between parts of a page: drawn like the theme's separator ({@code .rule} in app.css), but a
     * plain region, with no control or skin to load and style before the first frame (ADR 0105).
     */
    public static javafx.scene.layout.Region rule() {
        javafx.scene.layout.Region rule = new javafx.scene.layout.Region();
        rule.getStyleClass().add("rule");
        return rule;
    }

    public static void hideWhenEmpty(Node n, ObservableStringValue text) {
        n.visibleProperty().bind(Bind.notEmpty(text));
        n.managedProperty().bind(n.visibleProperty());
    }
}
