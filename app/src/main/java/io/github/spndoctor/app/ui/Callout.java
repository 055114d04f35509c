package io.github.spndoctor.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A boxed message that stands out: icon, colour, border (warnings, the verdict line, errors). */
public final class Callout {
    private Callout() {}

    /** A callout bound to {@code text}, hidden while the text is empty. */
    public static HBox of(Tone tone, ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        HBox box = build(tone, l);
        Ui.hideWhenEmpty(box, text);
        return box;
    }

    /** A callout with fixed text. */
    public static HBox of(Tone tone, String text) {
        return build(tone, new Label(text));
    }

    private static HBox build(Tone tone, Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox box = new HBox(StatusBadge.icon(tone), l);
        box.getStyleClass().add("callout");
        tone.applyTo(box);
        return box;
    }

    /** Recolours a callout built here. */
    public static void tone(HBox callout, Tone tone) {
        if (Tone.shownBy(callout).orElse(null) == tone) {
            return;   // unchanged
        }
        tone.applyTo(callout);
        if (!callout.getChildren().isEmpty() && callout.getChildren().get(0) instanceof org.kordamp.ikonli.javafx.FontIcon i) {
            StatusBadge.retone(i, tone);
        }
    }
}
