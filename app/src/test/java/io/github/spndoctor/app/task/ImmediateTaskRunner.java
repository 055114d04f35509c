package io.github.spndoctor.app.task;

import java.time.Duration;
import java.util.function.Consumer;

/** Runs every job at once on the calling thread (page-model tests, no toolkit). Delays are ignored. */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> Handle runAfter(Duration delay, Job<T> job, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        T value;
        try {
            value = job.run(Runnable::run);
        } catch (Exception e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(value);
        return done();
    }

    private static Handle done() {
        return new Handle() {
            @Override
            public void cancel() { }

            @Override
            public boolean isCancelled() { return false; }
        };
    }
}
