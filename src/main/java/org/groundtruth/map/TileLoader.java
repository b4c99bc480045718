package org.groundtruth.map;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads tiles off the caller's thread and keeps the most recent in memory (the role of JxMapViewer2's
 * {@code AbstractTileFactory} + {@code TileCache}, for sources that are not URLs). {@link #get} never blocks:
 * it answers from memory or queues a load and says so. Newest requests are served first, so after a pan the
 * visible tiles come before the ones scrolled away; failures are retried with exponential backoff.
 */
public final class TileLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TileLoader.class);
    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long MAX_RETRY_MILLIS = 60_000;
    private static final int MAX_QUEUED = 600;

    public enum Status { READY, EMPTY, LOADING, FAILED }

    /** What the map can draw now for one tile. */
    public record TileState(Status status, Optional<BufferedImage> image) {
        static final TileState LOADING = new TileState(Status.LOADING, Optional.empty());
        static final TileState EMPTY = new TileState(Status.EMPTY, Optional.empty());
    }

    /** The style is part of the key: a light tile is never answered for a dark map, or the other way round. */
    private record CacheKey(TileSource source, TileKey tile, MapStyle style) {
    }

    private record Failure(int attempts, long retryAt, String message) {
    }

    private final Map<CacheKey, TileState> cache;
    private final Map<CacheKey, Failure> failures = new HashMap<>();
    private final Map<CacheKey, Boolean> pending = new HashMap<>();
    private final LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>();
    private final ThreadPoolExecutor executor;
    private final LongSupplier clock;

    public TileLoader(int threads, int cachedTiles) {
        this(threads, cachedTiles, System::currentTimeMillis);
    }

    TileLoader(int threads, int cachedTiles, LongSupplier clock) {
        this.clock = clock;
        this.cache = new LinkedHashMap<>(cachedTiles * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, TileState> eldest) {
                return size() > cachedTiles;
            }
        };
        AtomicInteger count = new AtomicInteger();
        // LIFO: a deque taken from the head while new work is pushed to the head.
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LifoQueue(queue), r -> {
            Thread t = new Thread(r, "tile-loader-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * The tile if it is in memory; otherwise starts loading it (once) and answers LOADING, or FAILED while a
     * failed tile waits for its next retry. {@code onLoaded} runs on a loader thread when a load finishes.
     */
    public TileState get(TileSource source, TileKey tile, Runnable onLoaded) {
        return get(source, tile, MapStyle.LIGHT, onLoaded);
    }

    /** As {@link #get(TileSource, TileKey, Runnable)}, for the tile drawn in {@code style}. */
    public TileState get(TileSource source, TileKey tile, MapStyle style, Runnable onLoaded) {
        CacheKey key = new CacheKey(source, tile, style);
        synchronized (this) {
            TileState cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            if (pending.containsKey(key)) {
                return TileState.LOADING;
            }
            Failure failure = failures.get(key);
            if (failure != null && clock.getAsLong() < failure.retryAt()) {
                return new TileState(Status.FAILED, Optional.empty());
            }
            pending.put(key, Boolean.TRUE);
            while (queue.size() > MAX_QUEUED) {
                Runnable dropped = queue.pollLast();
                if (dropped instanceof Load load) {
                    pending.remove(load.key);
                }
            }
        }
        if (executor.isShutdown()) {
            // A closed map (its window rebuilt) may still get one last paint: it loads nothing.
            synchronized (this) {
                pending.remove(key);
            }
            return TileState.LOADING;
        }
        try {
            executor.execute(new Load(key, onLoaded));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (this) {
                pending.remove(key);
            }
            return TileState.LOADING;
        }
        return failuresContain(key) ? new TileState(Status.FAILED, Optional.empty()) : TileState.LOADING;
    }

    private synchronized boolean failuresContain(CacheKey key) {
        return failures.containsKey(key);
    }

    /** The tile only if it is already in memory; never starts a load (for drawing a parent tile while zooming). */
    public synchronized Optional<BufferedImage> peek(TileSource source, TileKey tile) {
        return peek(source, tile, MapStyle.LIGHT);
    }

    /** As {@link #peek(TileSource, TileKey)}, for the tile drawn in {@code style}. */
    public synchronized Optional<BufferedImage> peek(TileSource source, TileKey tile, MapStyle style) {
        TileState cached = cache.get(new CacheKey(source, tile, style));
        return cached == null ? Optional.empty() : cached.image();
    }

    /** Drops everything held for a source (after its layer is removed). */
    public synchronized void forget(TileSource source) {
        cache.keySet().removeIf(k -> k.source() == source);
        failures.keySet().removeIf(k -> k.source() == source);
    }

    public synchronized int cachedTiles() {
        return cache.size();
    }

    private final class Load implements Runnable {
        final CacheKey key;
        final Runnable onLoaded;

        Load(CacheKey key, Runnable onLoaded) {
            this.key = key;
            this.onLoaded = onLoaded;
        }

        @Override
        public void run() {
            TileState result;
            try {
                Optional<BufferedImage> image = key.source().tile(key.tile(), key.style());
                result = image.map(i -> new TileState(Status.READY, Optional.of(i))).orElse(TileState.EMPTY);
                synchronized (TileLoader.this) {
                    failures.remove(key);
                    cache.put(key, result);
                }
            } catch (IOException | RuntimeException e) {
                synchronized (TileLoader.this) {
                    Failure previous = failures.get(key);
                    int attempts = previous == null ? 1 : previous.attempts() + 1;
                    long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(16, attempts - 1));
                    failures.put(key, new Failure(attempts, clock.getAsLong() + delay, String.valueOf(e.getMessage())));
                    if (attempts == 1) {
                        LOG.warn("Tile {} of {} failed, retrying with backoff: {}", key.tile(), key.source().name(), e.getMessage());
                    }
                }
            } finally {
                synchronized (TileLoader.this) {
                    pending.remove(key);
                }
            }
            onLoaded.run();
        }
    }

    /** Offers go to the head, so the executor takes the newest request first. */
    private static final class LifoQueue extends java.util.AbstractQueue<Runnable> implements java.util.concurrent.BlockingQueue<Runnable> {
        private final LinkedBlockingDeque<Runnable> deque;

        LifoQueue(LinkedBlockingDeque<Runnable> deque) {
            this.deque = deque;
        }

        @Override
        public boolean offer(Runnable r) {
            return deque.offerFirst(r);
        }

        @Override
        public void put(Runnable r) throws InterruptedException {
            deque.putFirst(r);
        }

        @Override
        public boolean offer(Runnable r, long timeout, TimeUnit unit) throws InterruptedException {
            return deque.offerFirst(r, timeout, unit);
        }

        @Override
        public Runnable take() throws InterruptedException {
            return deque.takeFirst();
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            return deque.pollFirst(timeout, unit);
        }

        @Override
        public Runnable poll() {
            return deque.pollFirst();
        }

        @Override
        public Runnable peek() {
            return deque.peekFirst();
        }

        @Override
        public int remainingCapacity() {
            return deque.remainingCapacity();
        }

        @Override
        public int drainTo(java.util.Collection<? super Runnable> c) {
            return deque.drainTo(c);
        }

        @Override
        public int drainTo(java.util.Collection<? super Runnable> c, int maxElements) {
            return deque.drainTo(c, maxElements);
        }

        @Override
        public java.util.Iterator<Runnable> iterator() {
            return deque.iterator();
        }

        @Override
        public int size() {
            return deque.size();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
