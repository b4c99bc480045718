package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;

/**
 * A raster MBTiles file (spec 1.3: a {@code tiles} table in TMS rows, a {@code metadata} table). Reads are
 * serialised on one read-only connection: decoding the PNG/JPEG dominates, not SQLite.
 */
public final class MbTilesSource implements TileSource {
    private final Path file;
    private final Connection connection;
    private final String name;
    private final String attribution;
    private final int minZoom;
    private final int maxZoom;
    private final GeoBox bounds;

    private MbTilesSource(Path file, Connection connection, Map<String, String> metadata, int minZoom, int maxZoom) {
        this.file = file;
        this.connection = connection;
        this.name = metadata.getOrDefault("name", file.getFileName().toString());
        // Without its own credit line the file is credited by name, so the map always says what is shown.
        this.attribution = metadata.getOrDefault("attribution", "").isBlank() ? name : metadata.get("attribution");
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.bounds = parseBounds(metadata.get("bounds"));
    }

    public static MbTilesSource open(Path file) {
        Connection c = SqliteFiles.openReadOnly(file, "MBTiles");
        try {
            if (!SqliteFiles.hasTable(c, "tiles")) {
                throw new MapFileException(file, "not an MBTiles file (no tiles table)");
            }
            Map<String, String> metadata = new HashMap<>();
            if (SqliteFiles.hasTable(c, "metadata")) {
                try (PreparedStatement p = c.prepareStatement("SELECT name, value FROM metadata"); ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        metadata.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            String format = metadata.getOrDefault("format", "png");
            if (format.equals("pbf") || format.equals("mvt")) {
                throw new MapFileException(file, "vector MBTiles (" + format + ") are not supported; use raster tiles");
            }
            int min;
            int max;
            try (PreparedStatement p = c.prepareStatement("SELECT min(zoom_level), max(zoom_level), count(*) FROM tiles");
                    ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getLong(3) == 0) {
                    throw new MapFileException(file, "the MBTiles file holds no tiles");
                }
                min = rs.getInt(1);
                max = rs.getInt(2);
            }
            return new MbTilesSource(file, c, metadata, min, max);
        } catch (SQLException e) {
            close(c);
            throw new MapFileException(file, "corrupt MBTiles file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static GeoBox parseBounds(String text) {
        if (text == null) {
            return GeoBox.WORLD;
        }
        try {
            String[] parts = text.split(",");
            return new GeoBox(Double.parseDouble(parts[0].strip()), Math.max(-85.05, Double.parseDouble(parts[1].strip())),
                    Double.parseDouble(parts[2].strip()), Math.min(85.05, Double.parseDouble(parts[3].strip())));
        } catch (RuntimeException e) {
            return GeoBox.WORLD; // bounds are a hint for zoom-to-layer; a malformed hint is not worth refusing the file
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return attribution;
    }

    @Override
    public int minZoom() {
        return minZoom;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public GeoBox bounds() {
        return bounds;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) throws IOException {
        byte[] bytes;
        synchronized (this) {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
                p.setInt(1, key.zoom());
                p.setInt(2, key.x());
                p.setInt(3, key.tmsY());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    bytes = rs.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IOException(file.getFileName() + ": cannot read tile " + key + ": " + e.getMessage(), e);
            }
        }
        return TileImages.decode(bytes, file.getFileName() + " tile " + key);
    }

    @Override
    public synchronized void close() {
        close(connection);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
