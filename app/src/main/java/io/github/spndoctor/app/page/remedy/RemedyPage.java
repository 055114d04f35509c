package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.StatusBadge;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import io.github.spndoctor.core.remedy.RemedyOption;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.List;

/** View of the Remedy page: one choice per remedy, with what it does or why it does not apply here. */
public final class RemedyPage implements PageView {
    private final VBox root = new VBox();
    private final VBox options = new VBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Label note;
    private final VBox extras = new VBox();

    private final RemedyPageModel model;

    public RemedyPage(RemedyPageModel model) {
        this.model = model;
        root.getStyleClass().add(Styles.PAGE);
        note = Ui.heading(model.noteProperty());
        note.setId("remedyNote");
        Ui.hideWhenEmpty(note, model.noteProperty());
        options.getStyleClass().add("cards");
        Label error = Ui.error(model.errorProperty());
        error.setId("remedyError");
        model.choices().addListener((ListChangeListener<RemedyOption>) c -> rebuild(model.choices(), model.selectedProperty().get()));
        model.selectedProperty().addListener((o, a, b) -> {
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == b));
            // a choice preselected by the model after the page was shown gets the keyboard (Enter then reviews it)
            if (root.getScene() != null && group.getSelectedToggle() instanceof RadioButton r && !r.isFocused()) {
                javafx.application.Platform.runLater(r::requestFocus);
            }
        });
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set((RemedyOption) b.getUserData());
            }
        });
        javafx.scene.layout.HBox noteBox = io.github.spndoctor.app.ui.Callout.of(Tone.FINE, "");
        noteBox.getChildren().set(1, note);
        javafx.scene.layout.HBox.setHgrow(note, javafx.scene.layout.Priority.ALWAYS);
        Ui.hideWhenEmpty(noteBox, model.noteProperty());
        root.getChildren().addAll(noteBox, options, error, extras);
    }

    @Override
    public VBox extras() { return extras; }

    private void rebuild(List<RemedyOption> choices, RemedyOption selected) {
        options.getChildren().clear();
        group.getToggles().clear();
        // the page leads with what can fix what was found; remedies for other causes and those that cannot help this
        // host are listed apart, folded, and their cards built when the user opens the list (every card at once costs
        // the first display too much). Without a cause found, every applicable remedy is shown.
        boolean causeFound = choices.stream().anyMatch(RemedyOption::fitsCause);
        List<RemedyOption> otherCauses = new java.util.ArrayList<>();
        List<RemedyOption> elsewhere = new java.util.ArrayList<>();
        for (RemedyOption c : choices) {
            if (!c.applicable()) {
                elsewhere.add(c);
            } else if (causeFound && !c.fitsCause()) {
                otherCauses.add(c);
            } else {
                options.getChildren().add(card(c, selected, group));
            }
        }
        if (!otherCauses.isEmpty()) {
            options.getChildren().add(folded(Messages.plural("remedy.otherCauses", otherCauses.size()), "otherCauses", otherCauses, selected));
        }
        if (!elsewhere.isEmpty()) {
            options.getChildren().add(folded(Messages.plural("remedy.others", elsewhere.size()), "otherRemedies", elsewhere, selected));
        }
        // the choices arrive after the page was shown: put the keyboard on the preselected one
        if (root.getScene() != null && group.getSelectedToggle() instanceof RadioButton r) {
            javafx.application.Platform.runLater(r::requestFocus);
        }
    }

    private io.github.spndoctor.app.ui.Fold folded(String title, String id, List<RemedyOption> list, RemedyOption selected) {
        return Ui.fold(title, id, () -> {
            VBox folded = new VBox();
            folded.getStyleClass().add("cards");
            list.forEach(c -> folded.getChildren().add(card(c, selected, group)));
            return folded;
        });
    }

    private static VBox card(RemedyOption c, RemedyOption selected, ToggleGroup group) {
        RadioButton r = Ui.wrap(new RadioButton(c.title()));
        r.setId("remedy-" + c.id());
        r.setMnemonicParsing(false);
        r.setUserData(c);
        r.setToggleGroup(group);
        r.setDisable(!c.applicable());
        r.setSelected(c == selected);
        r.getStyleClass().add("card-title");
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(r);
        head.getStyleClass().add("button-row");
        javafx.scene.layout.HBox.setHgrow(r, javafx.scene.layout.Priority.ALWAYS);
        r.setMaxWidth(Double.MAX_VALUE);
        if (c.recommended() && c.applicable()) {
            head.getChildren().add(StatusBadge.of(Tone.GOOD, Messages.get("remedy.badge.recommended")));
        } else if (!c.applicable()) {
            head.getChildren().add(StatusBadge.of(Tone.UNKNOWN, Messages.get("remedy.badge.notApplicable")));
        }
        // the whole description, wrapped: it is never cut off
        Label d = Ui.wrapped(c.description(), Styles.NOTE);
        VBox box = new VBox(head, d);
        if (!c.applicable()) {
            box.getChildren().add(Ui.wrapped(Messages.get("remedy.whyNot", c.whyNot()), null));
            box.getStyleClass().add("not-applicable");
        } else {
            if (!c.why().isBlank()) {
                box.getChildren().add(Ui.wrapped(c.why(), null));
            }
            if (c.recommended()) {
                box.getStyleClass().add("recommended");
            }
        }
        if (!c.risk().isBlank()) {
            Label risk = Ui.wrapped(Messages.get("remedy.risk", c.risk()), Styles.NOTE);
            risk.setId("risk-" + c.id());
            box.getChildren().add(risk);
        }
        box.getStyleClass().add(Styles.CARD);
        // a click anywhere on the card picks it
        box.setOnMouseClicked(e -> {
            if (!r.isDisabled()) {
                r.setSelected(true);
            }
        });
        return box;
    }

    /**
     * One step per kind of card (recommended, not applicable with its reason, the folded list of the others), each
     * laid out beside the page's own cards and taken out again; the sample radio buttons join a group of their own.
     */
    @Override
    public java.util.List<Runnable> rehearsal() {
        RemedyOption on = new RemedyOption("rehearsal", "Remove the SPN from the service account",
                "What a remedy does, in a sentence or two that wrap across the width of the page like the real ones.",
                true, true, true, "The evidence points at this remedy.");
        RemedyOption off = new RemedyOption("rehearsal-off", "Register port SPNs", "A second description.",
                false, true, false, "This client cannot ask for a port SPN.");
        return List.of(
                () -> PageView.layOutWith(root, options, card(on, null, new ToggleGroup())),
                () -> PageView.layOutWith(root, options, card(off, null, new ToggleGroup())),
                () -> {
                    io.github.spndoctor.app.ui.Fold fold = Ui.fold(Messages.plural("remedy.others", 2), null, VBox::new);
                    fold.setExpanded(true);
                    PageView.layOutWith(root, options, fold);
                });
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() {
        return group.getSelectedToggle() instanceof RadioButton r ? r
                : options.getChildren().isEmpty() ? note : options.getChildren().get(0);   // a card, or the folded list
    }
}
