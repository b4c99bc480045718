package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The loader never blocks the caller, caches, and retries failed tiles only after a growing wait. */
class TileLoaderTest {

    @Test
    void answersLoadingAtOnceThenServesFromMemory() throws Exception {
        Semaphore release = new Semaphore(0);
        FakeSource source = new FakeSource(() -> {
            release.acquireUninterruptibly();
            return Optional.of(new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB));
        });
        try (TileLoader loader = new TileLoader(2, 16)) {
            CountDownLatch loaded = new CountDownLatch(1);
            TileKey key = new TileKey(3, 1, 1);
            // The source is blocked: get() must still return at once.
            assertThat(loader.get(source, key, loaded::countDown).status()).isEqualTo(TileLoader.Status.LOADING);
            assertThat(loader.get(source, key, loaded::countDown).status()).isEqualTo(TileLoader.Status.LOADING);
            release.release();
            assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(loader.get(source, key, () -> { }).status()).isEqualTo(TileLoader.Status.READY);
            assertThat(source.calls.get()).isEqualTo(1);
            assertThat(loader.peek(source, key)).isPresent();
        }
    }

    @Test
    void failedTilesWaitForBackoffBeforeRetrying() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        FakeSource source = new FakeSource(() -> {
            throw new IOException("HTTP 500");
        });
        try (TileLoader loader = new TileLoader(1, 16, now::get)) {
            TileKey key = new TileKey(2, 1, 1);
            awaitLoad(loader, source, key);
            assertThat(source.calls.get()).isEqualTo(1);
            assertThat(loader.get(source, key, () -> { }).status()).isEqualTo(TileLoader.Status.FAILED);
            assertThat(source.calls.get()).as("no retry before the backoff").isEqualTo(1);
            now.addAndGet(TileLoader.FIRST_RETRY_MILLIS);
            awaitLoad(loader, source, key);
            assertThat(source.calls.get()).isEqualTo(2);
            now.addAndGet(TileLoader.FIRST_RETRY_MILLIS); // the second wait is twice as long
            assertThat(loader.get(source, key, () -> { }).status()).isEqualTo(TileLoader.Status.FAILED);
            assertThat(source.calls.get()).isEqualTo(2);
        }
    }

    @Test
    void emptyTilesAreRememberedAsEmpty() throws Exception {
        FakeSource source = new FakeSource(Optional::empty);
        try (TileLoader loader = new TileLoader(1, 16)) {
            TileKey key = new TileKey(1, 0, 0);
            awaitLoad(loader, source, key);
            assertThat(loader.get(source, key, () -> { }).status()).isEqualTo(TileLoader.Status.EMPTY);
            loader.forget(source);
            assertThat(loader.cachedTiles()).isZero();
        }
    }

    private static void awaitLoad(TileLoader loader, TileSource source, TileKey key) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loader.get(source, key, done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private interface Load {
        Optional<BufferedImage> run() throws IOException;
    }

    private static final class FakeSource implements TileSource {
        final AtomicInteger calls = new AtomicInteger();
        final Load load;

        FakeSource(Load load) {
            this.load = load;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String attribution() {
            return "";
        }

        @Override
        public int minZoom() {
            return 0;
        }

        @Override
        public int maxZoom() {
            return 19;
        }

        @Override
        public GeoBox bounds() {
            return GeoBox.WORLD;
        }

        @Override
        public Optional<BufferedImage> tile(TileKey key) throws IOException {
            calls.incrementAndGet();
            return load.run();
        }

        @Override
        public void close() {
        }
    }
}
