package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.app.wizard.PageView;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

    public DiagnosisPage(DiagnosisPageModel model) {
        root.getStyleClass().add(Styles.PAGE);
        headline = Ui.heading(model.headlineProperty());
        headline.setId("diagnosisHeadline");
        Label note = Ui.text(model.noteProperty(), Styles.NOTE);
        cards.getStyleClass().add("cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.causes().addListener((ListChangeListener<CauseCard>) c -> rebuild(model));
        root.getChildren().addAll(headline, note, new QuestionPane(model.questions(), model.busyProperty()), scroll);
    }

    private void rebuild(DiagnosisPageModel model) {
        cards.getChildren().clear();
        int rank = 1;
        java.util.List<String> others = new java.util.ArrayList<>();
        for (CauseCard c : model.causes()) {
            if (rank > FULL_CARDS) {
                others.add(Messages.get("diagnosis.other", rank++, c.title(), c.confidenceText(), c.id()));
                continue;
            }
            VBox card = new VBox();
            card.getStyleClass().add(Styles.CARD);
            card.setId("cause-" + c.id());
            Label title = new Label(Messages.get("diagnosis.card.title", rank++, c.title(), c.confidenceText(), c.id()));
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            card.getChildren().add(title);
            for (String e : c.evidence()) {
                Label l = new Label(e);
                l.setWrapText(true);
                card.getChildren().add(l);
            }
            if (!c.why().isBlank()) {
                Label why = new Label(c.why() + "\n\n" + Messages.get("diagnosis.confidence", c.confidenceNumber()));
                why.setWrapText(true);
                TitledPane pane = new TitledPane(Messages.get("diagnosis.why"), why);
                pane.setExpanded(rank == 2);
                card.getChildren().add(pane);
            }
            if (!c.checks().isEmpty()) {
                card.getChildren().add(new Label(Messages.get("diagnosis.checks")));
                for (String check : c.checks()) {
                    Label l = new Label("• " + check);
                    l.setWrapText(true);
                    card.getChildren().add(l);
                }
            }
            cards.getChildren().add(card);
        }
        if (!others.isEmpty()) {
            Label more = new Label(Messages.get("diagnosis.others") + "\n" + String.join("\n", others));
            more.setWrapText(true);
            more.getStyleClass().add(Styles.NOTE);
            cards.getChildren().add(more);
        }
    }

    @Override
    public Node root() { return root; }

    @Override
    public Node focusTarget() { return headline; }
}
