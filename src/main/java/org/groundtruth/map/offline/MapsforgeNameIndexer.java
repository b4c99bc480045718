package org.groundtruth.map.offline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.search.NameIndexWriter;
import org.groundtruth.map.NameKeys;
import org.groundtruth.map.search.PlaceKind;
import org.mapsforge.core.model.LatLong;
import org.mapsforge.core.model.Tag;
import org.mapsforge.core.model.Tile;
import org.mapsforge.core.util.MercatorProjection;
import org.mapsforge.map.datastore.MapReadResult;
import org.mapsforge.map.datastore.PointOfInterest;
import org.mapsforge.map.datastore.Way;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileInfo;
import org.mapsforge.map.reader.header.SubFileParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the street and address search index of a mapsforge {@code .map} file (which has no name index of its own)
 * into the same SQLite tables the {@code .osm.pbf} import writes ({@link NameIndexWriter}), so one search serves both.
 * The file is read tile by tile at the base zoom of its most detailed sub-file, where every object visible at street
 * zoom is stored: named ways (streets, squares, buildings, parks, railways), named POIs and house numbers.
 * <ul>
 * <li>A street is cut into segments per tile; segments of one name within about 2 km are one result, as for
 * {@code .pbf}. A cluster is written as soon as the tile rows have moved past its reach, so memory stays flat.</li>
 * <li>A building or area stored in several tiles is indexed once: in the tile holding its label position (or the
 * centre of its clipped outline when the writer stored none).</li>
 * <li>mapsforge files keep {@code addr:housenumber} but not {@code addr:street}: a house number is given the nearest
 * named street within {@value #ADDRESS_STREET_METRES} m. Rows are read one row ahead so that streets in the
 * neighbouring tiles are known.</li>
 * </ul>
 * Written to a temporary file and renamed when complete; cancelling or a failure leaves nothing behind.
 */
public final class MapsforgeNameIndexer {
    /** The search index beside an added {@code NAME.map}: {@code NAME.names.sqlite}. */
    public static final String EXTENSION = ".names.sqlite";
    static final int ADDRESS_STREET_METRES = 150;
    private static final Logger LOG = LoggerFactory.getLogger(MapsforgeNameIndexer.class);
    private static final double STREET_CLUSTER_DEGREES = 0.02;
    private static final double METRES_PER_DEGREE = 111_320;

    /** What an indexing run read and wrote. */
    public record Summary(long tiles, long names, long addresses, long addressesWithoutStreet, long bytes, double seconds) {
    }

    private MapsforgeNameIndexer() {
    }

    /** The index file for a {@code .map} in the maps folder. */
    public static Path indexFor(Path mapFile) {
        String name = mapFile.getFileName().toString();
        String base = name.endsWith(".map") ? name.substring(0, name.length() - 4) : name;
        return mapFile.resolveSibling(base + EXTENSION);
    }

    /** Indexes {@code map} into {@code output}; the error names the file when it is not a readable mapsforge map. */
    public static Summary index(Path map, Path output, ProgressMonitor progress) throws IOException {
        if (!Files.isRegularFile(map)) {
            throw new MapFileException(map, "not found");
        }
        Path temp = output.resolveSibling("." + output.getFileName() + ".indexing");
        Files.deleteIfExists(temp);
        long started = System.nanoTime();
        MapFile mapFile;
        try {
            mapFile = new RawNamesMapFile(map.toFile());
        } catch (RuntimeException e) {
            throw new MapFileException(map, "not a readable mapsforge map: " + e.getMessage(), e);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath())) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
            }
            createStoreTables(db);
            db.setAutoCommit(false);
            Reader reader;
            try (NameIndexWriter names = new NameIndexWriter(db)) {
                reader = new Reader(mapFile, names, progress);
                try {
                    reader.run();
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new MapFileException(map, "not a readable mapsforge map: " + e.getMessage(), e);
                }
                writeMeta(db, map, mapFile.getMapFileInfo(), reader);
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE");
            }
            db.close();
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Summary summary = new Summary(reader.tiles, reader.namesWritten, reader.addresses, reader.addressesWithoutStreet,
                    Files.size(map), (System.nanoTime() - started) / 1e9);
            LOG.info("Indexed {}: {}", map, summary);
            return summary;
        } catch (SQLException e) {
            throw new IOException("cannot write " + temp + ": " + e.getMessage(), e);
        } finally {
            mapFile.close();
            Files.deleteIfExists(temp);
        }
    }

    /** The tables of a street map ({@link OsmStore}); the drawing tables stay empty, mapsforge draws the file. */
    private static void createStoreTables(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE feature(id INTEGER PRIMARY KEY, layer INTEGER NOT NULL, rank INTEGER NOT NULL,"
                    + " min_zoom INTEGER NOT NULL, name TEXT, name_alt TEXT, geom BLOB NOT NULL)");
            s.execute("CREATE VIRTUAL TABLE feature_idx USING rtree(id, minx, maxx, miny, maxy)");
        }
    }

    private static void writeMeta(Connection db, Path map, MapFileInfo info, Reader reader) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", OsmStore.FORMAT);
        meta.put("version", "1");
        meta.put("content", "names");
        meta.put("source", map.getFileName().toString());
        meta.put("west", Double.toString(info.boundingBox.minLongitude));
        meta.put("east", Double.toString(info.boundingBox.maxLongitude));
        meta.put("south", Double.toString(info.boundingBox.minLatitude));
        meta.put("north", Double.toString(info.boundingBox.maxLatitude));
        meta.put("data_date", Instant.ofEpochMilli(info.mapDate).toString());
        meta.put("imported_at", Instant.now().toString());
        meta.put("base_zoom", Integer.toString(reader.baseZoom));
        meta.put("names", Long.toString(reader.namesWritten));
        try (PreparedStatement p = db.prepareStatement("INSERT INTO meta(key, value) VALUES (?,?)")) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.executeUpdate();
            }
        }
    }

    /** Hands the name field over as stored ({@code default\rlang\bvalue…}), so every spelling is indexed. */
    private static final class RawNamesMapFile extends MapFile {
        RawNamesMapFile(File file) {
            super(file, null);
        }

        @Override
        protected String extractLocalized(String raw) {
            return raw;
        }
    }

    /** A street segment kept for the house numbers of the neighbouring tiles. */
    private record StreetLine(String name, List<String> spellings, LatLong[] points, double weight) {
    }

    /** A house number waiting for the next tile row, which may hold its street. */
    private record PendingAddress(String number, double lat, double lon, int tileX) {
    }

    /** Segments of one street name near each other. */
    private static final class StreetCluster {
        final String name;
        final List<String> spellings = new ArrayList<>();
        String alternate;
        boolean square;
        final double lat;
        final double lon;

        StreetCluster(String name, double lat, double lon) {
            this.name = name;
            this.lat = lat;
            this.lon = lon;
        }
    }

    private static final class Reader {
        private final MapFile mapFile;
        private final NameIndexWriter names;
        private final ProgressMonitor progress;
        private final byte baseZoom;
        private final long left;
        private final long right;
        private final long top;
        private final long bottom;
        /** Street segments of the last three rows, by tile x; evicted as the rows move on. */
        private final Map<Long, Map<Long, List<StreetLine>>> rowStreets = new HashMap<>();
        private final Map<Long, List<PendingAddress>> rowAddresses = new HashMap<>();
        private final Map<String, List<StreetCluster>> clustersByName = new HashMap<>();
        /** Open clusters by the row they were started in, oldest first. */
        private final Deque<Map.Entry<Long, List<StreetCluster>>> clustersByRow = new ArrayDeque<>();
        long tiles;
        long namesWritten;
        long addresses;
        long addressesWithoutStreet;

        Reader(MapFile mapFile, NameIndexWriter names, ProgressMonitor progress) {
            this.mapFile = mapFile;
            this.names = names;
            this.progress = progress;
            MapFileInfo info = mapFile.getMapFileInfo();
            var header = mapFile.getMapFileHeader();
            SubFileParameter detail = header.getSubFileParameter(header.getQueryZoomLevel(info.zoomLevelMax, null));
            if (detail == null) {
                throw new IllegalStateException("no sub-file for zoom " + info.zoomLevelMax);
            }
            baseZoom = detail.baseZoomLevel;
            left = detail.boundaryTileLeft;
            right = detail.boundaryTileRight;
            top = detail.boundaryTileTop;
            bottom = detail.boundaryTileBottom;
        }

        void run() throws SQLException {
            long total = (right - left + 1) * (bottom - top + 1);
            for (long y = top; y <= bottom + 1; y++) {
                if (y <= bottom) {
                    readRow(y, total);
                }
                resolveAddresses(y - 1);
                rowStreets.remove(y - 2);
                flushClusters(y + 1);
            }
            flushClusters(Long.MAX_VALUE);
        }

        private void readRow(long y, long total) throws SQLException {
            Map<Long, List<StreetLine>> streets = new HashMap<>();
            List<PendingAddress> pending = new ArrayList<>();
            List<StreetCluster> started = new ArrayList<>();
            for (long x = left; x <= right; x++) {
                if (progress.isCancelled()) {
                    throw new CancellationException("indexing cancelled");
                }
                Tile tile = new Tile((int) x, (int) y, baseZoom, 256);
                MapReadResult result = mapFile.readNamedItems(tile);
                tiles++;
                progress.progress(tiles, total);
                if (result == null) {
                    continue;
                }
                for (PointOfInterest poi : result.pois) {
                    poi(tile, poi, pending);
                }
                List<StreetLine> tileStreets = new ArrayList<>();
                for (Way way : result.ways) {
                    way(tile, way, tileStreets, pending, started);
                }
                if (!tileStreets.isEmpty()) {
                    streets.put(x, tileStreets);
                }
            }
            rowStreets.put(y, streets);
            rowAddresses.put(y, pending);
            if (!started.isEmpty()) {
                clustersByRow.addLast(Map.entry(y, started));
            }
        }

        private void poi(Tile tile, PointOfInterest poi, List<PendingAddress> pending) throws SQLException {
            Map<String, String> tags = tags(poi.tags);
            double lat = poi.position.latitude;
            double lon = poi.position.longitude;
            Optional<Names> n = Names.of(tags.get("name"));
            if (n.isPresent()) {
                String place = tags.get("place");
                PlaceKind kind = place == null ? PlaceKind.POI : "square".equals(place) ? PlaceKind.SQUARE : PlaceKind.PLACE;
                add(kind, n.get(), lat, lon, kind == PlaceKind.PLACE ? placeImportance(place) : kind.importance);
            }
            String number = tags.get("addr:housenumber");
            if (number != null && !number.isBlank()) {
                pending.add(new PendingAddress(number.strip(), lat, lon, tile.tileX));
            }
        }

        private void way(Tile tile, Way way, List<StreetLine> tileStreets, List<PendingAddress> pending,
                List<StreetCluster> started) throws SQLException {
            if (way.latLongs.length == 0 || way.latLongs[0].length == 0) {
                return;
            }
            Map<String, String> tags = tags(way.tags);
            Optional<Names> n = Names.of(tags.get("name"));
            LatLong[] outline = way.latLongs[0];
            if (n.isPresent() && (tags.containsKey("highway") || "square".equals(tags.get("place")))) {
                tileStreets.add(new StreetLine(n.get().name(), n.get().spellings(), outline,
                        "yes".equals(tags.get("tunnel")) ? 9 : addressWeight(tags.getOrDefault("highway", ""))));
                street(n.get(), "square".equals(tags.get("place")), outline[outline.length / 2], started);
                return;
            }
            LatLong at = way.labelPosition != null ? way.labelPosition : centre(outline);
            if (!inside(tile, at)) {
                return; // indexed from the tile that holds its label (or centre)
            }
            if (n.isPresent()) {
                if (tags.containsKey("building")) {
                    add(PlaceKind.BUILDING, n.get(), at.latitude, at.longitude, PlaceKind.BUILDING.importance);
                } else if (tags.containsKey("amenity") || tags.containsKey("leisure") || tags.containsKey("tourism")
                        || tags.containsKey("landuse") || tags.containsKey("natural") || tags.containsKey("railway")) {
                    add(PlaceKind.POI, n.get(), at.latitude, at.longitude, PlaceKind.POI.importance);
                }
            }
            String number = tags.get("addr:housenumber");
            if (number != null && !number.isBlank()) {
                pending.add(new PendingAddress(number.strip(), at.latitude, at.longitude, tile.tileX));
            }
        }

        private void street(Names n, boolean squareTag, LatLong at, List<StreetCluster> started) {
            List<StreetCluster> clusters = clustersByName.computeIfAbsent(n.name(), k -> new ArrayList<>());
            for (StreetCluster cluster : clusters) {
                if (Math.abs(cluster.lat - at.latitude) < STREET_CLUSTER_DEGREES
                        && Math.abs(cluster.lon - at.longitude) < STREET_CLUSTER_DEGREES * 1.6) {
                    merge(cluster, n, squareTag);
                    return;
                }
            }
            StreetCluster cluster = new StreetCluster(n.name(), at.latitude, at.longitude);
            merge(cluster, n, squareTag);
            clusters.add(cluster);
            started.add(cluster);
        }

        private static void merge(StreetCluster cluster, Names n, boolean squareTag) {
            for (String s : n.spellings()) {
                if (!cluster.spellings.contains(s)) {
                    cluster.spellings.add(s);
                }
            }
            if (cluster.alternate == null) {
                cluster.alternate = n.alternate().orElse(null);
            }
            cluster.square |= squareTag;
        }

        /** Writes the clusters no later segment can join: started rows whose latitude the rows have moved past. */
        private void flushClusters(long nextRow) throws SQLException {
            double reach = nextRow == Long.MAX_VALUE ? Double.NEGATIVE_INFINITY
                    : MercatorProjection.tileYToLatitude(Math.min(nextRow, bottom + 1), baseZoom) + 0.01;
            while (!clustersByRow.isEmpty()) {
                List<StreetCluster> row = clustersByRow.peekFirst().getValue();
                double lowest = row.stream().mapToDouble(c -> c.lat).min().orElse(0);
                if (lowest - STREET_CLUSTER_DEGREES <= reach) {
                    return;
                }
                clustersByRow.removeFirst();
                for (StreetCluster cluster : row) {
                    boolean square = cluster.square || NameKeys.words(cluster.name).stream().anyMatch(NameKeys::isSquareWord);
                    PlaceKind kind = square ? PlaceKind.SQUARE : PlaceKind.STREET;
                    add(kind, new Names(cluster.name, Optional.ofNullable(cluster.alternate), cluster.spellings),
                            cluster.lat, cluster.lon, kind.importance);
                    List<StreetCluster> same = clustersByName.get(cluster.name);
                    same.remove(cluster);
                    if (same.isEmpty()) {
                        clustersByName.remove(cluster.name);
                    }
                }
            }
        }

        /** Gives each house number of row {@code y} the nearest named street in the 3 × 3 tiles around it. */
        private void resolveAddresses(long y) throws SQLException {
            List<PendingAddress> pending = rowAddresses.remove(y);
            if (pending == null) {
                return;
            }
            for (PendingAddress address : pending) {
                Optional<StreetLine> street = nearestStreet(address, y);
                if (street.isEmpty()) {
                    addressesWithoutStreet++;
                    continue;
                }
                names.addAddress(street.get().name(), street.get().spellings(), address.number(), address.lat(), address.lon());
                namesWritten++;
                addresses++;
            }
        }

        private Optional<StreetLine> nearestStreet(PendingAddress address, long y) {
            double cos = Math.cos(Math.toRadians(address.lat()));
            double limit = ADDRESS_STREET_METRES / METRES_PER_DEGREE;
            double best = limit * limit;
            StreetLine nearest = null;
            for (long row = y - 1; row <= y + 1; row++) {
                Map<Long, List<StreetLine>> streets = rowStreets.get(row);
                if (streets == null) {
                    continue;
                }
                for (long x = address.tileX() - 1L; x <= address.tileX() + 1L; x++) {
                    for (StreetLine line : streets.getOrDefault(x, List.of())) {
                        double d = squaredDistance(address.lat(), address.lon(), cos, line.points()) * line.weight();
                        if (d < best) {
                            best = d;
                            nearest = line;
                        }
                    }
                }
            }
            return Optional.ofNullable(nearest);
        }

        private void add(PlaceKind kind, Names n, double lat, double lon, int importance) throws SQLException {
            names.add(kind, n.name(), n.alternate().orElse(null), n.spellings(), lat, lon, importance);
            namesWritten++;
        }

        /**
         * How far a house number may be from a street of this class for the street to win: houses are numbered along
         * roads, not along the footways, ramps, tunnels and driveways that often pass closer (squared-distance factor).
         */
        static double addressWeight(String highway) {
            return switch (highway) {
                case "footway", "path", "steps", "cycleway", "bridleway", "track", "platform", "corridor" -> 9;
                case "service", "pedestrian" -> 4;
                default -> highway.endsWith("_link") ? 9 : 1;
            };
        }

        private static int placeImportance(String place) {
            return switch (place) {
                case "city" -> 100_000;
                case "town" -> 10_000;
                case "village", "suburb" -> 1_000;
                default -> PlaceKind.PLACE.importance;
            };
        }
    }

    /** The spellings of one name field: the default name first, then every language stored with it. */
    record Names(String name, Optional<String> alternate, List<String> spellings) {
        /** {@code default\rlang\bvalue\rlang\bvalue…} as written with preferred languages; a plain name otherwise. */
        static Optional<Names> of(String raw) {
            if (raw == null || raw.isBlank()) {
                return Optional.empty();
            }
            String[] parts = raw.split("\r");
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int split = parts[i].indexOf('\b');
                if (split > 0 && split < parts[i].length() - 1) {
                    byLanguage.putIfAbsent(parts[i].substring(0, split), parts[i].substring(split + 1).strip());
                }
            }
            String name = parts[0].strip();
            if (name.isEmpty()) {
                name = byLanguage.values().stream().filter(v -> !v.isBlank()).findFirst().orElse("");
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            List<String> spellings = new ArrayList<>(List.of(name));
            for (String value : byLanguage.values()) {
                if (!value.isBlank() && !spellings.contains(value)) {
                    spellings.add(value);
                }
            }
            // the name in the other script, as the .pbf import shows it: English under a Cyrillic name, else Ukrainian
            String other = NameKeys.hasCyrillic(name) ? byLanguage.get("en") : byLanguage.get("uk");
            return Optional.of(new Names(name, Optional.ofNullable(other).filter(o -> !o.isBlank() && !o.equals(
                    parts[0].strip())), spellings));
        }
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new HashMap<>();
        for (Tag tag : tags) {
            map.putIfAbsent(tag.key, tag.value);
        }
        return map;
    }

    private static LatLong centre(LatLong[] points) {
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (LatLong p : points) {
            minLat = Math.min(minLat, p.latitude);
            maxLat = Math.max(maxLat, p.latitude);
            minLon = Math.min(minLon, p.longitude);
            maxLon = Math.max(maxLon, p.longitude);
        }
        return new LatLong((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    private static boolean inside(Tile tile, LatLong at) {
        var box = tile.getBoundingBox();
        return at.latitude <= box.maxLatitude && at.latitude > box.minLatitude && at.longitude >= box.minLongitude
                && at.longitude < box.maxLongitude;
    }

    /** Squared distance in degrees of latitude from a point to a polyline (equirectangular, fine at street scale). */
    static double squaredDistance(double lat, double lon, double cos, LatLong[] line) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < line.length; i++) {
            double ax = (line[i].longitude - lon) * cos;
            double ay = line[i].latitude - lat;
            if (i + 1 == line.length) {
                best = Math.min(best, ax * ax + ay * ay);
                break;
            }
            double bx = (line[i + 1].longitude - lon) * cos;
            double by = line[i + 1].latitude - lat;
            double dx = bx - ax;
            double dy = by - ay;
            double length = dx * dx + dy * dy;
            double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
            double px = ax + t * dx;
            double py = ay + t * dy;
            best = Math.min(best, px * px + py * py);
        }
        return best;
    }
}
