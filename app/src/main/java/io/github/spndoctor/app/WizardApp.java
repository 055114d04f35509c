package io.github.spndoctor.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: opens the SPN Doctor wizard. */
public class WizardApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("SPN Doctor");
        stage.setScene(new Scene(new Label("SPN Doctor"), 900, 640));
        stage.show();
    }
}
