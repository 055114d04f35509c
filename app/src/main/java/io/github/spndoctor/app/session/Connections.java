package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.demo.DemoDirectory;

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

    public Connections(Supplier<DemoDirectory> demoStarter) {
        this.demoStarter = demoStarter;
    }

    /** Starts the demo directory on a background thread (idempotent). */
    public void startDemoInBackground() {
        synchronized (demo) {
            if (started) {
                return;
            }
            started = true;
        }
        Thread t = new Thread(() -> {
            try {
                demo.complete(demoStarter.get());
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
        Directory replicated = replicated(d);
        return allowChanges ? new NonClosing(replicated) : new io.github.spndoctor.core.directory.ReadOnlyDirectory(new NonClosing(replicated));
    }

    private Directory replicatedDemo;

    /** The shared demo with its simulated second DC (issue 15), made once: every session sees the same writes. */
    private synchronized Directory replicated(DemoDirectory d) {
        if (replicatedDemo == null) {
            replicatedDemo = io.github.spndoctor.core.directory.demo.ReplicatedDemo.around(d);
        }
        return replicatedDemo;
    }

    @Override
    public void close() {
        demo.thenAccept(DemoDirectory::close);
    }

    /** The shared demo directory as the session sees it: closing the session's connection leaves it running. */
    private static final class NonClosing extends DelegatingDirectory {
        NonClosing(Directory d) { super(d); }

        @Override
        public void close() { }
    }
}
