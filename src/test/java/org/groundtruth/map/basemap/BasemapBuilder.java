package org.groundtruth.map.basemap;

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
import java.util.Map;
import java.util.Optional;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.gazetteer.GeoNamesDump;
import org.groundtruth.map.gazetteer.GeoNamesPlace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles {@code basemap-sources.gpkg} (Natural Earth, visionscarto, GSHHG) into the compact
 * {@code maps/basemap.sqlite} that {@link BasemapRenderer} draws tiles from: geometry simplified per zoom band,
 * cut into grid cells, indexed by one R*Tree per band, labels with Latin and Ukrainian names.
 */
public final class BasemapBuilder {
    public static final String FILE_NAME = org.groundtruth.map.MapsDirectory.BASEMAP;
    static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(BasemapBuilder.class);

    /** Where admin1_regions_10m exists: there its 10m polygons replace the 50m land fill from zoom 7. */
    static final Envelope ADMIN1_BOX = new Envelope(-12, 60, 30, 65);
    /** Where the full-resolution GSHHG rivers and coast exist: they replace Natural Earth's from zoom 10. */
    static final Envelope GSHHG_BOX = new Envelope(21.5, 41, 43.8, 53);
    /** Extra GeoNames places (beyond Natural Earth's) are labelled inside this box at deep zooms. */
    static final Envelope EXTRA_PLACES_BOX = new Envelope(12, 50, 40, 60);
    private static final int MAX_POINTS_PER_PIECE = 400;

    private final GeometryFactory geometries = new GeometryFactory();
    private final WKBReader wkbReader = new WKBReader(geometries);
    private PreparedStatement insertFeature;
    private final PreparedStatement[] insertIndex = new PreparedStatement[ZoomBand.INDEXES];
    private long nextId = 1;
    private static final int MAX_ZOOM = 22;
    /** Deepest zoom at which the features being emitted are drawn (only lowered around a replaced region). */
    private int maxZoom = MAX_ZOOM;

    /** {@code BasemapBuilder [SOURCE_DATA_DIR [MAPS_DIR]]}: defaults {@code ../shared/data} and {@code maps}. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path maps = Path.of(args.length > 1 ? args[1] : "maps");
        Files.createDirectories(maps);
        Path gazetteerSource = data.resolve("gazetteer/geonames-cities500.txt.gz");
        GeoNamesDump places = GeoNamesDump.read(gazetteerSource);
        new BasemapBuilder().build(data.resolve("basemap/basemap-sources.gpkg"), places, maps.resolve(FILE_NAME));
        org.groundtruth.map.gazetteer.GazetteerBuilder.build(places, data.resolve("basemap/basemap-sources.gpkg"), maps.resolve(
                org.groundtruth.map.gazetteer.Gazetteer.FILE_NAME));
    }

    public void build(Path sources, GeoNamesDump places, Path output) throws IOException {
        if (!Files.isRegularFile(sources)) {
            throw new MapFileException(sources, "basemap sources not found");
        }
        Path temp = output.resolveSibling(output.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        long started = System.nanoTime();
        try (Connection in = DriverManager.getConnection("jdbc:sqlite:file:" + sources.toAbsolutePath() + "?mode=ro&immutable=1");
                Connection out = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath())) {
            createSchema(out);
            out.setAutoCommit(false);
            insertFeature = out.prepareStatement(
                    "INSERT INTO feature(id, layer, min_zoom, max_zoom, rank, name, name_uk, geom) VALUES (?,?,?,?,?,?,?,?)");
            for (int index = 0; index < ZoomBand.INDEXES; index++) {
                insertIndex[index] = out.prepareStatement(
                        "INSERT INTO idx_" + index + "(id, minx, maxx, miny, maxy) VALUES (?,?,?,?,?)");
            }
            buildLand(in);
            // Urban areas stay visible at street zoom (issue 14: towns were dots past zoom 11); an added street map
            // draws over them where it has data.
            buildSimpleLayer(in, "urban_areas_50m", BasemapLayer.URBAN, 6, false);
            buildSimpleLayer(in, "lakes_10m", BasemapLayer.LAKE, 0, true);
            buildSimpleLayer(in, "lakes_europe_10m", BasemapLayer.LAKE, 7, true);
            buildReplacedInBox(in, "rivers_lake_centerlines_10m", "gshhg_full_rivers_ukraine", BasemapLayer.RIVER);
            buildReplacedInBox(in, "coastline_10m", "gshhg_full_coast_ukraine", BasemapLayer.COAST);
            buildAdmin0Lines(in);
            buildAdmin1(in, places);
            buildCountryLabels(in);
            buildPlaceLabels(in, places);
            writeMeta(out);
            insertFeature.close();
            for (PreparedStatement p : insertIndex) {
                p.close();
            }
            out.commit();
            out.setAutoCommit(true);
            try (Statement s = out.createStatement()) {
                s.execute("VACUUM");
            }
        } catch (SQLException e) {
            throw new MapFileException(sources, "cannot build the basemap: " + e.getMessage(), e);
        }
        Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Basemap {} built: {} features, {} MB in {} s", output, nextId - 1, Files.size(output) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void createSchema(Connection out) throws SQLException {
        try (Statement s = out.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE feature(id INTEGER PRIMARY KEY, layer INTEGER NOT NULL, min_zoom INTEGER NOT NULL,"
                    + " max_zoom INTEGER NOT NULL, rank INTEGER NOT NULL, name TEXT, name_uk TEXT, geom BLOB NOT NULL)");
            for (int index = 0; index < ZoomBand.INDEXES; index++) {
                s.execute("CREATE VIRTUAL TABLE idx_" + index + " USING rtree(id, minx, maxx, miny, maxy)");
            }
        }
    }

    private void writeMeta(Connection out) throws SQLException {
        Map<String, String> meta = Map.of(
                "format", "groundtruth-basemap",
                "version", Integer.toString(FORMAT_VERSION),
                "attribution", BasemapRenderer.ATTRIBUTION,
                "bands", "0-3,4-6,7+");
        try (PreparedStatement p = out.prepareStatement("INSERT INTO meta(key, value) VALUES (?,?)")) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.executeUpdate();
            }
        }
    }

    // ---- layers ----

    private void buildLand(Connection in) throws SQLException {
        Geometry box = geometries.toGeometry(ADMIN1_BOX);
        forEach(in, "SELECT geom FROM land_50m", row -> {
            Geometry land = row.geometry();
            emit(BasemapLayer.LAND, land, 0, 0, null, null, ZoomBand.WORLD, ZoomBand.COUNTRY);
            for (int i = 0; i < land.getNumGeometries(); i++) {
                Geometry part = land.getGeometryN(i);
                if (!part.isValid()) {
                    part = GeometryFixer.fix(part);
                }
                Geometry outside = ADMIN1_BOX.covers(part.getEnvelopeInternal()) ? null
                        : !ADMIN1_BOX.intersects(part.getEnvelopeInternal()) ? part
                        : safeOverlay(part, box, OverlayNG.DIFFERENCE);
                emit(BasemapLayer.LAND, outside, 0, 0, null, null, ZoomBand.DETAIL);
            }
        });
        // Inside the box the 10m admin-1 polygons are the land: they agree with the 10m coastline.
        forEach(in, "SELECT geom FROM admin1_regions_10m", row ->
                emit(BasemapLayer.LAND, row.geometry(), 0, 0, null, null, ZoomBand.DETAIL));
    }

    private void buildSimpleLayer(Connection in, String table, BasemapLayer layer, int minZoom, boolean useMinZoom)
            throws SQLException {
        String zoomColumn = useMinZoom ? "min_zoom" : "NULL";
        forEach(in, "SELECT geom, " + zoomColumn + " FROM " + table, row -> {
            int zoom = Math.max(minZoom, row.intOr(2, minZoom));
            emitFrom(layer, row.geometry(), zoom, 0, null, null);
        });
    }

    /** Natural Earth everywhere, except inside the GSHHG box from zoom 10 where the full-resolution lines take over. */
    private void buildReplacedInBox(Connection in, String naturalEarth, String gshhg, BasemapLayer layer) throws SQLException {
        Geometry box = geometries.toGeometry(GSHHG_BOX);
        boolean rivers = layer == BasemapLayer.RIVER;
        forEach(in, "SELECT geom, min_zoom, scalerank FROM " + naturalEarth, row -> {
            int zoom = (int) Math.floor(row.doubleOr(2, 0));
            int rank = row.intOr(3, 5);
            Geometry line = row.geometry();
            emitFrom(layer, line, zoom, rank, null, null, ZoomBand.WORLD, ZoomBand.COUNTRY);
            if (!GSHHG_BOX.intersects(line.getEnvelopeInternal())) {
                emit(layer, line, zoom, rank, null, null, ZoomBand.DETAIL);
                return;
            }
            // Inside the box Natural Earth stops at zoom 9 and GSHHG's full-resolution lines take over.
            maxZoom = 9;
            emit(layer, safeOverlay(line, box, OverlayNG.INTERSECTION), zoom, rank, null, null, ZoomBand.DETAIL);
            maxZoom = MAX_ZOOM;
            emit(layer, safeOverlay(line, box, OverlayNG.DIFFERENCE), zoom, rank, null, null, ZoomBand.DETAIL);
        });
        forEach(in, "SELECT geom FROM " + gshhg, row ->
                emit(layer, row.geometry(), 10, rivers ? 8 : 0, null, null, ZoomBand.DETAIL));
    }

    private void buildAdmin0Lines(Connection in) throws SQLException {
        forEach(in, "SELECT geom, adm0_left, adm0_right, min_zoom FROM admin_0_boundary_lines_land_10m", row -> {
            Geometry line = row.geometry();
            if (isCrimeaLine(row.text(2), row.text(3), line.getEnvelopeInternal())) {
                return; // UNGA 68/262: the Perekop isthmus is not an international boundary; admin-1 lines draw it
            }
            emitFrom(BasemapLayer.ADMIN0_LINE, line, (int) Math.floor(row.doubleOr(4, 0)), 0, null, null);
        });
    }

    static boolean isCrimeaLine(String left, String right, Envelope envelope) {
        boolean russiaUkraine = ("Russia".equals(left) && "Ukraine".equals(right)) || ("Ukraine".equals(left) && "Russia".equals(right));
        return russiaUkraine && envelope.getMaxY() < 46.6 && envelope.getMinX() > 32.5 && envelope.getMaxX() < 36.5;
    }

    private void buildAdmin1(Connection in, GeoNamesDump places) throws SQLException {
        forEach(in, "SELECT geom, name, name_uk, iso_3166_2, admin, labelrank FROM admin1_regions_10m", row -> {
            Geometry region = row.geometry();
            if (region.isEmpty()) {
                return;
            }
            String iso = row.text(4) == null ? "" : row.text(4);
            boolean ukraine = iso.startsWith("UA-"); // keyed by ISO code: Crimea and Sevastopol are Ukraine
            emitFrom(BasemapLayer.ADMIN1_LINE, region.getBoundary(), ukraine ? 4 : 5, 0, null, null,
                    ZoomBand.COUNTRY, ZoomBand.DETAIL);
            Point anchor = largestPart(region).getInteriorPoint();
            String nameUk = ukraine ? row.text(3) : null;
            emitFrom(BasemapLayer.REGION_LABEL, anchor, ukraine ? 5 : 6, row.intOr(6, 5), row.text(2), nameUk,
                    ZoomBand.COUNTRY, ZoomBand.DETAIL);
        });
    }

    private void buildCountryLabels(Connection in) throws SQLException {
        forEach(in, "SELECT geom, name FROM countries_50m", row -> {
            Geometry country = row.geometry();
            if (country.isEmpty()) {
                return;
            }
            Geometry largest = largestPart(country);
            double area = largest.getArea();
            int minZoom = area > 100 ? 2 : area > 10 ? 3 : area > 1 ? 4 : 5;
            int rank = area > 100 ? 0 : area > 10 ? 1 : area > 1 ? 2 : 3;
            String nameUk = "Ukraine".equals(row.text(2)) ? "Україна" : null;
            emitFrom(BasemapLayer.COUNTRY_LABEL, largest.getInteriorPoint(), minZoom, rank, row.text(2), nameUk,
                    ZoomBand.values());
        });
    }

    private void buildPlaceLabels(Connection in, GeoNamesDump places) throws SQLException {
        java.util.Set<Long> labelled = new java.util.HashSet<>();
        forEach(in, "SELECT geom, NAME, GEONAMEID, min_zoom, LABELRANK, ISO_A2, ADM0CAP, POP_MAX FROM populated_places_10m", row -> {
            long geonameId = (long) row.doubleOr(3, -1);
            labelled.add(geonameId);
            int minZoom = Math.max(2, (int) Math.ceil(row.doubleOr(4, 8)));
            int rank = row.intOr(7, 0) == 1 ? 0 : Math.min(9, row.intOr(5, 5) + 1);
            Optional<GeoNamesPlace> match = places.byId(geonameId);
            String nameUk = match.filter(p -> "UA".equals(p.countryCode())).flatMap(GeoNamesPlace::ukrainianName).orElse(null);
            // GeoNames spells Ukrainian places the current official way (Kyiv, not Natural Earth's Kiev).
            String name = match.filter(p -> "UA".equals(p.countryCode())).map(GeoNamesPlace::name).orElse(row.text(2));
            emitFrom(BasemapLayer.PLACE_LABEL, row.geometry(), minZoom, rank, name, nameUk, ZoomBand.values());
        });
        for (GeoNamesPlace place : places.all()) {
            if (labelled.contains(place.id()) || !EXTRA_PLACES_BOX.contains(place.lon(), place.lat())
                    || !place.featureClass().equals("P")) {
                continue;
            }
            long population = place.population();
            int minZoom = population >= 100_000 ? 8 : population >= 20_000 ? 9 : population >= 5_000 ? 10
                    : population >= 1_500 ? 11 : 12;
            int rank = population >= 20_000 ? 6 : population >= 5_000 ? 7 : population >= 1_500 ? 8 : 9;
            String nameUk = "UA".equals(place.countryCode()) ? place.ukrainianName().orElse(null) : null;
            emitFrom(BasemapLayer.PLACE_LABEL, geometries.createPoint(new Coordinate(place.lon(), place.lat())), minZoom,
                    rank, place.name(), nameUk, ZoomBand.values());
        }
    }

    // ---- emitting ----

    /** Emits into every band whose deepest zoom reaches {@code minZoom}. */
    private void emitFrom(BasemapLayer layer, Geometry g, int minZoom, int rank, String name, String nameUk, ZoomBand... bands)
            throws SQLException {
        ZoomBand[] candidates = bands.length == 0 ? ZoomBand.values() : bands;
        for (ZoomBand band : candidates) {
            if (band.maxZoom >= minZoom) {
                emit(layer, g, minZoom, rank, name, nameUk, band);
            }
        }
    }

    private void emit(BasemapLayer layer, Geometry g, int minZoom, int rank, String name, String nameUk, ZoomBand... bands)
            throws SQLException {
        if (g == null || g.isEmpty()) {
            return;
        }
        if (g.getNumGeometries() > 1) {
            // Parts one by one: overlays and validity fixes on a whole continent set are slow and fragile.
            for (int i = 0; i < g.getNumGeometries(); i++) {
                emit(layer, g.getGeometryN(i), minZoom, rank, name, nameUk, bands);
            }
            return;
        }
        if (g instanceof Polygonal && !g.isValid()) {
            g = GeometryFixer.fix(g);
        }
        for (ZoomBand band : bands) {
            if (band.maxZoom < minZoom) {
                continue;
            }
            Geometry simplified = simplify(g, band.toleranceDegrees);
            if (simplified.isEmpty()) {
                continue;
            }
            if (band.cellDegrees > 0 && !(g instanceof Point)) {
                clipInto(layer, simplified, simplified.getEnvelopeInternal(), band, minZoom, rank, name, nameUk);
            } else {
                insert(layer, simplified, band, minZoom, rank, name, nameUk);
            }
        }
    }

    /** Recursive quartering until each piece is small: tile queries then touch only nearby vertices. */
    private void clipInto(BasemapLayer layer, Geometry g, Envelope cell, ZoomBand band, int minZoom, int rank,
            String name, String nameUk) throws SQLException {
        if (g.isEmpty()) {
            return;
        }
        Envelope envelope = g.getEnvelopeInternal();
        if (g.getNumPoints() <= MAX_POINTS_PER_PIECE || Math.max(envelope.getWidth(), envelope.getHeight()) <= band.cellDegrees) {
            insert(layer, g, band, minZoom, rank, name, nameUk);
            return;
        }
        double midX = (envelope.getMinX() + envelope.getMaxX()) / 2;
        double midY = (envelope.getMinY() + envelope.getMaxY()) / 2;
        Envelope[] quarters = {
                new Envelope(envelope.getMinX(), midX, envelope.getMinY(), midY),
                new Envelope(midX, envelope.getMaxX(), envelope.getMinY(), midY),
                new Envelope(envelope.getMinX(), midX, midY, envelope.getMaxY()),
                new Envelope(midX, envelope.getMaxX(), midY, envelope.getMaxY())};
        for (Envelope quarter : quarters) {
            Geometry piece = quarter.covers(envelope) ? g : safeOverlay(g, geometries.toGeometry(quarter), OverlayNG.INTERSECTION);
            if (piece != null) {
                clipInto(layer, piece, quarter, band, minZoom, rank, name, nameUk);
            }
        }
    }

    private void insert(BasemapLayer layer, Geometry g, ZoomBand band, int minZoom, int rank, String name, String nameUk)
            throws SQLException {
        long id = nextId++;
        insertFeature.setLong(1, id);
        insertFeature.setInt(2, layer.ordinal());
        insertFeature.setInt(3, minZoom);
        insertFeature.setInt(4, maxZoom);
        insertFeature.setInt(5, rank);
        insertFeature.setString(6, name);
        insertFeature.setString(7, nameUk);
        insertFeature.setBytes(8, CompactGeometry.encode(g));
        insertFeature.executeUpdate();
        Envelope e = g.getEnvelopeInternal();
        for (int i : band.indexes(minZoom, maxZoom)) {
            PreparedStatement index = insertIndex[i];
            index.setLong(1, id);
            index.setDouble(2, e.getMinX());
            index.setDouble(3, e.getMaxX());
            index.setDouble(4, e.getMinY());
            index.setDouble(5, e.getMaxY());
            index.executeUpdate();
        }
    }

    private Geometry simplify(Geometry g, double tolerance) {
        if (tolerance <= 0 || g instanceof Point) {
            return g;
        }
        Geometry simplified = DouglasPeuckerSimplifier.simplify(g, tolerance);
        if (simplified instanceof Polygonal && !simplified.isValid()) {
            simplified = GeometryFixer.fix(simplified);
        }
        return simplified;
    }

    private Geometry safeOverlay(Geometry a, Geometry b, int operation) {
        try {
            return OverlayNGRobust.overlay(a, b, operation);
        } catch (RuntimeException e) {
            // A piece that cannot be cut is kept whole: drawn correctly, only indexed less tightly.
            LOG.debug("overlay failed, keeping the piece unclipped", e);
            return a;
        }
    }

    private static Geometry largestPart(Geometry g) {
        Geometry largest = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon && part.getArea() > largest.getArea()) {
                largest = part;
            }
        }
        return largest;
    }

    // ---- reading ----

    private interface RowAction {
        void accept(Row row) throws SQLException;
    }

    private final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        Geometry geometry() throws SQLException {
            return org.groundtruth.map.GeoPackageGeometry.decode(rs.getBytes(1), wkbReader).orElse(geometries.createGeometryCollection());
        }

        String text(int column) throws SQLException {
            return rs.getString(column);
        }

        int intOr(int column, int fallback) throws SQLException {
            Object value = rs.getObject(column);
            return value instanceof Number n ? n.intValue() : fallback;
        }

        double doubleOr(int column, double fallback) throws SQLException {
            Object value = rs.getObject(column);
            return value instanceof Number n ? n.doubleValue() : fallback;
        }
    }

    private void forEach(Connection in, String sql, RowAction action) throws SQLException {
        long count = 0;
        try (Statement s = in.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            Row row = new Row(rs);
            while (rs.next()) {
                action.accept(row);
                count++;
            }
        }
        LOG.info("{}: {} rows", sql.substring(sql.lastIndexOf(' ') + 1), count);
    }
}
