package org.groundtruth.store.casefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.InterchangeFields;

/**
 * {@code incidents.gpkg} for QGIS: a GeoPackage 1.3 (OGC 12-128r18) with one point layer {@code incidents} in
 * EPSG:4326, the columns of {@link InterchangeFields} (snake_case), written with plain sqlite-jdbc. SQLite
 * needs a real file, so the caller writes it beside the export and copies it into the ZIP.
 */
final class GeoPackageWriter {
    static final String LAYER = "incidents";
    private static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final int USER_VERSION = 10300;

    private GeoPackageWriter() {
    }

    static void write(List<ExportedIncident> rows, Path file) throws IOException {
        List<String> columns = new ArrayList<>(InterchangeFields.CSV_COLUMNS);
        columns.remove("lat");
        columns.remove("lon");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + USER_VERSION);
                s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                        + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, "
                        + "definition TEXT NOT NULL, description TEXT)");
                s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, "
                        + "'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
                        + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
                        + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                        + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]', "
                        + "'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
                s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, "
                        + "'undefined', 'undefined cartesian coordinate reference system')");
                s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, "
                        + "'undefined', 'undefined geographic coordinate reference system')");
                s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                        + "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL, "
                        + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                        + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
                s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                        + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, "
                        + "m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                        + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                        + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
                StringBuilder table = new StringBuilder("CREATE TABLE " + LAYER
                        + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT");
                for (String column : columns) {
                    table.append(", ").append(column).append(' ').append(sqlType(column));
                }
                s.execute(table.append(')').toString());
            }
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            StringBuilder insert = new StringBuilder("INSERT INTO " + LAYER + " (geom");
            columns.forEach(col -> insert.append(", ").append(col));
            insert.append(") VALUES (?").append(", ?".repeat(columns.size())).append(')');
            try (PreparedStatement ps = c.prepareStatement(insert.toString())) {
                for (ExportedIncident row : rows) {
                    if (row.position().isPresent()) {
                        double lon = row.position().get().lon();
                        double lat = row.position().get().lat();
                        ps.setBytes(1, point(lon, lat));
                        box[0] = Math.min(box[0], lon);
                        box[1] = Math.min(box[1], lat);
                        box[2] = Math.max(box[2], lon);
                        box[3] = Math.max(box[3], lat);
                    } else {
                        ps.setNull(1, java.sql.Types.BLOB);
                    }
                    Map<String, Object> fields = InterchangeFields.of(row);
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = fields.get(columns.get(i));
                        if (value instanceof List<?>) {
                            value = InterchangeFields.csvText(value);
                        }
                        ps.setObject(i + 2, value);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            boolean any = box[0] <= box[2];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                    + "description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)")) {
                ps.setString(1, LAYER);
                ps.setString(2, LAYER);
                ps.setString(3, "Groundtruth incidents");
                ps.setString(4, DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                for (int i = 0; i < 4; i++) {
                    if (any) {
                        ps.setDouble(5 + i, box[i]);
                    } else {
                        ps.setNull(5 + i, java.sql.Types.DOUBLE);
                    }
                }
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + LAYER + "', 'geom', 'POINT', 4326, 0, 0)");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static String sqlType(String column) {
        return switch (column) {
            case "precision_m", "camera_lat", "camera_lon", "camera_bearing_deg", "camera_fov_deg" -> "REAL";
            case "killed_responders", "injured_responders", "killed_civilians", "injured_civilians",
                    "evidence_count" -> "INTEGER";
            default -> "TEXT";
        };
    }

    /** GeoPackage binary: "GP", version 0, flags (little-endian, no envelope), SRS id, then a WKB point. */
    static byte[] point(double lon, double lat) {
        ByteBuffer b = ByteBuffer.allocate(8 + 21).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x01).putInt(4326);
        b.put((byte) 1).putInt(1).putDouble(lon).putDouble(lat);
        return b.array();
    }
}
