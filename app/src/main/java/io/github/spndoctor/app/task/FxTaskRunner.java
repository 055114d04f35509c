package io.github.spndoctor.app.task;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The production {@link TaskRunner}: each job is a {@link Task} on a pool of daemon threads, and its callbacks run on
 * the JavaFX application thread. The UI thread never waits for a job.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "spn-doctor-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Handle runAfter(Duration delay, Job<T> job, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                if (isCancelled()) {
                    return null;
                }
                return job.run(update -> Platform.runLater(() -> {
                    if (!isCancelled()) {
                        update.run();
                    }
                }));
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return new Handle() {
            @Override
            public void cancel() { task.cancel(true); }

            @Override
            public boolean isCancelled() { return task.isCancelled(); }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
