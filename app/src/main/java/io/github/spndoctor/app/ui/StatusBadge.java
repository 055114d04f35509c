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

    /** Makes {@code l} (a label or a table cell's graphic holder) show {@code tone} and {@code word}. */
    public static void set(Label l, Tone tone, String word) {
        l.setText(word);
        l.setGraphic(icon(tone));
        l.setContentDisplay(ContentDisplay.LEFT);
        l.getStyleClass().removeIf(c -> c.startsWith("tone-"));
        l.getStyleClass().addAll("status-badge", tone.styleClass());
        l.setAccessibleText(word);
    }

    /** The tone's icon, coloured by the tone. */
    public static FontIcon icon(Tone tone) {
        FontIcon i = new FontIcon(tone.icon());
        i.getStyleClass().addAll("tone-icon", tone.styleClass());
        return i;
    }
}
