package org.groundtruth.map.osm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.search.NameIndexFile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A street map imported from an {@code .osm.pbf} extract ({@link PbfImporter}): SQLite with the drawable features
 * under an R*Tree, the search index and a {@code meta} table (source, bounds, data date). Read-only; one connection
 * per reading thread.
 */
public final class OsmStore implements NameIndexFile {
    public static final String FORMAT = "groundtruth-osm";
    public static final String EXTENSION = ".streets.sqlite";
    static final int VERSION = 1;
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final Path file;
    private final Map<String, String> meta;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** One drawable feature. */
    public record Feature(long id, OsmLayer layer, int rank, String name, String nameAlt, Geometry geometry) {
    }

    private OsmStore(Path file, Map<String, String> meta) {
        this.file = file;
        this.meta = meta;
        this.connections = ThreadLocal.withInitial(this::connect);
    }

    static void createSchema(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE feature(id INTEGER PRIMARY KEY, layer INTEGER NOT NULL, rank INTEGER NOT NULL,"
                    + " min_zoom INTEGER NOT NULL, name TEXT, name_alt TEXT, geom BLOB NOT NULL)");
            s.execute("CREATE VIRTUAL TABLE feature_idx USING rtree(id, minx, maxx, miny, maxy)");
        }
    }

    /** Opens and checks the file; the error names it when it is not an imported street map. */
    public static OsmStore open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "street map not found");
        }
        Map<String, String> meta = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "not a readable street map: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(meta.get("format"))) {
            throw new MapFileException(file, "not a Groundtruth street map");
        }
        return new OsmStore(file, meta);
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new MapFileException(file, "cannot open: " + e.getMessage(), e);
        }
    }

    /** The connection of the calling thread (for the search index in the same file). */
    @Override
    public Connection connection() {
        if (closed) {
            throw new IllegalStateException("street map is closed");
        }
        return connections.get();
    }

    @Override
    public Path file() {
        return file;
    }

    public GeoBox bounds() {
        return new GeoBox(Double.parseDouble(meta.get("west")), Double.parseDouble(meta.get("south")),
                Double.parseDouble(meta.get("east")), Double.parseDouble(meta.get("north")));
    }

    public Instant dataDate() {
        return Instant.parse(meta.get("data_date"));
    }

    public String source() {
        return meta.getOrDefault("source", file.getFileName().toString());
    }

    /** Features drawn at {@code zoom} whose envelopes meet the box, in drawing order (layer, then minor before major). */
    public List<Feature> features(GeoBox box, int zoom) {
        List<Feature> features = new ArrayList<>();
        try (PreparedStatement p = connection().prepareStatement(
                "SELECT f.id, f.layer, f.rank, f.name, f.name_alt, f.geom FROM feature_idx i JOIN feature f ON f.id = i.id"
                        + " WHERE i.minx <= ? AND i.maxx >= ? AND i.miny <= ? AND i.maxy >= ? AND f.min_zoom <= ?"
                        + " ORDER BY f.layer, f.rank DESC, f.id")) {
            p.setDouble(1, box.east());
            p.setDouble(2, box.west());
            p.setDouble(3, box.north());
            p.setDouble(4, box.south());
            p.setInt(5, zoom);
            try (ResultSet rs = p.executeQuery()) {
                OsmLayer[] layers = OsmLayer.values();
                while (rs.next()) {
                    features.add(new Feature(rs.getLong(1), layers[rs.getInt(2)], rs.getInt(3), rs.getString(4),
                            rs.getString(5), CompactGeometry.decode(rs.getBytes(6), GEOMETRIES)));
                }
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "cannot read features: " + e.getMessage(), e);
        }
        return features;
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // read-only: nothing to lose
            }
        }
        opened.clear();
    }
}
