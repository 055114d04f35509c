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
        StartupProbe.mark("start() entered");
        // before the first control exists: JavaFX then never loads Modena only to replace it (ADR 0105)
        io.github.spndoctor.app.ui.Theme.applyUserAgent();
        runner = new FxTaskRunner();
        composition = new Composition(Composition.Settings.defaults(), runner, stage::close);
        StartupProbe.mark("wizard built");
        Scene scene = io.github.spndoctor.app.ui.Theme.style(new Scene(composition.shell(), 960, 680));
        // the window's close box asks like Cancel does (a plan under way, changes applied); never while busy
        stage.setOnCloseRequest(e -> {
            if (!composition.wizard().mayClose()) {
                e.consume();
            }
        });
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.show();
        StartupProbe.mark("window shown");
        if (Boolean.getBoolean("spndoctor.startupProbe")) {
            StartupProbe.report(scene);
        }
        composition.startBackgroundWork();   // once the first page has been drawn
        if (Boolean.getBoolean("spndoctor.startupProbe")) {
            composition.pagesPrepared().thenRun(() -> StartupProbe.pagesPrepared());
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
