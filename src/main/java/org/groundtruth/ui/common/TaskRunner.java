package org.groundtruth.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger running = new AtomicInteger();
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
        task.setOnSucceeded(e -> finish(() -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> finish(() -> {
            LOG.warn("{} failed", jobTitle, task.getException());
            onFailure.accept(task.getException());
        }));
        task.setOnCancelled(e -> finish(() -> onFailure.accept(new java.util.concurrent.CancellationException(
                jobTitle + ": cancelled"))));
        runOnFx(() -> {
            running.incrementAndGet();
            busy.set(true);
            current = task;
            title.bind(task.titleProperty());
            progress.bind(task.progressProperty());
        });
        executor.submit(task);
        return () -> task.cancel(false);
    }

    private void finish(Runnable callback) {
        if (running.decrementAndGet() <= 0) {
            running.set(0);
            busy.set(false);
            title.unbind();
            progress.unbind();
            title.set("");
            progress.set(-1);
            current = null;
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
