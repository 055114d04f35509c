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
     * is touched: the style classes and the icon node stay, the tone is a pseudo-class ({@link Tone#pseudoClass()}),
     * so a table cell shown again with another tone keeps the styles JavaFX looked up for it.
     */
    public static void set(Label l, Tone tone, String word) {
        l.setText(word);
        l.setAccessibleText(word);
        l.setContentDisplay(ContentDisplay.LEFT);
        if (!l.getStyleClass().contains("status-badge")) {
            l.getStyleClass().add("status-badge");
        }
        tone.applyTo(l);
        if (l.getGraphic() instanceof FontIcon i) {
            retone(i, tone);
        } else {
            l.setGraphic(icon(tone));
        }
    }

    /** Gives an icon made here another tone in place: the same node takes the glyph and the colour (no new node). */
    static void retone(FontIcon i, Tone tone) {
        if (Tone.shownBy(i).orElse(null) != tone) {
            i.setIconCode(tone.icon());
            tone.applyTo(i);
        }
    }

    /** The tone's icon, coloured by the tone. */
    public static FontIcon icon(Tone tone) {
        FontIcon i = new FontIcon(tone.icon());
        i.getStyleClass().add("tone-icon");
        tone.applyTo(i);
        return i;
    }
}
