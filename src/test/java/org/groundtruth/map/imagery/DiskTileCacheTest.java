package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.groundtruth.map.TileKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tile cache size limit against the loopback tile server, with a 1 MB limit and 100 kB tiles. */
class DiskTileCacheTest {
    private static final long ONE_MEGABYTE = 1024 * 1024;
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
        DiskTileCache.setLimitBytes(Long.MAX_VALUE);
    }

    @Test
    void writesPastTheLimitEvictTheLeastRecentlyUsedTiles() throws Exception {
        DiskTileCache.setLimitBytes(ONE_MEGABYTE);
        XyzTileSource source = XyzTileSource.create(server.template("big"), "", 18, dir);
        DiskTileCache cache = DiskTileCache.at(dir);
        for (int x = 0; x < 8; x++) {
            source.tileBytes(new TileKey(10, x, 0));
        }
        cache.awaitHousekeeping();
        Path first = source.cacheDirectory().resolve("10/0/0.tile");
        // The first tile was used again just now: it is the most recent, so it survives the eviction.
        Files.setLastModifiedTime(first, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        source.tileBytes(new TileKey(10, 0, 0));
        assertThat(Files.getLastModifiedTime(first).toMillis()).isGreaterThan(System.currentTimeMillis() - 60_000);
        for (int x = 8; x < 14; x++) {
            source.tileBytes(new TileKey(10, x, 0));
        }
        cache.awaitHousekeeping();
        long onDisk = bytesOnDisk(dir);
        // 1.4 MB were written; an eviction pass went down to 90%, later writes may have filled up to the limit again.
        assertThat(onDisk).isLessThanOrEqualTo(ONE_MEGABYTE);
        assertThat(cache.totalBytes()).isEqualTo(onDisk);
        assertThat(first).exists();
        assertThat(source.cacheDirectory().resolve("10/1/0.tile")).doesNotExist();
        assertThat(source.cacheDirectory().resolve("10/13/0.tile")).exists();
        assertThat(server.requests()).isEqualTo(14);
    }

    @Test
    void anExistingCacheIsMeasuredOnceAndLoweringTheLimitEvicts() throws Exception {
        XyzTileSource source = XyzTileSource.create(server.template("big"), "", 18, dir);
        for (int x = 0; x < 20; x++) {
            source.tileBytes(new TileKey(12, x, 3));
        }
        DiskTileCache cache = DiskTileCache.at(dir);
        cache.awaitHousekeeping();
        assertThat(bytesOnDisk(dir)).isEqualTo(20L * LocalTileServer.BIG_TILE_BYTES);
        assertThat(cache.totalBytes()).isEqualTo(bytesOnDisk(dir));

        DiskTileCache.setLimitBytes(ONE_MEGABYTE);
        cache.awaitHousekeeping();
        assertThat(bytesOnDisk(dir)).isBetween(ONE_MEGABYTE * 8 / 10, ONE_MEGABYTE * DiskTileCache.EVICT_TO_PERCENT / 100);
        assertThat(cache.totalBytes()).isEqualTo(bytesOnDisk(dir));
        // An evicted tile is simply fetched again.
        assertThat(source.tileBytes(new TileKey(12, 0, 3))).hasSize(LocalTileServer.BIG_TILE_BYTES);
        assertThat(server.requests()).isEqualTo(21);
    }

    @Test
    void aCacheFolderFoundOnDiskIsMeasuredByTheBackgroundWalk() throws Exception {
        Path other = dir.resolve("existing");
        Files.createDirectories(other.resolve("abc/1/0"));
        Files.write(other.resolve("abc/1/0/0.tile"), new byte[1234]);
        Files.write(other.resolve("abc/1/0/1.tile"), new byte[766]);
        DiskTileCache cache = DiskTileCache.at(other);
        cache.awaitHousekeeping();
        assertThat(cache.totalBytes()).isEqualTo(2000);
        assertThat(DiskTileCache.at(other)).isSameAs(cache);
    }

    private static long bytesOnDisk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
