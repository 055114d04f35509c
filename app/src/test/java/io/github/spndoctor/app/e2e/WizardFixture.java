package io.github.spndoctor.app.e2e;

import io.github.spndoctor.app.Composition;
import io.github.spndoctor.app.task.FxTaskRunner;
import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Starts the real wizard (real task runner, real demo directory) in a TestFX stage, plus helpers to wait for it. */
final class WizardFixture {
    static final String SRV003 = "srv003.rwwilden01.local";
    static final String MSA_DN = "CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local";
    static final long TIMEOUT_S = 30;

    final DemoDirectory demo;
    final FxTaskRunner runner = new FxTaskRunner();
    final Path home;
    Composition composition;
    boolean closed;

    private final double width;
    private final double height;

    WizardFixture(DemoDirectory demo, Path home) {
        this(demo, home, 960, 700);
    }

    /** A wizard whose scene is {@code width} × {@code height}. */
    WizardFixture(DemoDirectory demo, Path home, double width, double height) {
        this.demo = demo;
        this.home = home;
        this.width = width;
        this.height = height;
    }

    void start(Stage stage) {
        FileDialogs files = (owner, title, name) -> Optional.of(home.resolve(name));
        composition = new Composition(new Composition.Settings(home, () -> demo, files,
                () -> new io.github.spndoctor.core.directory.connect.ProfileStore(home.resolve("profiles.json"))), runner, () -> closed = true);
        Scene scene = io.github.spndoctor.app.ui.Theme.style(new Scene(composition.shell(), width, height));
        stage.setScene(scene);
        stage.sizeToScene();   // TestFX reuses one stage: a size an earlier test set must not carry over
        stage.show();
        composition.startBackgroundWork();
    }

    /** Waits until the wizard is on {@code step} and not busy; says where it is instead when it never gets there. */
    void waitFor(io.github.spndoctor.app.wizard.Step step) {
        try {
            waitUntil(v -> composition.wizard().currentStep() == step && !composition.wizard().busyProperty().get());
        } catch (AssertionError e) {
            throw new AssertionError("waiting for " + step + " on " + composition.wizard().currentStep() + ", busy "
                    + composition.wizard().busyProperty().get(), e);
        }
    }

    /**
     * The wizard is idle, as a person finds it after reading the first page: the demo is ready and the other pages
     * are built and rehearsed (tests that look nodes up from their own thread must not race the preparation).
     */
    boolean ready() {
        return composition.connections().demoReady().isDone() && composition.pagesPrepared().isDone();
    }

    /**
     * From the first page to the Look up page, once the wizard is idle: Next, then srv003 with seed 000's error text
     * (both set, not typed), then Next. Returns when Next was pressed; the lookup may still run.
     */
    void describeSrv003(FxRobot robot) {
        waitUntil(v -> ready());
        robot.clickOn("#nextButton");
        waitFor(io.github.spndoctor.app.wizard.Step.SYMPTOM);
        robot.interact(() -> {
            robot.lookup("#symptomText").queryAs(javafx.scene.control.TextArea.class).setText(seed000ErrorText());
            robot.lookup("#targetField").queryAs(javafx.scene.control.TextField.class).setText(SRV003);
        });
        robot.clickOn("#nextButton");
    }

    void stop() {
        runner.close();
        demo.close();
    }

    /** The error text of seed 000 (Server Manager's "Configuration refresh failed … 0x80090322"). */
    static String seed000ErrorText() {
        try {
            String all = Files.readString(Path.of("..", "..", "shared", "seeds").toAbsolutePath().normalize()
                    .resolve(seedName()), StandardCharsets.UTF_8);
            int from = all.indexOf("Configuration refresh failed");
            int to = all.indexOf("winrm help config.", from) + "winrm help config.".length();
            return all.substring(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seedName() throws IOException {
        try (var s = Files.list(Path.of("..", "..", "shared", "seeds"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("000_")).findFirst().orElseThrow();
        }
    }

    /** True while the MSA still holds HTTP/srv003.rwwilden01.local in the demo directory (read straight from it). */
    boolean msaHoldsHttpSpn() throws Exception {
        Account msa = demo.readAccount(MSA_DN).orElseThrow();
        return msa.holds(Spn.parse("HTTP/" + SRV003));
    }

    static void waitUntil(Predicate<Void> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> condition.test(null));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Reads the scene graph on the FX thread: a lookup from the test thread races the FX thread while it adds nodes
     * (seen in CI as an IndexOutOfBoundsException inside the lookup).
     */
    static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scrolls the page so the node is in view, as a user would before clicking it (long pages scroll). */
    static void scrollTo(FxRobot robot, String query) {
        robot.interact(() -> {
            Node n = robot.lookup(query).query();
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    Node content = sp.getContent();
                    double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                    double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    if (room > 0) {
                        sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * Math.min(1, Math.max(0, y / room)));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the Connect page's folded trainer tools by clicking their title, as a trainer does. */
    static void openTrainerTools(FxRobot robot) {
        scrollTo(robot, "#trainerTools");
        robot.clickOn("#trainerTools .title");
        WaitForAsyncUtils.waitForFxEvents();
        if (!onFx(() -> robot.lookup("#trainerTools").queryAs(io.github.spndoctor.app.ui.Fold.class).isExpanded())) {
            throw new IllegalStateException("the trainer tools did not open");
        }
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    static boolean showing(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Saves the window as {@code name}.png when -Dspndoctor.screenshots=DIR is set (for looking at a page). */
    static void shot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("spndoctor.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = robot.listWindows().get(0).getScene().snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var reader = img[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
    }
}
