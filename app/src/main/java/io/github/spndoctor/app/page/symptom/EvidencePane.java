package io.github.spndoctor.app.page.symptom;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;

/**
 * The Symptom page's evidence area: open files (a file dialog), paste from the clipboard, or drop files onto it;
 * then "From your evidence: …" lines with the file and event each fact came from, and a disagreement with the typed
 * name. Reading happens off the UI thread ({@link EvidencePaneModel}).
 */
public final class EvidencePane extends VBox {
    private final VBox lines = new VBox(6);

    public EvidencePane(EvidencePaneModel model, ObservableStringValue typedTarget) {
        setId("evidencePane");
        setSpacing(4);
        Button open = new Button(Messages.get("evidence.open"));
        open.setId("evidenceOpen");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("evidence.open.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(Messages.get("evidence.filter.evidence"), "*.xml", "*.txt", "*.log", "*.evtx"),
                    new FileChooser.ExtensionFilter(Messages.get("evidence.filter.all"), "*"));
            List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
            if (files != null) {
                model.addFiles(files.stream().map(File::toPath).toList());
            }
        });
        Button paste = new Button(Messages.get("evidence.paste"));
        paste.setId("evidencePaste");
        paste.setOnAction(e -> {
            Clipboard cb = Clipboard.getSystemClipboard();
            if (cb.hasFiles()) {
                model.addFiles(cb.getFiles().stream().map(File::toPath).toList());
            } else if (cb.hasString()) {
                model.addText(cb.getString());
            }
        });
        Button clear = new Button(Messages.get("evidence.clear"));
        clear.setId("evidenceClear");
        clear.disableProperty().bind(model.evidenceProperty().isEqualTo(io.github.spndoctor.core.evidence.EvidenceSet.EMPTY));
        clear.setOnAction(e -> model.clear());
        Label hint = new Label(Messages.get("evidence.hint"));
        hint.getStyleClass().add(Styles.NOTE);
        hint.setWrapText(true);
        Label reading = Ui.text(model.readingProperty(), Styles.NOTE);
        reading.setId("evidenceReading");
        Ui.hideWhenEmpty(reading, model.readingProperty());
        lines.setId("evidenceLines");
        HBox buttons = new HBox(8, open, paste, clear);
        getChildren().addAll(new Label(Messages.get("evidence.label")), buttons, hint, reading, lines);

        setOnDragOver(this::dragOver);
        setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                model.addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                ok = true;
            } else if (e.getDragboard().hasString()) {
                model.addText(e.getDragboard().getString());
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        Runnable refresh = () -> show(EvidencePaneModel.lines(model.evidenceProperty().get(),
                EvidencePaneModel.typed(typedTarget.get())));
        model.evidenceProperty().addListener((o, a, b) -> refresh.run());
        typedTarget.addListener((o, a, b) -> refresh.run());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void show(List<String> text) {
        lines.getChildren().clear();
        for (String t : text) {
            Label l = new Label(t);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // read in full: the page scrolls instead
            if (t.startsWith(Messages.get("evidence.problem", "").strip())) {
                l.getStyleClass().add(Styles.ERROR);
            }
            lines.getChildren().add(l);
        }
    }
}
