package org.groundtruth.ui.common;

import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;

/**
 * Runs work away from the FX thread and hands the result back on it. ViewModels depend on this interface only,
 * so their tests can run work inline without a toolkit.
 */
public interface Background {
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressMonitor progress) throws Exception;
    }

    /** A running job the user can cancel. */
    interface Job {
        void cancel();
    }

    <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
