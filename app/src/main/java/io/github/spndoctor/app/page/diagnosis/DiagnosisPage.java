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
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** View of the Diagnosis page: one card per ranked cause, with its evidence and an expandable "why". */
public final class DiagnosisPage implements PageView {
    /** Causes shown as full cards; the less likely rest are listed one line each. */
    static final int FULL_CARDS = 5;
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
        model.causes().addListener((ListChangeListener<io.github.spndoctor.core.diagnosis.CauseSummary>) c -> rebuild(model));
        // the page host scrolls the whole page; the cards are not a scroll area of their own
        root.getChildren().addAll(verdict, note, new QuestionPane(model.questions(), model.busyProperty()), extras, cards);
    }

    @Override
    public VBox extras() { return extras; }

    private void rebuild(DiagnosisPageModel model) {
        cards.getChildren().clear();
        int rank = 1;
        java.util.List<String> others = new java.util.ArrayList<>();
        for (io.github.spndoctor.core.diagnosis.CauseSummary c : model.causes()) {
            if (rank > FULL_CARDS) {
                others.add(Messages.get("diagnosis.other", rank++, c.title(), words(c)));
                continue;
            }
            VBox card = new VBox();
            card.getStyleClass().add(Styles.CARD);
            card.setId("cause-" + c.id());
            Label title = Ui.wrapped(Messages.get("diagnosis.card.title", rank++, c.title()), "card-title");
            Label likelihood = StatusBadge.of(likelihoodTone(c), words(c));
            likelihood.setAccessibleText(Messages.get("diagnosis.likelihood.a11y", words(c)));
            javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(title, likelihood);
            head.getStyleClass().add("button-row");
            javafx.scene.layout.HBox.setHgrow(title, Priority.ALWAYS);
            title.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(head);
            for (String e : c.evidence()) {
                card.getChildren().add(Ui.wrapped(e, null));
            }
            if (!c.why().isBlank()) {
                // the number and the cause id are details: in the "why" pane, not in the main text
                Label why = Ui.wrapped(c.why() + "\n\n" + Messages.get("diagnosis.card.details", c.confidenceNumber(), c.id()), null);
                TitledPane pane = new TitledPane(Messages.get("diagnosis.why"), why);
                pane.setExpanded(rank == 2);
                card.getChildren().add(pane);
            }
            if (!c.checks().isEmpty()) {
                card.getChildren().add(new Label(Messages.get("diagnosis.checks")));
                for (String check : c.checks()) {
                    card.getChildren().add(Ui.wrapped("• " + check, null));
                }
            }
            cards.getChildren().add(card);
        }
        if (!others.isEmpty()) {
            Label more = Ui.wrapped(Messages.get("diagnosis.others") + "\n" + String.join("\n", others), Styles.NOTE);
            cards.getChildren().add(more);
        }
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
