package io.github.spndoctor.app.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.function.Function;

/**
 * A table cell that shows a status as icon + word + colour ({@link StatusBadge}); the tone comes from the status id,
 * the word from the row.
 */
public final class StatusCell<R> extends TableCell<R, R> {
    private final Function<R, String> id;
    private final Function<R, String> words;
    private final Label badge = new Label();

    public StatusCell(Function<R, String> id, Function<R, String> words) {
        this.id = id;
        this.words = words;
    }

    @Override
    protected void updateItem(R item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        StatusBadge.set(badge, Tone.ofSpnStatus(id.apply(item)), words.apply(item));
        setText(null);
        setGraphic(badge);
    }
}
