package io.github.spndoctor.app.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** A status shown as icon + word + colour: a label with the tone's icon before the word, coloured by the tone. */
public final class StatusBadge {
    private StatusBadge() {}

    /** A new badge. */
    public static Label of(Tone tone, String word) {
        Label l = new Label(word);
        set(l, tone, word);
        return l;
    }

    /**
     * Makes {@code l} (a label or a table cell's graphic holder) show {@code tone} and {@code word}. Only what changes
     * is touched: a table cell shown again with the same tone keeps its icon and style classes (a changed style class
     * makes JavaFX look up the node's styles again).
     */
    public static void set(Label l, Tone tone, String word) {
        l.setText(word);
        l.setAccessibleText(word);
        l.setContentDisplay(ContentDisplay.LEFT);
        if (!l.getStyleClass().contains("status-badge")) {
            l.getStyleClass().add("status-badge");
        }
        retone(l, tone);
        if (l.getGraphic() instanceof FontIcon i) {
            if (!i.getStyleClass().contains(tone.styleClass())) {
                i.setIconCode(tone.icon());
                retone(i, tone);
            }
        } else {
            l.setGraphic(icon(tone));
        }
    }

    /** Gives {@code n} the tone's style class instead of another tone's (nothing when it has it already). */
    static void retone(javafx.scene.Node n, Tone tone) {
        if (!n.getStyleClass().contains(tone.styleClass())) {
            n.getStyleClass().removeIf(c -> c.startsWith("tone-"));
            n.getStyleClass().add(tone.styleClass());
        }
    }

    /** The tone's icon, coloured by the tone. */
    public static FontIcon icon(Tone tone) {
        FontIcon i = new FontIcon(tone.icon());
        i.getStyleClass().addAll("tone-icon", tone.styleClass());
        return i;
    }
}
