package io.github.spndoctor.app;

import io.github.spndoctor.app.task.FxTaskRunner;
import io.github.spndoctor.app.ui.Messages;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: shows the wizard at once and starts the demo directory in the background, so the first
 * page is interactive while the directory loads.
 */
public class WizardApp extends Application {
    private FxTaskRunner runner;
    private Composition composition;

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        composition = new Composition(Composition.Settings.defaults(), runner, stage::close);
        Scene scene = new Scene(composition.shell(), 960, 680);
        scene.getStylesheets().add(WizardApp.class.getResource("app.css").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.show();
        composition.startBackgroundWork();
        if (Boolean.getBoolean("spndoctor.startupProbe")) {
            StartupProbe.report(scene);
        }
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
