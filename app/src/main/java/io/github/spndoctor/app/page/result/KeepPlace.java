package io.github.spndoctor.app.page.result;

import io.github.spndoctor.app.ui.InView;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;

/**
 * Keeps the user's place while "Check again" runs. The button is disabled during the check, and JavaFX moves the focus
 * of a disabled node on to the next one — on the Result page the ticket-flow picture far below, and the page host
 * scrolls there. So the focus waits on the check's verdict meanwhile, the verdict is brought into view (as little
 * scrolling as possible) when the check starts and when its result is shown, and the focus returns to the button.
 */
final class KeepPlace {
    private KeepPlace() {}

    /**
     * @param verdictBox  the check's verdict box, brought into view
     * @param verdictText the verdict's text, which holds the focus while the check runs
     * @param fallback    holds the focus when the verdict is not shown yet
     */
    static void install(Button check, Node verdictBox, Node verdictText, Node fallback, ObservableBooleanValue busy,
                        Runnable action) {
        boolean[] following = {false};
        check.setOnAction(e -> {
            (verdictBox.isVisible() ? verdictText : fallback).requestFocus();
            following[0] = true;
            action.run();
            InView.show(verdictBox);
        });
        busy.addListener((o, was, now) -> {
            if (!now && following[0]) {
                following[0] = false;
                // the result is set right after the page stops being busy: look once it is there
                Platform.runLater(() -> {
                    InView.show(verdictBox);
                    Node owner = check.getScene() == null ? null : check.getScene().getFocusOwner();
                    if (owner == null || owner == verdictText || owner == fallback) {
                        check.requestFocus();
                    }
                });
            }
        });
    }
}
