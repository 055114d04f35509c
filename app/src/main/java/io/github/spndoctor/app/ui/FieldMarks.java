package io.github.spndoctor.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Marks a form field while its page model reports an error for it: ControlsFX's validation support puts the
 * {@code error} style class on it (a red border in app.css) and keeps the message per field.
 * The model decides what is wrong and says it in words under the field; this class only shows it on the field too.
 */
public final class FieldMarks {
    private final ValidationSupport support = new ValidationSupport();

    public FieldMarks() {
        // the style-class decoration only: ControlsFX's graphic one drew its icon half outside the field, and the
        // words under the field already carry the error icon
        support.setValidationDecorator(new StyleClassValidationDecoration());
    }

    /** Marks {@code field} whenever {@code error} is not empty, and unmarks it when the error clears. */
    public void mark(Control field, ObservableStringValue error) {
        support.registerValidator(field, false, (Control c, Object value) -> {
            String message = error.get();
            return ValidationResult.fromErrorIf(c, message == null ? "" : message, message != null && !message.isEmpty());
        });
        error.addListener(o -> support.revalidate(field));
    }

    /** Whether ControlsFX currently holds an error for {@code field} (for tests and the view's own checks). */
    public boolean marked(Control field) {
        return support.getHighestMessage(field).isPresent();
    }
}
