package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.session.WizardSession;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rehearsal step runs on a page that is inside the scene, styled and sized (ADR 0106), even when no pulse comes
 * between the preparation's pieces: the first piece moves the page host into a scroll pane, whose skin (made at the
 * next CSS pass unless asked for) is what puts the host back into the scene. A step run outside it does nothing useful
 * (no CSS, no skins) and left the Look up table with one row cell, seen as an intermittent failure of
 * LookupTableRowsTest.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalInSceneTest {
    private WizardShell shell;
    /** What each rehearsal step found, per page: in the scene, the page's button skinned, the page sized. */
    private final List<String> seen = new ArrayList<>();

    /** A page with one button; its single rehearsal step notes what it finds. */
    private PageView page(Step step) {
        Button button = new Button("Button of " + step);
        VBox root = new VBox(button);
        return new PageView() {
            @Override
            public Node root() { return root; }

            @Override
            public Node focusTarget() { return button; }

            @Override
            public List<Runnable> rehearsal() {
                return List.of(() -> {
                    root.applyCss();
                    root.layout();
                    seen.add(step + (root.getScene() == null ? " outside the scene" : " in the scene")
                            + (button.getSkin() == null ? ", no skin" : ", skinned")
                            + (root.getWidth() > 0 && root.getHeight() > 0 ? ", sized" : ", no size"));
                });
            }
        };
    }

    @Start
    void start(Stage stage) {
        List<PageModel> models = new ArrayList<>();
        Map<Step, Supplier<PageView>> views = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            models.add(new WizardModelTest.FakePage(s));
            views.put(s, () -> page(s));
        }
        WizardModel model = new WizardModel(models, () -> { });
        model.start();
        shell = new WizardShell(model, new WizardSession(), views);
        stage.setScene(new Scene(shell, 1024, 768));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void everyStepRunsInTheSceneWhenNoPulseComesBetweenThePieces(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();   // the first page is laid out, as the app's first frame is
        boolean[] done = {false};
        robot.interact(() -> shell.prepareRemainingPages(() -> done[0] = true, work -> {
            for (Runnable next = work.poll(); next != null; next = work.poll()) {
                next.run();   // all in this one turn: no pulse between two pieces
            }
        }));
        assertTrue(done[0], "the preparation ran to its end");
        List<String> expected = new ArrayList<>();
        for (Step s : Step.values()) {
            if (s != Step.CONNECT) {   // the shown page is not rehearsed
                for (int round = 0; round < WizardShell.REHEARSAL_ROUNDS; round++) {
                    expected.add(s + " in the scene, skinned, sized");
                }
            }
        }
        assertEquals(expected, seen);
    }
}
