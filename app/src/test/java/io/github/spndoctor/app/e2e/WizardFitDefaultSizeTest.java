package io.github.spndoctor.app.e2e;

/**
 * The same checks as {@link WizardFitTest} at the size the app opens with (960×680, WizardApp): there long pages
 * are taller than the window, so they must scroll, and wrapped text must still be shown whole.
 */
class WizardFitDefaultSizeTest extends WizardFitTest {
    @Override
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage stage) {   // TestFX looks for @Start on the test class itself
        super.start(stage);
    }

    @Override
    double width() { return 960; }

    @Override
    double height() { return 680; }
}
