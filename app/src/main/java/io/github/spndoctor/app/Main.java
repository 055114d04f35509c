package io.github.spndoctor.app;

import io.github.spndoctor.app.cli.SpnDoctorCommand;
import javafx.application.Application;

/**
 * Entry point of {@code spn-doctor.jar}. No arguments: the wizard. Anything else: the command line
 * ({@code --help} lists the subcommands). A plain class, not an {@code Application}, so JavaFX can load from the
 * class path of a single jar.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Preload.start();
            Application.launch(WizardApp.class);
            return;
        }
        System.exit(SpnDoctorCommand.run(args));
    }
}
