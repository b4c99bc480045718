package org.groundtruth.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A background job described step by step, as Cryptomator's {@code Tasks} builder does: what to do with the
 * result, which handler takes which kind of failure (the first whose type matches; unmatched ones go to the
 * fallback), and a final step that runs after either. All callbacks run on the FX thread.
 * <pre>runner.task(title, work).onSuccess(show).onError(BadInputException.class, e -> say(e)).andFinally(done).run();</pre>
 */
public final class Tasks<T> {
    private record Handler<E extends Throwable>(Class<E> type, Consumer<? super E> handle) {
        boolean handles(Throwable error) {
            return type.isInstance(error);
        }

        void accept(Throwable error) {
            handle.accept(type.cast(error));
        }
    }

    private final Background background;
    private final String title;
    private final Background.Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private final List<Handler<?>> handlers = new ArrayList<>();
    private Consumer<Throwable> fallback = error -> { };
    private Runnable andFinally = () -> { };

    Tasks(Background background, String title, Background.Work<T> work) {
        this.background = background;
        this.title = title;
        this.work = work;
    }

    public Tasks<T> onSuccess(Consumer<? super T> handler) {
        onSuccess = handler;
        return this;
    }

    public <E extends Throwable> Tasks<T> onError(Class<E> type, Consumer<? super E> handler) {
        handlers.add(new Handler<>(type, handler));
        return this;
    }

    /** Failures no typed handler took. */
    public Tasks<T> onOtherError(Consumer<Throwable> handler) {
        fallback = handler;
        return this;
    }

    /** Runs after success or failure (re-enable a button, clear a "working" flag). */
    public Tasks<T> andFinally(Runnable step) {
        andFinally = step;
        return this;
    }

    public Background.Job run() {
        return background.run(title, work, result -> {
            try {
                onSuccess.accept(result);
            } finally {
                andFinally.run();
            }
        }, error -> {
            try {
                handlers.stream().filter(h -> h.handles(error)).findFirst()
                        .ifPresentOrElse(h -> h.accept(error), () -> fallback.accept(error));
            } finally {
                andFinally.run();
            }
        });
    }

    /** The same builder over any {@link Background} (ViewModels are given the interface). */
    public static <T> Tasks<T> on(Background background, String title, Background.Work<T> work) {
        return new Tasks<>(background, title, work);
    }
}
