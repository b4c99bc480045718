package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;

/**
 * The first tile pyramid of a GeoPackage (OGC 12-128r18 "tiles"), in EPSG:4326 or EPSG:3857 and on any tile
 * matrix (GDAL writes its own grid by default), resampled into Web Mercator tiles: for each output pixel the
 * matrix level nearest the output resolution is read, nearest neighbour.
 */
public final class GeoPackageTileSource implements TileSource {
    private final Path file;
    private final Connection connection;
    private final String table;
    private final String name;
    private final boolean mercator;
    private final double minX;
    private final double maxY;
    private final List<Matrix> matrices;
    private final GeoBox bounds;

    /** One zoom level of the pyramid: its grid size and pixel size in CRS units. */
    private record Matrix(int zoom, int width, int height, int tileWidth, int tileHeight, double pixelX, double pixelY) {
    }

    private GeoPackageTileSource(Path file, Connection connection, String table, String name, boolean mercator,
            double minX, double maxY, List<Matrix> matrices, GeoBox bounds) {
        this.file = file;
        this.connection = connection;
        this.table = table;
        this.name = name;
        this.mercator = mercator;
        this.minX = minX;
        this.maxY = maxY;
        this.matrices = matrices;
        this.bounds = bounds;
    }

    public static GeoPackageTileSource open(Path file) {
        Connection c = SqliteFiles.openReadOnly(file, "GeoPackage");
        try {
            if (!SqliteFiles.hasTable(c, "gpkg_contents")) {
                throw new MapFileException(file, "not a GeoPackage (no gpkg_contents table)");
            }
            String table;
            String identifier;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT table_name, coalesce(identifier, table_name) FROM gpkg_contents WHERE data_type = 'tiles' ORDER BY table_name");
                    ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new MapFileException(file, "the GeoPackage has no tile table (only features or attributes)");
                }
                table = rs.getString(1);
                identifier = rs.getString(2);
            }
            int srsId;
            double minX;
            double minY;
            double maxX;
            double maxY;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT s.organization, s.organization_coordsys_id, m.min_x, m.min_y, m.max_x, m.max_y"
                            + " FROM gpkg_tile_matrix_set m JOIN gpkg_spatial_ref_sys s ON s.srs_id = m.srs_id WHERE m.table_name = ?")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new MapFileException(file, "tile table " + table + " has no tile matrix set");
                    }
                    srsId = rs.getInt(2);
                    if (!"EPSG".equalsIgnoreCase(rs.getString(1)) || (srsId != 4326 && srsId != 3857)) {
                        throw new MapFileException(file, "tiles in " + rs.getString(1) + ":" + srsId
                                + " are not supported; use EPSG:4326 or EPSG:3857");
                    }
                    minX = rs.getDouble(3);
                    minY = rs.getDouble(4);
                    maxX = rs.getDouble(5);
                    maxY = rs.getDouble(6);
                }
            }
            List<Matrix> matrices = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height, pixel_x_size, pixel_y_size"
                            + " FROM gpkg_tile_matrix WHERE table_name = ? AND zoom_level IN (SELECT DISTINCT zoom_level FROM \""
                            + table.replace("\"", "\"\"") + "\") ORDER BY zoom_level")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        matrices.add(new Matrix(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                                rs.getDouble(6), rs.getDouble(7)));
                    }
                }
            }
            if (matrices.isEmpty()) {
                throw new MapFileException(file, "tile table " + table + " holds no tiles");
            }
            boolean mercator = srsId == 3857;
            GeoBox bounds = mercator
                    ? new GeoBox(clampLon(Math.toDegrees(minX / 6_378_137)), latOfMercator(minY),
                            clampLon(Math.toDegrees(maxX / 6_378_137)), latOfMercator(maxY))
                    : new GeoBox(Math.max(-180, minX), Math.max(-85.05, minY), Math.min(180, maxX), Math.min(85.05, maxY));
            return new GeoPackageTileSource(file, c, table, identifier, mercator, minX, maxY, matrices, bounds);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new MapFileException(file, "corrupt GeoPackage: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static double clampLon(double lon) {
        return Math.max(-180, Math.min(180, lon));
    }

    private static double latOfMercator(double y) {
        return Math.max(-85.05, Math.min(85.05, Math.toDegrees(Math.atan(Math.sinh(y / 6_378_137)))));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return name;
    }

    @Override
    public int minZoom() {
        return 0;
    }

    @Override
    public int maxZoom() {
        return WebMercator.MAX_ZOOM;
    }

    @Override
    public GeoBox bounds() {
        return bounds;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) throws IOException {
        if (!WebMercator.tileBox(key).intersects(bounds)) {
            return Optional.empty();
        }
        double[] points = TilePixels.lonLatCentres(key);
        if (mercator) {
            TilePixels.toWebMercatorMeters(points);
        }
        Matrix matrix = chooseMatrix(points);
        Map<Long, Optional<BufferedImage>> sourceTiles = new HashMap<>();
        int[] out = new int[TilePixels.SIZE * TilePixels.SIZE];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            double px = (points[2 * i] - minX) / matrix.pixelX();
            double py = (maxY - points[2 * i + 1]) / matrix.pixelY();
            if (px < 0 || py < 0) {
                continue;
            }
            int col = (int) (px / matrix.tileWidth());
            int row = (int) (py / matrix.tileHeight());
            if (col >= matrix.width() || row >= matrix.height()) {
                continue;
            }
            long id = ((long) col << 32) | row;
            Optional<BufferedImage> source = sourceTiles.get(id);
            if (source == null) {
                source = readTile(matrix.zoom(), col, row);
                sourceTiles.put(id, source);
            }
            if (source.isPresent()) {
                BufferedImage image = source.get();
                int x = Math.min(image.getWidth() - 1, (int) (px - (double) col * matrix.tileWidth()));
                int y = Math.min(image.getHeight() - 1, (int) (py - (double) row * matrix.tileHeight()));
                out[i] = image.getRGB(x, y);
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        BufferedImage tile = TilePixels.newTile();
        tile.setRGB(0, 0, TilePixels.SIZE, TilePixels.SIZE, out, 0, TilePixels.SIZE);
        return Optional.of(tile);
    }

    /**
     * The finest level whose pixels are not smaller than the output's (so one output tile reads only a few source
     * tiles); when the output is finer than every level, the finest level, stretched.
     */
    private Matrix chooseMatrix(double[] points) {
        double outputPixel = Math.abs(points[2] - points[0]);
        Matrix chosen = null;
        for (Matrix m : matrices) {
            if (m.pixelX() >= outputPixel * 0.99 && (chosen == null || m.pixelX() < chosen.pixelX())) {
                chosen = m;
            }
        }
        if (chosen == null) {
            chosen = matrices.get(0);
            for (Matrix m : matrices) {
                if (m.pixelX() < chosen.pixelX()) {
                    chosen = m;
                }
            }
        }
        return chosen;
    }

    private synchronized Optional<BufferedImage> readTile(int zoom, int col, int row) throws IOException {
        try (PreparedStatement p = connection.prepareStatement("SELECT tile_data FROM \"" + table.replace("\"", "\"\"")
                + "\" WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            p.setInt(1, zoom);
            p.setInt(2, col);
            p.setInt(3, row);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? TileImages.decode(rs.getBytes(1), file.getFileName() + " tile " + zoom + "/" + col + "/" + row)
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException(file.getFileName() + ": cannot read tile: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // read-only
        }
    }
}
