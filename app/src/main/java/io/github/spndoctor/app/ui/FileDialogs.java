package io.github.spndoctor.app.ui;

import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user where to save a file. An interface so tests can answer without a native dialog. */
public interface FileDialogs {
    Optional<Path> saveFile(Node owner, String title, String suggestedName);

    /** Asks for an existing file to open; by default the same chooser in open mode. */
    default Optional<Path> openFile(Node owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File f = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The platform's file chooser. */
    static FileDialogs system() {
        return (owner, title, name) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(name);
            File f = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
