package org.groundtruth.map.imagery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's folder of online tiles, kept under the size limit of the settings. A running total of the bytes
 * on disk is started by one background walk and kept by every write; when it passes the limit, one background pass
 * deletes the least recently used files (modification time, refreshed on a cache hit at most every
 * {@link #TOUCH_INTERVAL}) down to {@value #EVICT_TO_PERCENT}% of the limit and resets the total from what it saw.
 * Files are written to a temp file and renamed, so a reader or the eviction never sees half a tile.
 * One instance per folder ({@link #at(Path)}), shared by all the online layers caching there.
 */
public final class DiskTileCache {
    static final int EVICT_TO_PERCENT = 90;
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(10);
    private static final String TEMP_SUFFIX = ".part";
    private static final Logger LOG = LoggerFactory.getLogger(DiskTileCache.class);
    private static final Map<Path, DiskTileCache> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong LIMIT_BYTES = new AtomicLong(Long.MAX_VALUE);

    private final Path root;
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicBoolean evictionQueued = new AtomicBoolean();
    private final ExecutorService housekeeping = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tile-cache-housekeeping");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Future<?> initialWalk;

    private DiskTileCache(Path root) {
        this.root = root;
        initialWalk = housekeeping.submit(() -> {
            totalBytes.addAndGet(walk().stream().mapToLong(CachedFile::size).sum());
            evictIfOver();
        });
    }

    /** The cache in {@code root} (created on first write), shared by everyone caching there. */
    public static DiskTileCache at(Path root) {
        return OPEN.computeIfAbsent(root.toAbsolutePath().normalize(), DiskTileCache::new);
    }

    /** The limit from the settings, for every cache folder; lowering it evicts in the background. */
    public static void setLimitMegabytes(long megabytes) {
        setLimitBytes(megabytes * 1024 * 1024);
    }

    static void setLimitBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("tile cache limit must be positive, was " + bytes);
        }
        LIMIT_BYTES.set(bytes);
        OPEN.values().forEach(DiskTileCache::evictIfOver);
    }

    static long limitBytes() {
        return LIMIT_BYTES.get();
    }

    public Path root() {
        return root;
    }

    /** The bytes of the cached file at {@code relative} (a path inside the cache folder), if cached. */
    public Optional<byte[]> read(String relative) throws IOException {
        Path file = root.resolve(relative);
        try {
            byte[] bytes = Files.readAllBytes(file);
            touch(file);
            return Optional.of(bytes);
        } catch (NoSuchFileException notCached) {
            return Optional.empty();
        }
    }

    /** Stores {@code bytes} at {@code relative}: temp file, then an atomic rename; may start an eviction pass. */
    public void write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        long replaced = Files.isRegularFile(file) ? Files.size(file) : 0;
        Path temp = Files.createTempFile(file.getParent(), "tile", TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        totalBytes.addAndGet(bytes.length - replaced);
        evictIfOver();
    }

    /** What the running total says is on disk (approximate until the first walk has finished). */
    public long totalBytes() {
        return totalBytes.get();
    }

    /** Waits until the initial walk and any queued eviction have run (for tests and shutdown). */
    void awaitHousekeeping() throws Exception {
        initialWalk.get();
        housekeeping.submit(() -> { }).get();
    }

    private void touch(Path file) {
        try {
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            if (Files.getLastModifiedTime(file).toMillis() < now.toMillis() - TOUCH_INTERVAL.toMillis()) {
                Files.setLastModifiedTime(file, now);
            }
        } catch (IOException e) {
            // evicted meanwhile or read-only: the tile was read, which is what matters
        }
    }

    private void evictIfOver() {
        if (totalBytes.get() > LIMIT_BYTES.get() && evictionQueued.compareAndSet(false, true)) {
            housekeeping.submit(this::evict);
        }
    }

    /** Deletes the oldest files until the total is at most {@value #EVICT_TO_PERCENT}% of the limit. */
    private void evict() {
        evictionQueued.set(false);
        long limit = LIMIT_BYTES.get();
        List<CachedFile> files = walk();
        long onDisk = files.stream().mapToLong(CachedFile::size).sum();
        long target = limit / 100 * EVICT_TO_PERCENT;
        long removed = 0;
        int deleted = 0;
        if (onDisk > limit) {
            files.sort(Comparator.comparing(CachedFile::lastUsed));
            for (CachedFile f : files) {
                if (onDisk - removed <= target) {
                    break;
                }
                try {
                    if (Files.deleteIfExists(f.path())) {
                        removed += f.size();
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.warn("Could not evict cached tile {}: {}", f.path(), e.getMessage());
                }
            }
            LOG.info("Tile cache {}: evicted {} files ({} bytes), {} bytes left, limit {}", root, deleted, removed,
                    onDisk - removed, limit);
        }
        // Writes that happened during the walk may be counted twice or not at all; the next pass corrects it.
        totalBytes.set(onDisk - removed);
    }

    private List<CachedFile> walk() {
        List<CachedFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                    if (a.isRegularFile() && !path.getFileName().toString().endsWith(TEMP_SUFFIX)) {
                        files.add(new CachedFile(path, a.size(), a.lastModifiedTime()));
                    }
                } catch (IOException gone) {
                    // deleted while walking
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not measure the tile cache {}: {}", root, e.getMessage());
        }
        return files;
    }

    private record CachedFile(Path path, long size, FileTime lastUsed) {
    }
}
