import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The noise floor of the frame-gap benchmark: a bare JavaFX window (the start-up baseline's label and button) that
 * does nothing while an AnimationTimer runs for SECONDS (default 50, about as long as PulseGap's walk). Prints the
 * longest gap between two frames and how many gaps passed 50 and 100 ms. A gap here is the machine's, not the app's:
 * the wizard's own gaps can only be judged above this floor.
 */
public class IdleGap {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window. */
    public static class App extends Application {
        @Override
        public void start(Stage stage) {
            long seconds = getParameters().getRaw().isEmpty() ? 50 : Long.parseLong(getParameters().getRaw().get(0));
            stage.setScene(HelloFx.scene());   // the start-up baseline's window
            stage.show();
            new AnimationTimer() {
                private long frames;
                private long last;
                private long first;
                private long max;
                private int over50;
                private int over100;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (++frames > 5) {
                        long gap = t - last;
                        max = Math.max(max, gap);
                        over50 += gap > 50_000_000L ? 1 : 0;
                        over100 += gap > 100_000_000L ? 1 : 0;
                    } else {
                        first = t;
                    }
                    last = t;
                    if (t - first > seconds * 1_000_000_000L) {
                        stop();
                        System.out.printf("IDLE_SECONDS=%d FRAMES=%d MAX_FRAME_GAP_MS=%.1f GAPS_OVER_50_MS=%d GAPS_OVER_100_MS=%d%n",
                                seconds, frames, max / 1e6, over50, over100);
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}
