package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.ui.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What the wizard shows while a page waits longer than {@link #DELAY}: what it waits for (the server), the time so
 * far, and Stop (Esc does the same). It dims and blocks the page under it, so nothing is clicked twice; the button
 * bar below stays usable. Its card is built after start-up, in idle time (or on the first wait); shown and hidden as the current page's busy state changes.
 */
final class WaitOverlay extends StackPane {
    /** Waits shorter than this show nothing (no flicker on quick work). */
    static final Duration DELAY = Duration.millis(300);

    private final Label what = new Label();
    private final Label elapsed = new Label();
    private final Button stop = new Button(Messages.get("wait.stop"));
    /** The delay before showing, and the clock of the elapsed time: made on the first wait (ADR 0105). */
    private PauseTransition showLater;
    private Timeline clock;
    private final ObservableStringValue notice;
    private long startedNanos;

    /**
     * @param busy    the current page's busy state
     * @param text    what the page waits for
     * @param notice  shown when the work cannot be stopped
     * @param onStop  what Stop does (the wizard's cancel, which stops the page's work)
     */
    WaitOverlay(ObservableBooleanValue busy, ObservableStringValue text, ObservableStringValue notice, Runnable onStop) {
        getStyleClass().add("wait-overlay");
        setId("waitOverlay");
        what.textProperty().bind(text);
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.setId("waitText");
        elapsed.setId("waitElapsed");
        stop.setId("waitStop");
        stop.setMnemonicParsing(false);
        stop.setOnAction(e -> onStop.run());
        this.notice = notice;
        setVisible(false);
        busy.addListener((o, a, b) -> update(b));
        update(busy.get());
    }

    /** Builds and styles the card in idle time after the first frame, so the first wait costs its frame nothing. */
    void prepare() {
        buildCard();
        makeTimers();
        applyCss();
    }

    /** The card with the spinner: built after start-up (ADR 0105), in idle time or at the latest on the first wait. */
    private void buildCard() {
        if (!getChildren().isEmpty()) {
            return;
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        HBox row = new HBox(spinner, what);
        row.getStyleClass().add("busy-row");
        Label refused = io.github.spndoctor.app.ui.Ui.text(notice, "note");
        refused.setId("waitNotice");
        VBox card = new VBox(row, elapsed, refused, stop);
        card.getStyleClass().add("wait-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setMaxWidth(460);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    private void update(boolean busy) {
        if (busy) {
            buildCard();
            makeTimers();
            startedNanos = System.nanoTime();
            elapsed.setText("");
            showLater.playFromStart();
        } else {
            if (showLater != null) {
                showLater.stop();
                clock.stop();
            }
            setVisible(false);
        }
    }

    /** The timers are the animation classes' first use: not made before the first frame, only for the first wait. */
    private void makeTimers() {
        if (showLater != null) {
            return;
        }
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        showLater = new PauseTransition(DELAY);
        showLater.setOnFinished(e -> {
            setVisible(true);
            tick();
            clock.play();
        });
    }

    private void tick() {
        long s = Math.round((System.nanoTime() - startedNanos) / 1e9);
        elapsed.setText(Messages.plural("wait.elapsed", (int) s));
    }

    /** The Stop button (tests). */
    Button stopButton() { return stop; }
}
