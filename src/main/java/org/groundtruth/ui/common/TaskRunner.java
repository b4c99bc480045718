package org.groundtruth.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.groundtruth.core.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the window does long work: a {@link Task} on a background thread, its progress and title
 * published for the status bar, cancellable, its result or error delivered on the FX thread.
 */
public final class TaskRunner implements Background {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "groundtruth-background");
        thread.setDaemon(true);
        return thread;
    });
    /** Jobs started and not yet finished, oldest first; the status bar shows the newest (FX thread only). */
    private final List<Task<?>> live = new ArrayList<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty title = new SimpleStringProperty("");
    private volatile Task<?> current;

    @Override
    public <T> Job run(String jobTitle, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(jobTitle);
                return work.run(new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total < 0 ? -1 : total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                });
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };
        task.setOnSucceeded(e -> finish(task, () -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> {
            LOG.warn("{} failed", jobTitle, task.getException());
            onFailure.accept(task.getException());
        }));
        task.setOnCancelled(e -> finish(task, () -> onFailure.accept(new java.util.concurrent.CancellationException(
                jobTitle + ": cancelled"))));
        if (executor.isShutdown()) {
            // The window is closing: nothing new starts, and no RejectedExecutionException reaches the log.
            LOG.debug("{} not started: the runner is shut down", jobTitle);
            return () -> { };
        }
        runOnFx(() -> {
            live.add(task);
            follow(task);
        });
        try {
            executor.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            runOnFx(() -> finish(task, () -> { }));
            return () -> { };
        }
        return () -> task.cancel(false);
    }

    /** The status bar and Cancel follow {@code task}, or nothing. */
    private void follow(Task<?> task) {
        title.unbind();
        progress.unbind();
        current = task;
        if (task == null) {
            busy.set(false);
            title.set("");
            progress.set(-1);
        } else {
            busy.set(true);
            title.bind(task.titleProperty());
            progress.bind(task.progressProperty());
        }
    }

    private void finish(Task<?> task, Runnable callback) {
        live.remove(task);
        if (current == task || current == null) {
            // The newest job still running takes over the status bar, not whichever was started last.
            follow(live.isEmpty() ? null : live.get(live.size() - 1));
        }
        callback.run();
    }

    /** Cancels the job shown in the status bar. */
    public void cancelCurrent() {
        Task<?> task = current;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** How many jobs are running or waiting (tests; the status bar shows one of them). */
    public int liveJobs() {
        return live.size();
    }

    /** A job with typed error handlers and a final step, built step by step (see {@link Tasks}). */
    public <T> Tasks<T> task(String jobTitle, Work<T> work) {
        return new Tasks<>(this, jobTitle, work);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
