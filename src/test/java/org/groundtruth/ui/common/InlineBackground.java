package org.groundtruth.ui.common;

import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;

/** For ViewModel tests without a toolkit: background work runs inline, results and errors delivered at once. */
public final class InlineBackground implements Background {
    public static final Background INSTANCE = new InlineBackground();

    private InlineBackground() {
    }

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(work.run(ProgressMonitor.NONE));
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return () -> { };
    }
}
