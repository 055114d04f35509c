package io.github.spndoctor.app.page.review;

import io.github.spndoctor.core.render.Format;
import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Map;

/** View of the Review page: numbered changes, warnings, recheck state, and one preview tab per format. */
public final class ReviewPage implements PageView {
    private final VBox root = new VBox();
    private final VBox changes = new VBox();
    private final VBox warnings = new VBox();
    private final TabPane tabs = new TabPane();
    private final FileDialogs files;
    private final VBox extras = new VBox();

    @Override
    public VBox extras() { return extras; }

    public ReviewPage(ReviewPageModel model, FileDialogs files) {
        this.files = files;
        root.getStyleClass().add(Styles.PAGE);
        changes.setId("reviewChanges");
        changes.setFocusTraversable(false);
        model.changes().addListener((ListChangeListener<String>) c -> fill(changes, model.changes(), "change"));
        warnings.setId("reviewWarnings");
        warnings.getStyleClass().add("cards");
        model.warnings().addListener((ListChangeListener<String>) c -> {
            // warnings stand out: each in a box with an icon and the warning colour
            warnings.getChildren().clear();
            for (String w : model.warnings()) {
                warnings.getChildren().add(io.github.spndoctor.app.ui.Callout.of(io.github.spndoctor.app.ui.Tone.WARNING, w));
            }
        });
        Label recheck = Ui.text(model.recheckProperty(), Styles.NOTE);
        recheck.setId("recheck");
        tabs.setId("previewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        tabs.setMinHeight(180);
        model.previewsChangedProperty().addListener((o, a, b) -> buildTabs(model));
        Label error = Ui.error(model.errorProperty());
        error.setId("reviewError");
        Label notice = Ui.text(model.noticeProperty(), Styles.NOTE);
        notice.setId("reviewNotice");
        Button copy = new Button(Messages.get("button.copy"));
        copy.setId("copyPreview");
        copy.setMnemonicParsing(true);
        copy.setOnAction(a -> selected().ifPresent(f -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.previews().get(f));
            Clipboard.getSystemClipboard().setContent(content);
        }));
        Button save = new Button(Messages.get("button.saveAs"));
        save.setId("savePreview");
        save.setMnemonicParsing(true);
        save.setOnAction(a -> selected().ifPresent(f -> files.saveFile(root, f.label(), "spn-doctor-plan." + f.extension())
                .ifPresent(file -> model.save(f, file))));
        HBox buttons = new HBox(copy, save);
        buttons.getStyleClass().add("button-row");
        Label story = Ui.text(model.breakStoryProperty(), Styles.NOTE);
        story.setId("breakStory");
        Ui.hideWhenEmpty(story, model.breakStoryProperty());
        root.getChildren().addAll(story, changes, warnings, recheck, extras, tabs, buttons, error, notice);
        model.scriptForClipboardProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(b);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        buildTabs(model);
    }

    private static void fill(VBox box, java.util.List<String> lines, String style) {
        box.getChildren().clear();
        for (String s : lines) {
            Label l = Ui.wrapped(s, style);
            box.getChildren().add(l);
        }
    }

    private void buildTabs(ReviewPageModel model) {
        tabs.getTabs().clear();
        for (Map.Entry<Format, String> e : model.previews().entrySet()) {
            TextArea area = Ui.code(e.getValue());
            area.setId("preview-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT));
            Tab tab = new Tab(e.getKey().label(), area);
            tab.setUserData(e.getKey());
            tab.setId("tab-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
        }
    }

    private java.util.Optional<Format> selected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? java.util.Optional.empty() : java.util.Optional.of((Format) t.getUserData());
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return tabs; }
}
