package io.github.spndoctor.app.ui;

import javafx.css.PseudoClass;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fold builds its content once, on first opening; a click, Space or a screen reader opens and closes it. */
@ExtendWith(ApplicationExtension.class)
class FoldTest {
    private final AtomicInteger built = new AtomicInteger();
    private Fold fold;
    private Label inside;

    @Start
    void start(Stage stage) {
        fold = Ui.fold("Trainer tools", "tools", () -> {
            built.incrementAndGet();
            inside = new Label("scenarios");
            return inside;
        });
        stage.setScene(Theme.style(new Scene(new VBox(new Button("before"), fold), 500, 300)));
        stage.show();
    }

    private static boolean has(Fold f, String pseudoClass) {
        return f.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void closed_buildsNothing_andWearsTheTitledPaneClasses() {
        assertEquals(0, built.get());
        assertFalse(fold.isExpanded());
        assertEquals(1, fold.getChildren().size(), "only the title line");
        assertTrue(fold.getStyleClass().contains("titled-pane") && fold.title().getStyleClass().contains("title"));
        assertFalse(fold.title().getStyleClass().contains("toggle-button"), "drawn as a titled pane's title, not a toggle");
        assertTrue(has(fold, "collapsed") && !has(fold, "expanded"));
        assertEquals("tools", fold.getId());
        assertNotNull(fold.lookup(".arrow-button > .arrow"), "the theme's arrow");
    }

    @Test
    void aClickOpens_onceBuilt_theSameContentComesBack() {
        FxRobot robot = new FxRobot();
        robot.clickOn(fold.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fold.isExpanded());
        assertEquals(1, built.get());
        assertTrue(has(fold, "expanded") && !has(fold, "collapsed"));
        assertSame(inside, fold.lookup(".content").lookup(".label"), "the content sits in the theme's content region");
        robot.clickOn(fold.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fold.isExpanded());
        assertEquals(1, fold.getChildren().size());
        robot.interact(() -> fold.setExpanded(true));
        assertEquals(1, built.get(), "built once");
        assertSame(inside, fold.getChildren().get(1).lookup(".label"));
    }

    @Test
    void focusGoesToTheTitle_andSpaceToggles() {
        FxRobot robot = new FxRobot();
        robot.interact(fold::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fold.title().isFocused(), "the box passes the focus to its line");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fold.isExpanded());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fold.isExpanded());
    }

    @Test
    void screenReaders_hearATitledPane_andCanOpenIt() {
        FxRobot robot = new FxRobot();
        assertEquals(AccessibleRole.TITLED_PANE, fold.title().getAccessibleRole());
        assertEquals(Boolean.FALSE, fold.title().queryAccessibleAttribute(AccessibleAttribute.EXPANDED));
        robot.interact(() -> fold.title().executeAccessibleAction(AccessibleAction.EXPAND));
        assertTrue(fold.isExpanded());
        assertEquals(Boolean.TRUE, fold.title().queryAccessibleAttribute(AccessibleAttribute.EXPANDED));
        assertEquals("Trainer tools", fold.title().queryAccessibleAttribute(AccessibleAttribute.TEXT));
        robot.interact(() -> fold.title().executeAccessibleAction(AccessibleAction.COLLAPSE));
        assertFalse(fold.isExpanded());
    }
}
