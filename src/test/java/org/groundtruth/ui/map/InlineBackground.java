package org.groundtruth.ui.map;

import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.ui.common.Background;

/** Runs background work on the calling thread, so ViewModel tests need no toolkit and no waiting. */
final class InlineBackground implements Background {
    int jobs;

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        jobs++;
        try {
            onSuccess.accept(work.run(ProgressMonitor.NONE));
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return () -> { };
    }
}
