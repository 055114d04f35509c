package io.github.spndoctor.app.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Holds jobs until the test runs them, so a test can look at the busy state in between and cancel ("stop waiting").
 * Single-threaded.
 */
public final class QueueTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> Handle runAfter(Duration delay, Job<T> job, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        boolean[] cancelled = new boolean[1];
        queue.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T value;
            try {
                value = job.run(update -> {
                    if (!cancelled[0]) {
                        update.run();
                    }
                });
            } catch (Exception e) {
                if (!cancelled[0]) {
                    onFailure.accept(e);
                }
                return;
            }
            if (!cancelled[0]) {
                onSuccess.accept(value);
            }
        });
        return new Handle() {
            @Override
            public void cancel() { cancelled[0] = true; }

            @Override
            public boolean isCancelled() { return cancelled[0]; }
        };
    }

    public int pending() { return queue.size(); }

    /** Runs every queued job (including jobs queued meanwhile). */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
