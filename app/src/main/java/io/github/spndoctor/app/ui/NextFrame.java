package io.github.spndoctor.app.ui;

import javafx.animation.AnimationTimer;

/**
 * Work for the next frame: a page that has much to show puts the first part on screen at once and the rest one frame
 * later, so no single frame waits for all of it (the longest pause between two frames is what a user sees as a freeze).
 */
public final class NextFrame {
    private NextFrame() {}

    /** Runs {@code work} on the UI thread at the start of the next pulse (after this one was drawn). */
    public static void run(Runnable work) {
        new AnimationTimer() {
            private boolean first = true;

            @Override
            public void handle(long now) {
                if (first) {
                    first = false;   // the pulse that was already due: let it draw what is there
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
