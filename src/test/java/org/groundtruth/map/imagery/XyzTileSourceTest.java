package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online tiles against a server on loopback: success, disk cache, 404, 500, slow, and saving an area to MBTiles. */
class XyzTileSourceTest {
    private static final TileKey TILE = new TileKey(5, 18, 11);
    private LocalTileServer server;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new LocalTileServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchesOnceThenServesFromTheDiskCacheEvenWhenTheServerIsGone() throws Exception {
        XyzTileSource source = XyzTileSource.create(server.template("ok"), "© test tiles", 18, dir);
        assertThat(source.tile(TILE)).isPresent();
        assertThat(server.requests()).isEqualTo(1);
        assertThat(source.tile(TILE)).isPresent();
        assertThat(server.requests()).isEqualTo(1);
        assertThat(Files.isRegularFile(source.cacheDirectory().resolve("5/18/11.tile"))).isTrue();
        server.close();
        assertThat(XyzTileSource.create(server.template("ok"), "", 18, dir).tile(TILE)).isPresent();
        assertThat(source.attribution()).isEqualTo("© test tiles");
    }

    @Test
    void aTmsTemplateFetchesTheFlippedRow() throws Exception {
        XyzTileSource tms = XyzTileSource.create(server.template("ok").replace("{y}", "{-y}"), "", 18, dir);
        assertThat(tms.tile(TILE)).isPresent();
        assertThat(server.lastPath()).isEqualTo("/ok/5/18/20.png");
    }

    @Test
    void notFoundServerErrorAndTimeoutAreRetryableFailures() {
        XyzTileSource missing = XyzTileSource.create(server.template("missing"), "", 18, dir);
        assertThatThrownBy(() -> missing.tile(TILE)).isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
        XyzTileSource broken = XyzTileSource.create(server.template("broken"), "", 18, dir);
        assertThatThrownBy(() -> broken.tile(TILE)).isInstanceOf(IOException.class).hasMessageContaining("HTTP 500");
        XyzTileSource slow = XyzTileSource.create(server.template("slow"), "", 18, dir, Duration.ofMillis(300));
        assertThatThrownBy(() -> slow.tile(TILE)).isInstanceOf(IOException.class);
        assertThat(Files.exists(missing.cacheDirectory().resolve("5/18/11.tile"))).isFalse();
    }

    @Test
    void aServerThatIsDownFailsWithoutHanging() throws Exception {
        String template = server.template("ok");
        server.close();
        XyzTileSource down = XyzTileSource.create(template, "", 18, dir);
        assertThatThrownBy(() -> down.tile(TILE)).isInstanceOf(IOException.class);
    }

    @Test
    void templatesAreChecked() {
        assertThatThrownBy(() -> XyzTileSource.create("ftp://x/{z}/{x}/{y}", "", 18, dir))
                .isInstanceOf(BadInputException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> XyzTileSource.create("https://x/{z}/{x}.png", "", 18, dir))
                .hasMessageContaining("no {y} (or {-y}) placeholder");
        assertThatThrownBy(() -> XyzTileSource.create("https://x/{z}/{x}/{y}.png", "", 25, dir))
                .hasMessageContaining("Maximum zoom");
    }

    @Test
    void savesAnAreaIntoMbtilesThatOpensAsALayer() throws Exception {
        XyzTileSource source = XyzTileSource.create(server.template("ok"), "© test tiles", 18, dir.resolve("cache"));
        GeoBox kherson = new GeoBox(32.5, 46.6, 32.7, 46.7);
        long estimate = OfflineArea.estimateTiles(kherson, 10, 12);
        assertThat(estimate).isBetween(4L, 40L);
        AtomicLong lastDone = new AtomicLong();
        Path target = dir.resolve("kherson.mbtiles");
        OfflineArea.Result result = OfflineArea.save(source, kherson, 10, 12, target, 1000, monitor(lastDone, false));
        assertThat(result.written()).isEqualTo(estimate);
        assertThat(result.missing()).isZero();
        assertThat(lastDone.get()).isEqualTo(estimate);
        try (TileSource saved = ImageryFiles.open(target)) {
            assertThat(saved.minZoom()).isEqualTo(10);
            assertThat(saved.maxZoom()).isEqualTo(12);
            assertThat(saved.attribution()).isEqualTo("© test tiles");
            assertThat(saved.tile(new TileKey(12, 2419, 1446))).isPresent();
        }
    }

    @Test
    void refusesAnAreaAboveTheLimitBeforeFetching() {
        XyzTileSource source = XyzTileSource.create(server.template("ok"), "", 18, dir);
        GeoBox ukraine = new GeoBox(22, 44, 41, 53);
        assertThatThrownBy(() -> OfflineArea.save(source, ukraine, 5, 14, dir.resolve("big.mbtiles"), 20_000, ProgressMonitor.NONE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("above the limit of 20,000");
        assertThat(server.requests()).isZero();
        assertThat(dir.resolve("big.mbtiles")).doesNotExist();
    }

    @Test
    void cancellingLeavesNoFile() {
        XyzTileSource source = XyzTileSource.create(server.template("ok"), "", 18, dir);
        Path target = dir.resolve("cancelled.mbtiles");
        assertThatThrownBy(() -> OfflineArea.save(source, new GeoBox(32.5, 46.6, 32.7, 46.7), 10, 12, target, 1000,
                monitor(new AtomicLong(), true))).isInstanceOf(CancellationException.class);
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("cancelled.mbtiles.part")).doesNotExist();
    }

    @Test
    void tilesTheServerNeverGivesAreCountedAsMissing() {
        XyzTileSource source = XyzTileSource.create(server.template("missing"), "", 18, dir);
        OfflineArea.Result result = OfflineArea.save(source, new GeoBox(32.6, 46.6, 32.61, 46.61), 8, 8,
                dir.resolve("empty.mbtiles"), 10, ProgressMonitor.NONE);
        assertThat(result.written()).isZero();
        assertThat(result.missing()).isEqualTo(1);
    }

    private static ProgressMonitor monitor(AtomicLong lastDone, boolean cancelAfterFirst) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                lastDone.set(done);
            }

            @Override
            public boolean isCancelled() {
                return cancelAfterFirst && lastDone.get() >= 1;
            }
        };
    }
}
