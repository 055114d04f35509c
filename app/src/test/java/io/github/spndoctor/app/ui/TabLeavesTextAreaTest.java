package io.github.spndoctor.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tab and Shift+Tab leave an error's details (and any text area built by {@link Ui#code}) without typing a tab. */
@ExtendWith(ApplicationExtension.class)
class TabLeavesTextAreaTest {
    private Button before;
    private TextArea details;
    private Button after;

    @Start
    void start(Stage stage) {
        before = new Button("before");
        details = Ui.code("LDAP error 49: invalid credentials");
        after = new Button("after");
        stage.setScene(Theme.style(new Scene(new VBox(before, details, after), 400, 300)));
        stage.show();
    }

    @Test
    void tabMovesOn_shiftTabMovesBack_andTheTextStays() {
        FxRobot robot = new FxRobot();
        robot.interact(details::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(after.isFocused(), "Tab left the text area");
        assertEquals("LDAP error 49: invalid credentials", details.getText());
        robot.interact(details::requestFocus);
        robot.press(KeyCode.SHIFT).press(KeyCode.TAB).release(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(before.isFocused(), "Shift+Tab went back");
        assertEquals("LDAP error 49: invalid credentials", details.getText());
    }
}
