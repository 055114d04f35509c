package io.github.spndoctor.app.wizard;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The wizard's Enter key: it does the page's main action and never closes the wizard. JavaFX lets Enter press the
 * focused button, so with the focus on Cancel (or Close) Enter would quit, and on a radio button or check box it
 * does nothing; here Enter on those presses the primary button instead (unless that would commit a change to a live
 * directory, see {@link WizardShell#enterMayPressPrimary()}). Enter in a multi-line text area still breaks the line,
 * on any other button it presses that button, and in an open list it picks the item.
 */
final class KeyRouting {
    private KeyRouting() {}

    static void install(WizardShell shell, WizardModel model, Button primary, Button cancel) {
        shell.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isAltDown() || e.isControlDown() || e.isShiftDown() || e.isMetaDown()) {
                return;
            }
            Node focus = shell.getScene() == null ? null : shell.getScene().getFocusOwner();
            if (focus instanceof TextArea || focus instanceof TableView<?> || (focus instanceof ComboBox<?> c && c.isShowing())) {
                return;
            }
            boolean otherButton = focus instanceof Button b && b != primary && b != cancel;
            if (otherButton || (focus instanceof TextInputControl && primary.isDefaultButton())) {
                return;   // a button of the page does its own action; a field lets the default button act
            }
            if (focus == cancel || focus instanceof ButtonBase || !primary.isDefaultButton()) {
                e.consume();
                if (primary.isVisible() && !primary.isDisabled() && shell.enterMayPressPrimary()) {
                    primary.fire();
                }
            }
        });
    }
}
