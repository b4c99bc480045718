package org.groundtruth.map.imagery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Save area for offline use": fetches every tile of a box over a zoom range from an XYZ service into a new
 * MBTiles file. Refuses work above a tile limit before fetching anything; written to a temporary file and
 * renamed at the end, so a cancelled or failed run leaves no half file.
 */
public final class OfflineArea {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineArea.class);
    public static final long DEFAULT_TILE_LIMIT = 20_000;
    private static final int ATTEMPTS = 3;

    private OfflineArea() {
    }

    /** The tiles of {@code box} at zooms {@code minZoom..maxZoom}. */
    public static long estimateTiles(GeoBox box, int minZoom, int maxZoom) {
        checkZooms(minZoom, maxZoom);
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            TileRange r = TileRange.of(box, z);
            total += (long) (r.maxX() - r.minX() + 1) * (r.maxY() - r.minY() + 1);
        }
        return total;
    }

    /** What a save did: tiles written, tiles the server could not give after retries. */
    public record Result(Path file, long written, long missing) {
    }

    public static Result save(XyzTileSource source, GeoBox box, int minZoom, int maxZoom, Path target, long tileLimit,
            ProgressMonitor monitor) {
        long total = estimateTiles(box, minZoom, maxZoom);
        if (total > tileLimit) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "The area needs %,d tiles, above the limit of %,d: choose a smaller box or fewer zoom levels", total, tileLimit));
        }
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        long written = 0;
        long missing = 0;
        long done = 0;
        try {
            Files.deleteIfExists(temp);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath())) {
                createSchema(c, source, box, minZoom, maxZoom);
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT OR REPLACE INTO tiles(zoom_level, tile_column, tile_row, tile_data) VALUES (?,?,?,?)")) {
                    for (int z = minZoom; z <= maxZoom; z++) {
                        TileRange range = TileRange.of(box, z);
                        for (int x = range.minX(); x <= range.maxX(); x++) {
                            for (int y = range.minY(); y <= range.maxY(); y++) {
                                if (monitor.isCancelled()) {
                                    c.rollback();
                                    throw new java.util.concurrent.CancellationException("saving the area was cancelled");
                                }
                                TileKey key = new TileKey(z, x, y);
                                byte[] bytes = fetchWithRetries(source, key);
                                if (bytes == null) {
                                    missing++;
                                } else {
                                    insert.setInt(1, z);
                                    insert.setInt(2, x);
                                    insert.setInt(3, key.tmsY());
                                    insert.setBytes(4, bytes);
                                    insert.executeUpdate();
                                    written++;
                                }
                                monitor.progress(++done, total);
                            }
                        }
                        c.commit();
                    }
                }
                c.commit();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Saved {} tiles ({} missing) of {} to {}", written, missing, source.name(), target);
            return new Result(target, written, missing);
        } catch (SQLException | IOException e) {
            deleteQuietly(temp);
            throw new MapFileException(target, "cannot write the offline area: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static byte[] fetchWithRetries(XyzTileSource source, TileKey key) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return source.tileBytes(key);
            } catch (IOException e) {
                LOG.debug("tile {} attempt {} failed: {}", key, attempt, e.getMessage());
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    private static void createSchema(Connection c, XyzTileSource source, GeoBox box, int minZoom, int maxZoom) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata(name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles(zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("CREATE UNIQUE INDEX tile_index ON tiles(zoom_level, tile_column, tile_row)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO metadata(name, value) VALUES (?,?)")) {
            String[][] rows = {
                    {"name", source.name() + " (offline)"},
                    {"format", "png"},
                    {"type", "baselayer"},
                    {"version", "1.3"},
                    {"minzoom", Integer.toString(minZoom)},
                    {"maxzoom", Integer.toString(maxZoom)},
                    {"bounds", String.format(Locale.ROOT, "%f,%f,%f,%f", box.west(), box.south(), box.east(), box.north())},
                    {"attribution", source.attribution()},
                    {"description", "Saved by Groundtruth from " + source.template()}};
            for (String[] row : rows) {
                p.setString(1, row[0]);
                p.setString(2, row[1]);
                p.executeUpdate();
            }
        }
    }

    private static void checkZooms(int minZoom, int maxZoom) {
        if (minZoom < 0 || maxZoom > WebMercator.MAX_ZOOM || minZoom > maxZoom) {
            throw new BadInputException("Zoom range must lie within 0.." + WebMercator.MAX_ZOOM + " with min ≤ max, was "
                    + minZoom + ".." + maxZoom);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    /** The tile columns and rows a box covers at one zoom. */
    record TileRange(int minX, int maxX, int minY, int maxY) {
        static TileRange of(GeoBox box, int zoom) {
            int n = 1 << zoom;
            int minX = clamp((int) Math.floor(WebMercator.normX(box.west()) * n), n);
            int maxX = clamp((int) Math.floor(WebMercator.normX(box.east()) * n), n);
            int minY = clamp((int) Math.floor(WebMercator.normY(box.north()) * n), n);
            int maxY = clamp((int) Math.floor(WebMercator.normY(box.south()) * n), n);
            return new TileRange(minX, maxX, minY, maxY);
        }

        private static int clamp(int v, int n) {
            return Math.max(0, Math.min(n - 1, v));
        }
    }
}
