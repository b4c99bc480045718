package org.groundtruth.store.casefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.casefile.ImportedFeature;
import org.groundtruth.core.geo.LatLon;
import org.sqlite.SQLiteConfig;

/**
 * Points from the feature tables of a GeoPackage (OGC 12-128r18), opened read-only: the GeoPackage binary
 * header, then WKB. Layers in a CRS other than WGS84 (EPSG:4326) are skipped, not reprojected.
 */
final class GeoPackagePoints {
    private static final int WKB_POINT = 1;

    private GeoPackagePoints() {
    }

    static List<ImportedFeature> read(Path file, Consumer<String> skip) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<ImportedFeature> features = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
                Statement layers = c.createStatement();
                ResultSet rs = layers.executeQuery("SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns")) {
            List<String[]> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3))});
            }
            for (String[] t : tables) {
                if (!t[2].equals("4326")) {
                    skip.accept("layer " + t[0] + " is in EPSG:" + t[2] + ", not WGS84 (EPSG:4326)");
                    continue;
                }
                readLayer(c, t[0], t[1], features, skip);
            }
        } catch (SQLException e) {
            throw new BadInputException(file + " is not a readable GeoPackage: " + e.getMessage());
        }
        return features;
    }

    private static void readLayer(Connection c, String table, String geometryColumn, List<ImportedFeature> out,
            Consumer<String> skip) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> props = new LinkedHashMap<>();
                byte[] blob = null;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnName(i);
                    if (name.equalsIgnoreCase(geometryColumn)) {
                        blob = rs.getBytes(i);
                    } else if (rs.getObject(i) != null && !name.equalsIgnoreCase("fid")) {
                        props.put(name, rs.getString(i));
                    }
                }
                double[] xy = blob == null ? null : point(blob);
                if (xy == null || Math.abs(xy[1]) > 90 || Math.abs(xy[0]) > 180 || !Double.isFinite(xy[0] + xy[1])) {
                    skip.accept("feature of " + table + " is not a WGS84 point");
                } else {
                    out.add(new ImportedFeature(new LatLon(xy[1], xy[0]), props));
                }
            }
        }
    }

    /** x, y of a GeoPackage point blob, or null when it is another geometry or damaged. */
    static double[] point(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            return null;
        }
        int flags = blob[3];
        int envelope = switch ((flags >> 1) & 0x7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> -1;
        };
        if (envelope < 0 || (flags & 0x10) != 0) {
            return null; // invalid envelope code, or an empty geometry
        }
        int wkb = 8 + envelope;
        if (blob.length < wkb + 21) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(blob, wkb, blob.length - wkb);
        b.order(blob[wkb] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.get();
        int type = b.getInt();
        // 1 = Point; 1001/2001/3001 and the EWKB high bits are Point with Z and/or M.
        if ((type & 0xFFFF) % 1000 != WKB_POINT) {
            return null;
        }
        return new double[] {b.getDouble(), b.getDouble()};
    }
}
