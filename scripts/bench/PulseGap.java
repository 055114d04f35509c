import io.github.spndoctor.app.Composition;
import io.github.spndoctor.app.task.FxTaskRunner;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.app.wizard.WizardModel;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The FX-thread stall benchmark: runs the real wizard against a demo directory slowed by DELAY ms per search, walks
 * the whole fix path (connect, look up, diagnose, plan, recheck, apply, check again), and records the longest gap
 * between two frames of an AnimationTimer that runs throughout, from the moment the fix path starts (Next on the
 * Symptom page). A gap is time in which the UI thread could not draw: it is what a user sees as a freeze. The walk
 * starts when the wizard is idle (the demo ready, the other pages prepared), as a person who reads the first page and
 * types the symptom; the longest gap before that, while the pages are prepared, is printed on its own line.
 */
public class PulseGap {
    static volatile long last;
    static volatile long maxGapNanos;
    /** The longest gap before the fix path starts, while the pages are prepared in idle time. */
    static volatile long prepMaxGapNanos;
    /** Set when the fix path starts (Next on the Symptom page): gaps count from then on. */
    static volatile boolean fixPath;
    static volatile long frames;

    public static void main(String[] args) throws Exception {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 2000;
        Path home = Files.createTempDirectory("spn-doctor-bench");
        // as Main starts the wizard: the preloading thread runs beside the toolkit's start
        io.github.spndoctor.app.Preload.start();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskRunner runner = new FxTaskRunner();
        Composition[] c = new Composition[1];
        Platform.runLater(() -> {
            Composition.Settings settings = new Composition.Settings(home,
                    () -> DemoDirectory.start(DemoDirectory.Options.DEFAULT.withSearchDelay(delay)),
                    (owner, title, name) -> Optional.of(home.resolve(name)), () -> new ProfileStore(home.resolve("p.json")));
            c[0] = new Composition(settings, runner, () -> { });
            Stage stage = new Stage();
            stage.setScene(io.github.spndoctor.app.ui.Theme.style(new Scene(c[0].shell(), 960, 680)));
            stage.show();
            c[0].startBackgroundWork();
            new AnimationTimer() {
                private long lastCpu;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    if (last != 0 && frames > 5) {
                        if (fixPath) {
                            maxGapNanos = Math.max(maxGapNanos, t - last);
                        } else {
                            prepMaxGapNanos = Math.max(prepMaxGapNanos, t - last);
                        }
                        if (t - last > 50_000_000L) {
                            System.out.printf("  gap %.0f ms on %s (UI thread busy %.0f ms of it), ended %s%n", (t - last) / 1e6,
                                    c[0].wizard().currentStep(), (cpu - lastCpu) / 1e6, java.time.LocalTime.now());
                        }
                    }
                    last = t;
                    lastCpu = cpu;
                    frames++;
                }
            }.start();
        });
        // the user reads the Connect page and types the symptom meanwhile: the walk starts once the demo is ready and
        // the wizard is idle (the other pages built and rehearsed, about 3 s after the first frame)
        waitFor(() -> c[0] != null && c[0].connections().demoReady().isDone() && c[0].pagesPrepared().isDone());
        long t0 = System.nanoTime();
        WizardModel w = c[0].wizard();
        step(w, Step.SYMPTOM, () -> w.next());
        fx(() -> c[0].session().symptomTextProperty().get());
        fx(() -> {
            var page = (io.github.spndoctor.app.page.symptom.SymptomPageModel) w.page(Step.SYMPTOM);
            page.textProperty().set("WinRM cannot process the request. The following error with errorcode 0x80090322 occurred while using Kerberos authentication");
            page.targetProperty().set("srv003.rwwilden01.local");
            return null;
        });
        fixPath = true;
        step(w, Step.LOOKUP, () -> w.next());
        step(w, Step.DIAGNOSIS, () -> w.next());
        step(w, Step.REMEDY, () -> w.next());
        step(w, Step.REVIEW, () -> w.next());
        step(w, Step.RESULT, () -> w.next());
        var result = (io.github.spndoctor.app.page.result.ResultPageModel) w.page(Step.RESULT);
        fx(() -> { result.checkAgain(); return null; });
        waitFor(() -> fx(() -> result.checkVerdictProperty().get() == io.github.spndoctor.core.verify.VerifyResult.Verdict.FIXED
                && !result.busyProperty().get()));
        long total = System.nanoTime() - t0;
        System.out.printf("PREPARATION_MAX_FRAME_GAP_MS=%.1f (before the fix path: pages built and rehearsed in idle time)%n",
                prepMaxGapNanos / 1e6);
        System.out.printf("SEARCH_DELAY_MS=%d WALL_MS=%d FRAMES=%d MAX_FRAME_GAP_MS=%.1f%n", delay, total / 1_000_000,
                frames, maxGapNanos / 1e6);
        Platform.exit();
        System.exit(0);
    }

    /** Does {@code action}, waits for the page it leads to and for two frames drawn after it: no person clicks on
     *  before the page they act on is on the screen. */
    static void step(WizardModel w, Step expect, Runnable action) throws Exception {
        fx(() -> { action.run(); return null; });
        waitFor(() -> fx(() -> w.currentStep() == expect && !w.busyProperty().get()));
        long seen = frames;
        waitFor(() -> frames >= seen + 2);
    }

    static <T> T fx(java.util.concurrent.Callable<T> call) {
        java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(call);
        Platform.runLater(f);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
