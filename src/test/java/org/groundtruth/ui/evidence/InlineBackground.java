package org.groundtruth.ui.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.ui.common.Background;

/** Runs background work at once on the calling thread, so ViewModel tests need neither threads nor a toolkit. */
final class InlineBackground implements Background {
    final List<String> titles = new ArrayList<>();

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        titles.add(title);
        T result;
        try {
            result = work.run(ProgressMonitor.NONE);
        } catch (Exception e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(result);
        return () -> { };
    }
}
