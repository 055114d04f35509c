package io.github.spndoctor.app.shots;

import io.github.spndoctor.app.Composition;
import io.github.spndoctor.app.task.FxTaskRunner;
import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.ui.Theme;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Screenshots of every wizard step, taken from the app itself at 1024×768 on the demo directory, for the README and
 * for looking at the pages: {@code scripts/screenshots.sh [OUT_DIR] [HOST...]}. Writes {@code step-N-name.png} for
 * the first host and {@code HOST-N-name.png} for every host. The wizard runs with its real task runner; the driver
 * only types what a user would and presses the primary button.
 */
public final class Screenshots {
    static final String SYMPTOM = "Connecting to remote server %s failed with the following error message : WinRM cannot "
            + "process the request. The following error with errorcode 0x80090322 occurred while using Kerberos "
            + "authentication: An unknown security error occurred.";
    private static Path out;
    private static List<String> hosts;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        hosts = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("srv003.rwwilden01.local");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try {
            boolean first = true;
            for (String host : hosts) {
                new Screenshots().shoot(host, first);
                first = false;
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        Platform.exit();
        System.exit(0);
    }

    private void shoot(String host, boolean readme) throws Exception {
        Path home = Files.createTempDirectory("spn-doctor-shots");
        DemoDirectory demo = DemoDirectory.start();
        FxTaskRunner runner = new FxTaskRunner();
        FileDialogs files = (owner, title, name) -> Optional.of(home.resolve(name));
        Composition c = fx(() -> {
            Composition comp = new Composition(new Composition.Settings(home, () -> demo, files,
                    () -> new io.github.spndoctor.core.directory.connect.ProfileStore(home.resolve("profiles.json"))), runner, () -> { });
            Stage stage = new Stage();
            stage.setScene(Theme.style(new Scene(comp.shell(), 1024, 768)));
            stage.setTitle("SPN Doctor");
            stage.show();
            comp.startBackgroundWork();
            return comp;
        });
        waitFor(() -> c.connections().demoReady().isDone() && c.pagesPrepared().isDone());
        settle(c);
        save(c, host, Step.CONNECT, readme);
        if (EXTRAS) {
            // the trainer tools open under their fold (ui/Fold), then folded again for the walk
            openFold(c, "#trainerTools", true);
            saveExtra(c, host, "1-connect-trainer-tools");
            openFold(c, "#trainerTools", false);
        }
        fx(() -> { c.wizard().next(); return null; });
        waitFor(() -> c.wizard().currentStep() == Step.SYMPTOM);
        fx(() -> {
            Scene s = c.shell().getScene();
            ((TextInputControl) s.lookup("#symptomText")).setText(String.format(SYMPTOM, host));
            ((TextInputControl) s.lookup("#targetField")).setText(host);
            return null;
        });
        settle(c);
        save(c, host, Step.SYMPTOM, readme);
        if (EXTRAS) {
            // presentation mode: larger text, the symptom text with a password blanked
            fx(() -> {
                Scene s = c.shell().getScene();
                TextInputControl t = (TextInputControl) s.lookup("#symptomText");
                String before = t.getText();
                t.setText("PS> Enter-PSSession " + host + " -Credential $c   # password=Secr3t-Pa55\n" + before);
                io.github.spndoctor.app.ui.Presentation.of(s).orElseThrow().presentingProperty().set(true);
                return null;
            });
            settle(c);
            saveExtra(c, host, "2-symptom-presenting");
            fx(() -> {
                Scene s = c.shell().getScene();
                io.github.spndoctor.app.ui.Presentation.of(s).orElseThrow().presentingProperty().set(false);
                ((TextInputControl) s.lookup("#symptomText")).setText(String.format(SYMPTOM, host));
                return null;
            });
            settle(c);
        }
        for (Step step : new Step[] {Step.LOOKUP, Step.DIAGNOSIS, Step.REMEDY, Step.REVIEW, Step.RESULT}) {
            Step before = c.wizard().currentStep();
            fx(() -> { c.wizard().next(); return null; });
            Thread.sleep(300);
            waitFor(() -> c.wizard().currentStep() != before || !c.wizard().busyProperty().get());
            waitFor(() -> !c.wizard().busyProperty().get());
            if (c.wizard().currentStep() == before) {
                settle(c);
                break;   // the page does not go on (nothing to fix): its picture is already taken
            }
            settle(c);
            save(c, host, step, readme);
            if (EXTRAS && step == Step.REMEDY && fx(() -> c.shell().getScene().lookup("#otherRemedies") != null)) {
                // the remedies folded away: the lists open, the page scrolled to them
                openFold(c, "#otherRemedies", true);
                fx(() -> { scrollTo(c, "#otherRemedies"); return null; });
                settle(c);
                saveExtra(c, host, "5-remedy-folds");
            }
            if (EXTRAS && step == Step.RESULT) {
                // Check again, pressed from the keyboard focus: the page keeps its place and shows the verdict
                fx(() -> {
                    javafx.scene.control.Button b = (javafx.scene.control.Button) c.shell().getScene().lookup("#checkAgain");
                    b.requestFocus();
                    b.fire();
                    return null;
                });
                settle(c);
                saveExtra(c, host, "7-result-check-again");
            }
            if (EXTRAS && (step == Step.DIAGNOSIS || step == Step.RESULT)) {
                String id = step == Step.DIAGNOSIS ? "#diagnosisFlow" : "#resultFlow";
                if (step == Step.DIAGNOSIS) {
                    fx(() -> {   // the picture waits behind its expander on the Diagnosis page
                        ((javafx.scene.control.TitledPane) c.shell().getScene().lookup(id + "-expander")).setExpanded(true);
                        return null;
                    });
                    settle(c);
                }
                fx(() -> { scrollTo(c, id); return null; });
                settle(c);
                saveExtra(c, host, step.number() + "-" + step.name().toLowerCase(java.util.Locale.ROOT) + "-flow");
                if (step == Step.DIAGNOSIS) {
                    fx(() -> {
                        Scene sc = c.shell().getScene();
                        ((javafx.scene.control.Button) sc.lookup(id + "-first")).fire();
                        ((javafx.scene.control.Button) sc.lookup(id + "-next")).fire();
                        ((javafx.scene.control.Button) sc.lookup(id + "-next")).fire();
                        return null;
                    });
                    settle(c);
                    saveExtra(c, host, "4-diagnosis-flow-step3");
                    fx(() -> {
                        Scene sc = c.shell().getScene();
                        for (int i = 0; i < 10; i++) {
                            ((javafx.scene.control.Button) sc.lookup(id + "-next")).fire();
                        }
                        io.github.spndoctor.app.ui.Presentation.of(sc).orElseThrow().zoomProperty().set(1.5);
                        return null;
                    });
                    settle(c);
                    saveExtra(c, host, "4-diagnosis-zoom150");
                    fx(() -> {
                        Scene sc = c.shell().getScene();
                        io.github.spndoctor.app.ui.Presentation.of(sc).orElseThrow().zoomProperty().set(1.0);
                        return null;
                    });
                    settle(c);
                }
            }
        }
        fx(() -> { c.shell().getScene().getWindow().hide(); return null; });
        runner.close();
        demo.close();
    }

    /** Extra pictures (presentation mode, the ticket flow) besides the README's: {@code -Dshots.extras=true}. */
    static final boolean EXTRAS = Boolean.getBoolean("shots.extras");

    private static void scrollTo(Composition c, String id) {
        Scene s = c.shell().getScene();
        javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) s.lookup("#pageScroll");
        javafx.scene.Node n = s.lookup(id);
        javafx.scene.Node content = sp.getContent();
        double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
        double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
        sp.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 8) / range)));
    }

    private static void openFold(Composition c, String id, boolean open) throws Exception {
        fx(() -> { ((io.github.spndoctor.app.ui.Fold) c.shell().getScene().lookup(id)).setExpanded(open); return null; });
        settle(c);
    }

    private static void saveExtra(Composition c, String host, String name) throws Exception {
        ImageIO.write(picture(c), "png", out.resolve(host.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + name + ".png").toFile());
        System.out.println("saved " + host + " " + name);
    }

    /** The window's scene as it is drawn now. */
    private static BufferedImage picture(Composition c) throws Exception {
        WritableImage img = fx(() -> c.shell().getScene().snapshot(null));
        BufferedImage b = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < b.getWidth(); x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return b;
    }

    private static void settle(Composition c) throws Exception {
        waitFor(() -> !c.wizard().busyProperty().get());
        Thread.sleep(600);
        waitFor(() -> !c.wizard().busyProperty().get());
        fx(() -> null);
    }

    private static void save(Composition c, String host, Step step, boolean readme) throws Exception {
        BufferedImage b = picture(c);
        String name = step.number() + "-" + step.name().toLowerCase(java.util.Locale.ROOT) + ".png";
        if (!readme || hosts.size() > 1) {
            ImageIO.write(b, "png", out.resolve(host.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + name).toFile());
        }
        if (readme) {
            ImageIO.write(b, "png", out.resolve("step-" + name).toFile());
        }
        System.out.println("saved " + host + " " + step);
    }

    private static <T> T fx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!fx(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }

    static List<String> allDemoHosts() {
        return new ArrayList<>(List.of("srv003.rwwilden01.local", "DYNAMICS-CRM.kimconnect.com", "mem1.contoso.com",
                "wac01.contoso.com", "srv004.rwwilden01.local", "nohost.rwwilden01.local", "10.0.0.23"));
    }
}
