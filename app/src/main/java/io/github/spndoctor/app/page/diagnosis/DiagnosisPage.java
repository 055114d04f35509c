package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.StatusBadge;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** View of the Diagnosis page: one card per ranked cause, with its evidence and an expandable "why". */
public final class DiagnosisPage implements PageView {
    /** Causes shown as full cards; the less likely rest are listed one line each. */
    static final int FULL_CARDS = 5;
    /** Cards shown in the frame the diagnosis arrives in; the others follow one frame later. */
    static final int AT_ONCE = 2;
    /** Counts rebuilds: a later one drops the cards an earlier one still had to add. */
    private int rebuilds;
    private final VBox root = new VBox();
    private final VBox cards = new VBox();
    private final Label headline;
    private final javafx.scene.layout.HBox verdict;
    private final VBox extras = new VBox();
    public DiagnosisPage(DiagnosisPageModel model) {
        root.getStyleClass().add(Styles.PAGE);
        headline = Ui.heading(model.headlineProperty());
        headline.setId("diagnosisHeadline");
        // the verdict first, boxed: icon + word + colour from core's verdict (the same box as on the Look up page)
        verdict = io.github.spndoctor.app.ui.VerdictBox.of(headline, model.hostVerdictProperty(), "diagnosisVerdictWord");
        Label note = Ui.text(model.noteProperty(), Styles.NOTE);
        cards.getStyleClass().add("cards");
        model.causes().addListener((ListChangeListener<io.github.spndoctor.core.diagnosis.CauseSummary>) c -> rebuild(model.causes()));
        // the page host scrolls the whole page; the cards are not a scroll area of their own
        root.getChildren().addAll(verdict, note, new QuestionPane(model.questions(), model.busyProperty()), extras, cards);
    }

    @Override
    public VBox extras() { return extras; }

    private void rebuild(java.util.List<io.github.spndoctor.core.diagnosis.CauseSummary> causes) {
        int generation = ++rebuilds;
        cards.getChildren().clear();
        java.util.List<Node> later = new java.util.ArrayList<>();
        int rank = 1;
        java.util.List<String> others = new java.util.ArrayList<>();
        for (io.github.spndoctor.core.diagnosis.CauseSummary c : causes) {
            if (rank > FULL_CARDS) {
                others.add(Messages.get("diagnosis.other", rank++, c.title(), words(c)));
            } else if (rank <= AT_ONCE) {
                cards.getChildren().add(card(c, rank++));
            } else {
                later.add(card(c, rank++));
            }
        }
        if (!others.isEmpty()) {
            later.add(Ui.wrapped(Messages.get("diagnosis.others") + "\n" + String.join("\n", others), Styles.NOTE));
        }
        // the top causes (what fits the first screen) in this frame, the rest in the next
        if (!later.isEmpty()) {
            io.github.spndoctor.app.ui.NextFrame.run(() -> {
                if (generation == rebuilds) {
                    cards.getChildren().addAll(later);
                }
            });
        }
    }

    private static VBox card(io.github.spndoctor.core.diagnosis.CauseSummary c, int rank) {
        VBox card = new VBox();
        card.getStyleClass().add(Styles.CARD);
        card.setId("cause-" + c.id());
        Label title = Ui.wrapped(Messages.get("diagnosis.card.title", rank, c.title()), "card-title");
        Label likelihood = StatusBadge.of(likelihoodTone(c), words(c));
        likelihood.setAccessibleText(Messages.get("diagnosis.likelihood.a11y", words(c)));
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(title, likelihood);
        head.getStyleClass().add("button-row");
        javafx.scene.layout.HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        card.getChildren().add(head);
        // one label per block, not per line: a card is a handful of nodes (CSS and layout cost per node)
        if (!c.evidence().isEmpty()) {
            card.getChildren().add(Ui.wrapped(String.join("\n", c.evidence()), null));
        }
        if (!c.why().isBlank()) {
            // the number and the cause id are details: in the "why" pane, not in the main text; built when opened
            String why = c.why() + "\n\n" + Messages.get("diagnosis.card.details", c.confidenceNumber(), c.id());
            io.github.spndoctor.app.ui.Fold pane = Ui.fold(Messages.get("diagnosis.why"), null, () -> Ui.wrapped(why, null));
            pane.setExpanded(rank == 1);
            card.getChildren().add(pane);
        }
        if (!c.checks().isEmpty()) {
            card.getChildren().add(Ui.wrapped(Messages.get("diagnosis.checks") + "\n• " + String.join("\n• ", c.checks()), null));
        }
        return card;
    }

    /**
     * One step per sample card, then the verdict box: each lays out a part shaped like a real diagnosis (the catalogue's
     * titles, explanations and checks; the open "why" of the first card) and takes it out again.
     */
    @Override
    public java.util.List<Runnable> rehearsal() {
        java.util.List<Runnable> steps = new java.util.ArrayList<>();
        for (int i = 0; i < Rehearsal.CAUSES.size(); i++) {
            var c = Rehearsal.CAUSES.get(i);
            int rank = i + 1;
            steps.add(() -> PageView.layOutWith(root, cards, card(c, rank)));
        }
        steps.add(() -> PageView.layOutWith(root, root, io.github.spndoctor.app.ui.VerdictBox.of(new Label(Rehearsal.VERDICT.lead()),
                new javafx.beans.property.SimpleObjectProperty<>(Rehearsal.VERDICT), "rehearsalVerdictWord")));
        return steps;
    }

    /** "very likely", "possible", … (core's words for a confidence; the number is in the details). */
    private static String words(io.github.spndoctor.core.diagnosis.CauseSummary c) {
        return c.likelihood().words();
    }

    private static Tone likelihoodTone(io.github.spndoctor.core.diagnosis.CauseSummary c) {
        return switch (c.likelihood()) {
            case VERY_LIKELY, LIKELY -> Tone.BAD;
            case POSSIBLE -> Tone.WARNING;
            case UNLIKELY -> Tone.FINE;
        };
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return headline; }
}
