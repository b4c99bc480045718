package org.groundtruth.map.gazetteer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.GeoPackageGeometry;
import org.groundtruth.map.MapFileException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a GeoNames dump into {@code maps/gazetteer.sqlite}: places with their Latin and Cyrillic names in an
 * FTS5 index, an R*Tree for nearest-place lookups, and the admin-1 regions (oblasts) for reverse lookup.
 * Alternate names in other scripts are dropped: they would double the file for names nobody here types.
 */
public final class GazetteerBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(GazetteerBuilder.class);
    private static final double REGION_TOLERANCE_DEGREES = 0.004;
    /** Big cities carry hundreds of alternates; the first few dozen hold the spellings people actually use. */
    private static final int MAX_NAMES = 24;

    private GazetteerBuilder() {
    }

    public static void build(GeoNamesDump places, Path basemapSources, Path output) throws IOException {
        Path temp = output.resolveSibling(output.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try (Connection out = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath())) {
            try (Statement s = out.createStatement()) {
                s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                // Compact on purpose: the first of "names" is the name, positions in 1e-5 degrees (about 1 m),
                // admin-1 as a region id; a B-tree on latitude serves nearest-place lookups.
                s.execute("CREATE TABLE place(id INTEGER PRIMARY KEY, names TEXT NOT NULL, country_code TEXT NOT NULL,"
                        + " region_id INTEGER NOT NULL, lat_e5 INTEGER NOT NULL, lon_e5 INTEGER NOT NULL,"
                        + " population INTEGER NOT NULL)");
                s.execute("CREATE VIRTUAL TABLE place_fts USING fts5(names, content='place', content_rowid='id',"
                        + " tokenize=\"unicode61 remove_diacritics 2\", detail=none, columnsize=0)");
                s.execute("CREATE TABLE region(id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_uk TEXT NOT NULL,"
                        + " iso TEXT NOT NULL, country_code TEXT NOT NULL, wkb BLOB NOT NULL)");
                s.execute("CREATE VIRTUAL TABLE region_idx USING rtree(id, minx, maxx, miny, maxy)");
                s.execute("CREATE TABLE place_skel(skel TEXT NOT NULL, place_id INTEGER NOT NULL,"
                        + " PRIMARY KEY(skel, place_id)) WITHOUT ROWID");
            }
            out.setAutoCommit(false);
            RegionIndex regions = writeRegions(basemapSources, out);
            writePlaces(places, regions, out);
            try (Statement s = out.createStatement()) {
                s.execute("INSERT INTO place_fts(place_fts) VALUES ('rebuild')");
                s.execute("CREATE INDEX place_lat ON place(lat_e5)");
                s.execute("INSERT INTO meta VALUES ('format', 'groundtruth-gazetteer'), ('version', '1'),"
                        + " ('attribution', '" + Gazetteer.ATTRIBUTION + "')");
            }
            out.commit();
            out.setAutoCommit(true);
            try (Statement s = out.createStatement()) {
                s.executeUpdate("INSERT INTO place_fts(place_fts) VALUES ('optimize')");
            }
            try (Statement s = out.createStatement()) {
                s.executeUpdate("VACUUM");
            }
        } catch (SQLException e) {
            throw new MapFileException(output, "cannot build the gazetteer: " + e.getMessage(), e);
        }
        Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Gazetteer {} built: {} places, {} MB", output, places.all().size(), Files.size(output) / 1_000_000);
    }

    /**
     * Transliteration skeletons (see {@link org.groundtruth.map.NameKeys#skeleton}) of every name, so that
     * Kupjansk finds Kupiansk; only inside {@link #VARIANTS_BOX} (Ukraine and its neighbours), to keep the file small.
     */
    private static void writeSkeletons(GeoNamesPlace place, PreparedStatement insert) throws SQLException {
        if (!VARIANTS_BOX.contains(place.lon(), place.lat())) {
            return;
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String name : searchableNames(place)) {
            String skeleton = org.groundtruth.map.NameKeys.skeleton(org.groundtruth.map.NameKeys.key(name));
            if (skeleton.length() >= 2 && done.add(skeleton)) {
                insert.setString(1, skeleton);
                insert.setLong(2, place.id());
                insert.executeUpdate();
            }
        }
    }

    static final org.locationtech.jts.geom.Envelope VARIANTS_BOX = new org.locationtech.jts.geom.Envelope(12, 50, 40, 60);

    private record Region(long id, String name, String iso, PreparedGeometry shape) {
    }

    private static final class RegionIndex {
        private final STRtree tree = new STRtree();

        void add(Region region) {
            tree.insert(region.shape().getGeometry().getEnvelopeInternal(), region);
        }

        /** The region covering the point, else the nearest within {@link Gazetteer#REGION_SNAP_DEGREES}. */
        long idAt(Point point) {
            Envelope near = point.getEnvelopeInternal();
            near.expandBy(Gazetteer.REGION_SNAP_DEGREES);
            long nearest = 0;
            double nearestDistance = Double.MAX_VALUE;
            for (Object candidate : tree.query(near)) {
                Region region = (Region) candidate;
                if (region.shape().covers(point)) {
                    return region.id();
                }
                double distance = region.shape().getGeometry().distance(point);
                if (distance <= Gazetteer.REGION_SNAP_DEGREES && distance < nearestDistance) {
                    nearest = region.id();
                    nearestDistance = distance;
                }
            }
            return nearest;
        }
    }

    private static RegionIndex writeRegions(Path sources, Connection out) throws SQLException {
        RegionIndex index = new RegionIndex();
        GeometryFactory factory = new GeometryFactory();
        WKBReader reader = new WKBReader(factory);
        try (Connection in = DriverManager.getConnection("jdbc:sqlite:file:" + sources.toAbsolutePath() + "?mode=ro&immutable=1");
                Statement s = in.createStatement();
                ResultSet rs = s.executeQuery("SELECT geom, name, name_uk, iso_3166_2 FROM admin1_regions_10m");
                PreparedStatement insert = out.prepareStatement("INSERT INTO region VALUES (?,?,?,?,?,?)");
                PreparedStatement insertIndex = out.prepareStatement("INSERT INTO region_idx VALUES (?,?,?,?,?)")) {
            long id = 1;
            while (rs.next()) {
                Geometry shape = GeoPackageGeometry.decode(rs.getBytes(1), reader).orElse(null);
                if (shape == null || shape.isEmpty()) {
                    continue;
                }
                Geometry simplified = TopologyPreservingSimplifier.simplify(shape, REGION_TOLERANCE_DEGREES);
                String name = rs.getString(2) == null ? "" : rs.getString(2);
                String iso = rs.getString(4) == null ? "" : rs.getString(4);
                // Keyed by ISO 3166-2, not by Natural Earth's "admin": UA-43 and UA-40 are Ukraine (UNGA 68/262).
                String country = iso.length() >= 2 ? iso.substring(0, 2) : "";
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, rs.getString(3) == null ? "" : rs.getString(3));
                insert.setString(4, iso);
                insert.setString(5, country);
                insert.setBytes(6, CompactGeometry.encode(simplified));
                insert.executeUpdate();
                Envelope e = simplified.getEnvelopeInternal();
                insertIndex.setLong(1, id);
                insertIndex.setDouble(2, e.getMinX());
                insertIndex.setDouble(3, e.getMaxX());
                insertIndex.setDouble(4, e.getMinY());
                insertIndex.setDouble(5, e.getMaxY());
                insertIndex.executeUpdate();
                index.add(new Region(id, name, iso, PreparedGeometryFactory.prepare(shape)));
                id++;
            }
        } catch (IllegalArgumentException e) {
            throw new MapFileException(sources, "unreadable admin-1 geometry: " + e.getMessage(), e);
        }
        return index;
    }

    private static void writePlaces(GeoNamesDump places, RegionIndex regions, Connection out) throws SQLException {
        GeometryFactory factory = new GeometryFactory();
        try (PreparedStatement insert = out.prepareStatement("INSERT INTO place VALUES (?,?,?,?,?,?,?)");
                PreparedStatement skeletons = out.prepareStatement("INSERT OR IGNORE INTO place_skel VALUES (?,?)")) {
            for (GeoNamesPlace place : places.all()) {
                insert.setLong(1, place.id());
                insert.setString(2, String.join(Gazetteer.NAME_SEPARATOR, searchableNames(place)));
                insert.setString(3, place.countryCode());
                insert.setLong(4, regions.idAt(factory.createPoint(new Coordinate(place.lon(), place.lat()))));
                insert.setLong(5, Math.round(place.lat() * 1e5));
                insert.setLong(6, Math.round(place.lon() * 1e5));
                insert.setLong(7, place.population());
                insert.executeUpdate();
                writeSkeletons(place, skeletons);
            }
        }
    }

    /** The name, its ASCII form and the Latin/Cyrillic alternates, each once (compared without case or accents). */
    static List<String> searchableNames(GeoNamesPlace place) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(place.name());
        candidates.add(place.asciiName());
        candidates.addAll(place.alternateNames());
        for (String candidate : candidates) {
            String name = candidate.strip();
            if (name.isEmpty() || (!names.isEmpty() && !Transliteration.isLatinOrCyrillicName(name))) {
                continue;
            }
            names.putIfAbsent(Transliteration.key(name).toLowerCase(Locale.ROOT), name);
            if (names.size() >= MAX_NAMES) {
                break;
            }
        }
        return List.copyOf(names.values());
    }
}
