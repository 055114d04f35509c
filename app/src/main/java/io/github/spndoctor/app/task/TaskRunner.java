package io.github.spndoctor.app.task;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs blocking work (directory calls, parsing big pastes) away from the JavaFX application thread and delivers the
 * outcome back to it. Page models depend on this interface only, so their tests can use a runner that runs
 * everything at once on the calling thread.
 */
public interface TaskRunner {

    /** Work to run off the UI thread. {@code ui} posts small updates (progress) to the UI thread. */
    @FunctionalInterface
    interface Job<T> {
        T run(UiPoster ui) throws Exception;
    }

    /** Posts an update to the UI thread; dropped once the job has been cancelled. */
    @FunctionalInterface
    interface UiPoster {
        void post(Runnable update);
    }

    /** A handle on submitted work. After {@link #cancel()} no callback of that work runs any more. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    /** Runs {@code job}; exactly one of the callbacks then runs on the UI thread, unless cancelled first. */
    default <T> Handle run(Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return runAfter(Duration.ZERO, job, onSuccess, onFailure);
    }

    /** Like {@link #run}, but waits {@code delay} first (debouncing: cancel the handle when the input changes again). */
    <T> Handle runAfter(Duration delay, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);
}
