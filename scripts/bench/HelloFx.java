import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The baseline of the start-up benchmark: a bare JavaFX "hello window" (a label and a button), started exactly like
 * the wizard (plain main class, JavaFX from the same shaded jar on the class path). Prints the milliseconds from JVM
 * start to the second pulse after the window was shown, then exits.
 */
public class HelloFx {
    public static void main(String[] args) {
        // a plain main class, like io.github.spndoctor.app.Main: JavaFX is loaded from the class path
        Application.launch(App.class, args);
    }

    /** The bare window's content: a label and a button (the button gets the focus), at the wizard's default size. */
    static Scene scene() {
        return new Scene(new VBox(new Label("Hello"), new Button("_Next")), 960, 680);
    }

    /** The window. */
    public static class App extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(scene());
        stage.setTitle("Hello");
        stage.show();
        stage.getScene().getRoot().getChildrenUnmodifiable().get(1).requestFocus();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
                long ui = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.out.println("FIRST_PAGE_INTERACTIVE_MS=" + ms + " cpu=" + cpu / 1_000_000 + " uiCpu=" + ui / 1_000_000);
                Platform.exit();
            }
        }.start();
    }
    }
}
