package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoPackage tile tables: one in EPSG:3857 on the standard grid, built from the Blue Marble MBTiles, must give the
 * same pixels as the MBTiles; a feature-only GeoPackage and an unsupported CRS are refused by name.
 */
class GeoPackageTileSourceTest {
    private static final double HALF_WORLD = 20037508.342789244;

    @Test
    void webMercatorPyramidGivesTheSameTilesAsTheMbtilesItCameFrom(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("bluemarble.gpkg");
        Path mbtiles = TestData.shared("imagery/bluemarble-z0-4.mbtiles");
        writeGeoPackage(gpkg, mbtiles, 3857, "EPSG");
        try (TileSource source = ImageryFiles.open(gpkg); TileSource reference = ImageryFiles.open(mbtiles)) {
            assertThat(source).isInstanceOf(GeoPackageTileSource.class);
            assertThat(source.name()).isEqualTo("blue marble");
            for (TileKey key : new TileKey[] {new TileKey(2, 2, 1), new TileKey(3, 4, 2), new TileKey(4, 9, 5)}) {
                BufferedImage ours = source.tile(key).orElseThrow();
                BufferedImage original = reference.tile(key).orElseThrow();
                assertThat(ImageryFilesTest.meanDifference(ours, original)).as("tile %s", key).isLessThan(1.0);
            }
            // Deeper than the pyramid: the finest level is stretched, not left blank.
            assertThat(ImageryFilesTest.opaqueShare(source.tile(new TileKey(6, 37, 22)).orElseThrow())).isGreaterThan(0.99);
        }
    }

    @Test
    void unsupportedCrsIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("lambert.gpkg");
        writeGeoPackage(gpkg, TestData.shared("imagery/bluemarble-z0-4.mbtiles"), 3035, "EPSG");
        assertThatThrownBy(() -> ImageryFiles.open(gpkg))
                .hasMessageStartingWith("lambert.gpkg: tiles in EPSG:3035 are not supported");
    }

    @Test
    void featureOnlyGeoPackageIsRefused() {
        assertThatThrownBy(() -> ImageryFiles.open(TestData.shared("basemap/basemap-sources.gpkg")))
                .hasMessageStartingWith("basemap-sources.gpkg: the GeoPackage has no tile table");
    }

    /** A minimal GeoPackage (OGC 12-128r18 tables) holding the MBTiles pyramid on the EPSG:3857 world grid. */
    static void writeGeoPackage(Path gpkg, Path mbtiles, int srsId, String organization) throws Exception {
        try (Connection out = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                Connection in = DriverManager.getConnection("jdbc:sqlite:file:" + mbtiles.toAbsolutePath() + "?mode=ro");
                Statement s = out.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487");
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,"
                    + " organization_coordsys_id INTEGER, definition TEXT, description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('test', " + srsId + ", '" + organization + "', " + srsId + ", 'undefined', '')");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT,"
                    + " last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER)");
            s.execute("INSERT INTO gpkg_contents VALUES ('blue', 'tiles', 'blue marble', '', '', null, null, null, null, " + srsId + ")");
            s.execute("CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INTEGER, min_x REAL, min_y REAL,"
                    + " max_x REAL, max_y REAL)");
            s.execute("INSERT INTO gpkg_tile_matrix_set VALUES ('blue', " + srsId + ", " + -HALF_WORLD + ", " + -HALF_WORLD + ", "
                    + HALF_WORLD + ", " + HALF_WORLD + ")");
            s.execute("CREATE TABLE gpkg_tile_matrix (table_name TEXT, zoom_level INTEGER, matrix_width INTEGER,"
                    + " matrix_height INTEGER, tile_width INTEGER, tile_height INTEGER, pixel_x_size REAL, pixel_y_size REAL)");
            s.execute("CREATE TABLE blue (id INTEGER PRIMARY KEY, zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement matrix = out.prepareStatement("INSERT INTO gpkg_tile_matrix VALUES ('blue', ?, ?, ?, 256, 256, ?, ?)")) {
                for (int z = 0; z <= 4; z++) {
                    double pixel = 2 * HALF_WORLD / (256.0 * (1 << z));
                    matrix.setInt(1, z);
                    matrix.setInt(2, 1 << z);
                    matrix.setInt(3, 1 << z);
                    matrix.setDouble(4, pixel);
                    matrix.setDouble(5, pixel);
                    matrix.executeUpdate();
                }
            }
            try (PreparedStatement insert = out.prepareStatement("INSERT INTO blue(zoom_level, tile_column, tile_row, tile_data) VALUES (?,?,?,?)");
                    ResultSet rs = in.createStatement().executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")) {
                while (rs.next()) {
                    int z = rs.getInt(1);
                    insert.setInt(1, z);
                    insert.setInt(2, rs.getInt(2));
                    insert.setInt(3, (1 << z) - 1 - rs.getInt(3)); // MBTiles rows count from the south, GeoPackage's from the north
                    insert.setBytes(4, rs.getBytes(4));
                    insert.executeUpdate();
                }
            }
        }
    }
}
