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
    private final Function<R, String> why;
    private final Label badge = new Label();
    /** Made when a row first has a reason to show (a tooltip is a window of its own: costly to make per cell). */
    private javafx.scene.control.Tooltip tip;

    /** @param why the reason behind the status, shown as the badge's tooltip (empty: none) */
    public StatusCell(Function<R, String> id, Function<R, String> words, Function<R, String> why) {
        this.id = id;
        this.words = words;
        this.why = why;
        badge.setWrapText(true);   // a long status wraps in its cell instead of ending in "…"
        badge.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(R item, boolean empty) {
        super.updateItem(item, empty);
        // the badge stays the cell's graphic, hidden on an empty row: taken out and put back, it would be styled anew
        // each time the table fills. It stays managed: a cell skinned while its graphic is unmanaged leaves the
        // graphic out of its children, and does not look again when the graphic becomes managed (a row cell made
        // empty and filled later would show no status at all)
        setText(null);
        setGraphic(badge);
        boolean shown = !empty && item != null;
        badge.setVisible(shown);
        if (!shown) {
            badge.setText("");
            badge.setAccessibleText(null);
            badge.setTooltip(null);
            return;
        }
        StatusBadge.set(badge, Tone.ofSpnStatus(id.apply(item)), words.apply(item));
        String reason = why.apply(item);
        if (reason == null || reason.isEmpty()) {
            badge.setTooltip(null);
        } else {
            if (tip == null) {
                tip = new javafx.scene.control.Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(420);
            }
            tip.setText(reason);
            badge.setTooltip(tip);
        }
    }
}
