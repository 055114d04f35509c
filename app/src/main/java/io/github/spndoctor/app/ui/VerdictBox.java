package io.github.spndoctor.app.ui;

import io.github.spndoctor.core.diagnosis.HostVerdict;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The verdict at a glance, the same on the Look up and the Diagnosis page: icon + word + colour, then core's sentence
 * — its lead in bold (the page's label, bound to {@link HostVerdict#lead()}), its caveat below in plain weight —
 * ({@link HostVerdict#word()}, {@link HostVerdict#sentence()}: what {@code spn-doctor lookup} prints too). A problem is
 * red, an unknown grey, a healthy host green — amber when a warning or an error at hand qualifies it, so "healthy"
 * never reads as "nothing wrong" while the user has an error. Hidden while the sentence is empty.
 */
public final class VerdictBox {
    private VerdictBox() {}

    /**
     * @param sentence the label that shows the sentence (the page's focus target; its id is the page's)
     * @param verdict  the verdict; null: no word, grey
     */
    public static HBox of(Label sentence, ObservableValue<HostVerdict> verdict, String wordId) {
        Label word = new Label();
        word.setId(wordId);
        word.getStyleClass().add("verdict-word");
        word.setMinWidth(Region.USE_PREF_SIZE);
        // the caveat (a warning, where the error comes from) in plain weight under the bold lead
        Label caveat = new Label();
        caveat.setId(wordId.replace("Word", "Caveat"));
        caveat.getStyleClass().add("verdict-caveat");
        Ui.wrap(caveat);
        Ui.hideWhenEmpty(caveat, caveat.textProperty());
        javafx.scene.layout.VBox text = new javafx.scene.layout.VBox(4, sentence, caveat);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox box = Callout.of(Tone.UNKNOWN, "");
        box.getStyleClass().add("verdict");
        box.getChildren().set(1, text);
        box.getChildren().add(1, word);
        HBox.setHgrow(text, Priority.ALWAYS);
        Runnable show = () -> {
            HostVerdict v = verdict.getValue();
            word.setText(v == null ? "" : v.word());
            caveat.setText(v == null ? "" : v.caveatText());
            Callout.tone(box, tone(v));
        };
        Ui.hideWhenEmpty(box, sentence.textProperty());
        verdict.addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** Problem red, unknown grey, healthy green; healthy with a caveat amber. */
    public static Tone tone(HostVerdict v) {
        if (v == null) {
            return Tone.UNKNOWN;
        }
        return switch (v.kind()) {
            case PROBLEM -> Tone.BAD;
            case UNKNOWN -> Tone.UNKNOWN;
            case HEALTHY -> v.caveat() == HostVerdict.Caveat.NONE ? Tone.GOOD : Tone.WARNING;
        };
    }
}
