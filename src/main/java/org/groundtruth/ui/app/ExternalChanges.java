package org.groundtruth.ui.app;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.groundtruth.store.Investigation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes another process made to the open investigation (the command line, a second window, an
 * import): polls SQLite's {@code PRAGMA data_version} on its own thread every {@link #PERIOD_MS} ms and, when
 * it moved, runs {@code onChange} on the FX thread. The window's own commits do not move it (they are
 * refreshed where they are made). One watcher per open investigation; {@link #close()} stops its thread.
 */
public final class ExternalChanges implements AutoCloseable {
    static final long PERIOD_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalChanges.class);

    private final ScheduledExecutorService timer;
    private final Investigation investigation;
    private final Executor fxThread;
    private final Runnable onChange;
    private volatile long seen;
    private volatile boolean closed;

    private ExternalChanges(Investigation investigation, Executor fxThread, Runnable onChange) {
        this.investigation = investigation;
        this.fxThread = fxThread;
        this.onChange = onChange;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "groundtruth-watch-" + investigation.directory().getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching {@code investigation}; the current state counts as seen. */
    public static ExternalChanges watch(Investigation investigation, Executor fxThread, Runnable onChange) {
        ExternalChanges watcher = new ExternalChanges(investigation, fxThread, onChange);
        watcher.timer.execute(() -> watcher.seen = watcher.read().orElse(0L));
        watcher.timer.scheduleWithFixedDelay(watcher::poll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private void poll() {
        read().ifPresent(now -> {
            if (now != seen) {
                seen = now;
                fxThread.execute(() -> {
                    if (!closed) {
                        onChange.run();
                    }
                });
            }
        });
    }

    private Optional<Long> read() {
        if (closed) {
            return Optional.empty();
        }
        try {
            return Optional.of(investigation.dataVersion());
        } catch (RuntimeException e) {
            // The investigation was closed under us (another one is being opened): stop quietly.
            if (!closed) {
                LOG.info("Stopped watching {}: {}", investigation.directory(), e.getMessage());
            }
            closed = true;
            timer.shutdown();
            return Optional.empty();
        }
    }

    /** True while the watcher thread runs (tests check that a closed window leaves none behind). */
    boolean isRunning() {
        return !timer.isTerminated();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
