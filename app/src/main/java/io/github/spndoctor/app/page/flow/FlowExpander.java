package io.github.spndoctor.app.page.flow;

import io.github.spndoctor.app.ui.Presentation;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TitledPane;

/**
 * The ticket-flow picture behind an expander ("How the ticket travels"), for the Diagnosis page: closed, it takes one
 * line that still says how the ticket ends (the outcome badge), so the verdict and the top cause fit the first screen
 * at 1024×768; opened, it is the whole picture with its stepping buttons. It opens by itself when presentation mode
 * starts (trainers step through it) and closes again when it ends, unless the user had opened it.
 */
public final class FlowExpander extends TitledPane {
    private Presentation watched;
    private boolean openedByPresenting;

    public FlowExpander(TicketFlowView view) {
        setId(view.getId() + "-expander");
        getStyleClass().add("flow-expander");
        setGraphic(view.takeHeading());
        setContent(view);
        setExpanded(false);
        setAnimated(false);
        setMnemonicParsing(false);   // the page's Alt letters stay the page's
        setAccessibleText("How the ticket travels");
        setMaxWidth(Double.MAX_VALUE);
        ChangeListener<Boolean> presenting = (o, was, now) -> {
            if (now && !isExpanded()) {
                openedByPresenting = true;
                setExpanded(true);
            } else if (!now && openedByPresenting) {
                openedByPresenting = false;
                setExpanded(false);
            }
        };
        expandedProperty().addListener((o, was, now) -> {
            if (!now) {
                openedByPresenting = false;   // closed by hand: the end of presenting leaves it closed
            }
        });
        // the page is put into and out of the scene as the wizard moves: listen to one Presentation once
        sceneProperty().addListener((o, a, b) -> Presentation.of(b).filter(p -> p != watched).ifPresent(p -> {
            if (watched != null) {
                watched.presentingProperty().removeListener(presenting);
            }
            watched = p;
            p.presentingProperty().addListener(presenting);
            if (p.presentingProperty().get()) {
                presenting.changed(p.presentingProperty(), false, true);
            }
        }));
    }
}
