package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;

import java.nio.file.Path;
import java.util.Optional;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Opens directories for the Connect page. The built-in demo directory is started in the background once (after the
 * window is shown) and shared for the life of the app; {@link #demo(boolean)} waits for it, so call it off the UI
 * thread. Thread-safe.
 */
public class Connections implements AutoCloseable {
    private final CompletableFuture<DemoDirectory> demo = new CompletableFuture<>();
    private final Supplier<DemoDirectory> demoStarter;
    private final Optional<Path> demoState;
    private final boolean saveDemo;
    private volatile TrainerDemo trainer;

    public Connections(Supplier<DemoDirectory> demoStarter) {
        this(demoStarter, Optional.empty(), false);
    }

    /**
     * @param demoState where the trainer's demo keeps its state between runs (its saved breaks and fixes are loaded
     *                  into the started demo); empty: no trainer's demo (no scenarios, no demo KDC)
     * @param saveDemo  false: the trainer's demo forgets everything when the app closes (tests with their own home)
     */
    public Connections(Supplier<DemoDirectory> demoStarter, Optional<Path> demoState, boolean saveDemo) {
        this.demoStarter = demoStarter;
        this.demoState = demoState;
        this.saveDemo = saveDemo;
    }

    /**
     * Starts the demo directory on a background thread (idempotent), then warms the trainer's demo Kerberos up on the
     * same thread ({@link TrainerDemo#warmUp}; {@code -Dspndoctor.demo.warmup=false} leaves it to the first probe).
     */
    public void startDemoInBackground() {
        synchronized (demo) {
            if (started) {
                return;
            }
            started = true;
        }
        Thread t = new Thread(() -> {
            try {
                DemoDirectory d = demoStarter.get();
                demoState.ifPresent(p -> trainer = saveDemo ? TrainerDemo.wrap(p, d) : TrainerDemo.unsaved(p, d));
                demo.complete(d);
                // then the demo's KDCs and WinRM hosts, and one probe's worth of class loading and JIT, so that the
                // trainer's first "Test the connection" does not wait for them (off the UI thread, after the first frame)
                TrainerDemo started = trainer;
                if (started != null && !"false".equals(System.getProperty("spndoctor.demo.warmup"))) {
                    started.warmUp();
                }
            } catch (RuntimeException | Error e) {
                demo.completeExceptionally(e);
            }
        }, "spn-doctor-demo-start");
        t.setDaemon(true);
        t.start();
    }

    private boolean started;

    /** Completes when the demo directory is ready (or failed to start). */
    public CompletableFuture<DemoDirectory> demoReady() { return demo; }

    /** The demo directory, writable or read-only. Blocks until it has started. */
    public Directory demo(boolean allowChanges) throws Exception {
        startDemoInBackground();
        DemoDirectory d;
        try {
            d = demo.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        }
        Directory replicated = replicated(trainer != null ? trainer.directory() : d);
        return allowChanges ? new NonClosing(replicated) : new io.github.spndoctor.core.directory.ReadOnlyDirectory(new NonClosing(replicated));
    }

    private Directory replicatedDemo;

    /** The shared demo with its simulated second DC (issue 15), made once: every session sees the same writes. */
    private synchronized Directory replicated(Directory d) {
        if (replicatedDemo == null) {
            replicatedDemo = io.github.spndoctor.core.directory.demo.ReplicatedDemo.around(d);
        }
        return replicatedDemo;
    }

    @Override
    public void close() {
        demo.thenAccept(d -> {
            if (trainer != null) {
                trainer.close();
            } else {
                d.close();
            }
        });
    }

    /** The trainer's demo (saved state, real KDC), once the demo has started with a state folder. */
    public Optional<TrainerDemo> trainer() { return Optional.ofNullable(trainer); }

    /** The shared demo directory as the session sees it: closing the session's connection leaves it running. */
    private static final class NonClosing extends DelegatingDirectory {
        NonClosing(Directory d) { super(d); }

        @Override
        public void close() { }
    }
}
