package org.groundtruth.map.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.search.NameIndexWriter;
import org.groundtruth.map.NameKeys;
import org.groundtruth.map.search.PlaceKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an OpenStreetMap {@code .osm.pbf} extract in one streaming pass (osmpbf) into a street map file
 * ({@link OsmStore#FORMAT}): the drawable features by layer under an R*Tree, and the street, square, building, POI
 * and address index for search. Node positions go to a memory-mapped scratch file, so the heap does not grow with the
 * extract. Written to a temporary file and renamed when complete; cancelling leaves nothing behind.
 */
public final class PbfImporter {
    private static final Logger LOG = LoggerFactory.getLogger(PbfImporter.class);
    private static final String[] SPELLING_TAGS = {"name", "name:uk", "name:en", "name:ru", "int_name", "old_name",
        "alt_name", "official_name", "name:uk-Latn"};
    /** Way segments of one street closer than this (degrees, about 2 km) are one search result. */
    private static final double STREET_CLUSTER_DEGREES = 0.02;

    /** What an import read and wrote. */
    public record Summary(long nodes, long ways, long features, long names, long bytes, double seconds) {
    }

    private PbfImporter() {
    }

    /** Imports {@code pbf} into {@code output}; the error names the file when it is not a readable PBF extract. */
    public static Summary importFile(Path pbf, Path output, ProgressMonitor progress) throws IOException {
        if (!Files.isRegularFile(pbf)) {
            throw new MapFileException(pbf, "not found");
        }
        checkSignature(pbf);
        Path temp = output.resolveSibling(output.getFileName() + ".importing");
        Path nodes = output.resolveSibling(output.getFileName() + ".nodes");
        Files.deleteIfExists(temp);
        long started = System.nanoTime();
        long size = Files.size(pbf);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath());
                NodeStore store = new NodeStore(nodes)) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
            }
            OsmStore.createSchema(db);
            db.setAutoCommit(false);
            Parser parser;
            try (NameIndexWriter names = new NameIndexWriter(db);
                    CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(pbf), 1 << 16),
                            size, progress)) {
                parser = new Parser(db, store, names);
                new BlockInputStream(counting, parser).process();
                parser.rethrow();
                parser.finish(pbf);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof CancellationException c) {
                    throw c;
                }
                throw new MapFileException(pbf, "not a readable OpenStreetMap PBF extract: " + e.getMessage(), e);
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE");
            }
            Summary summary = new Summary(parser.nodeCount, parser.wayCount, parser.features, parser.namesWritten, size,
                    (System.nanoTime() - started) / 1e9);
            db.close();
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Imported {}: {}", pbf, summary);
            return summary;
        } catch (SQLException e) {
            throw new IOException("cannot write " + temp + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(nodes);
        }
    }

    /**
     * A PBF file is a chain of (4-byte length, BlobHeader, blob) starting with an "OSMHeader" blob. Walking the chain
     * without decoding the blobs finds a truncated or foreign file before anything is written.
     */
    static void checkSignature(Path pbf) throws IOException {
        long size = Files.size(pbf);
        try (var channel = java.nio.channels.FileChannel.open(pbf)) {
            long position = 0;
            boolean first = true;
            java.nio.ByteBuffer length = java.nio.ByteBuffer.allocate(4);
            while (position < size) {
                length.clear();
                if (channel.read(length, position) != 4) {
                    throw new MapFileException(pbf, "truncated at byte " + position + " of " + size);
                }
                int headerSize = length.getInt(0);
                if (headerSize <= 0 || headerSize > 64 * 1024) {
                    throw new MapFileException(pbf, first ? "not an OpenStreetMap PBF extract"
                            : "corrupt block header at byte " + position);
                }
                java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(headerSize);
                if (channel.read(header, position + 4) != headerSize) {
                    throw new MapFileException(pbf, "truncated at byte " + position + " of " + size);
                }
                crosby.binary.Fileformat.BlobHeader blobHeader;
                try {
                    blobHeader = crosby.binary.Fileformat.BlobHeader.parseFrom(header.array());
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new MapFileException(pbf, first ? "not an OpenStreetMap PBF extract"
                            : "corrupt block header at byte " + position);
                }
                if (first && !"OSMHeader".equals(blobHeader.getType())) {
                    throw new MapFileException(pbf, "not an OpenStreetMap PBF extract (no OSMHeader block at the start)");
                }
                first = false;
                position += 4 + headerSize + blobHeader.getDatasize();
                if (position > size) {
                    throw new MapFileException(pbf, "truncated: a block ends at byte " + position + ", the file has " + size);
                }
            }
            if (first) {
                throw new MapFileException(pbf, "empty file");
            }
        }
    }

    private static final class Parser extends BinaryParser {
        private final Connection db;
        private final NodeStore store;
        private final NameIndexWriter names;
        private final PreparedStatement insertFeature;
        private final PreparedStatement insertIndex;
        private final GeometryFactory geometries = new GeometryFactory();
        private final Envelope extent = new Envelope();
        private final Map<String, List<StreetCluster>> streets = new LinkedHashMap<>();
        private Optional<Envelope> headerBounds = Optional.empty();
        private long replicationSeconds;
        private long nodeCount;
        private long wayCount;
        private long features;
        private long namesWritten;
        private RuntimeException failure;
        private final double[] position = new double[2];

        Parser(Connection db, NodeStore store, NameIndexWriter names) throws SQLException {
            this.db = db;
            this.store = store;
            this.names = names;
            this.insertFeature = db.prepareStatement(
                    "INSERT INTO feature(id, layer, rank, min_zoom, name, name_alt, geom) VALUES (?,?,?,?,?,?,?)");
            this.insertIndex = db.prepareStatement("INSERT INTO feature_idx(id, minx, maxx, miny, maxy) VALUES (?,?,?,?,?)");
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            for (String feature : header.getRequiredFeaturesList()) {
                if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                    throw new IllegalArgumentException("needs the unsupported PBF feature " + feature);
                }
            }
            if (header.hasBbox()) {
                Osmformat.HeaderBBox b = header.getBbox();
                headerBounds = Optional.of(new Envelope(b.getLeft() * 1e-9, b.getRight() * 1e-9, b.getBottom() * 1e-9,
                        b.getTop() * 1e-9));
            }
            replicationSeconds = header.getOsmosisReplicationTimestamp();
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < n.getKeysCount(); i++) {
                    tags.put(getStringById(n.getKeys(i)), getStringById(n.getVals(i)));
                }
                node(n.getId(), parseLat(n.getLat()), parseLon(n.getLon()), tags);
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes dense) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            for (int i = 0; i < dense.getIdCount(); i++) {
                id += dense.getId(i);
                lat += dense.getLat(i);
                lon += dense.getLon(i);
                Map<String, String> tags = Map.of();
                if (dense.getKeysValsCount() > 0) {
                    while (dense.getKeysVals(kv) != 0) {
                        if (tags.isEmpty()) {
                            tags = new HashMap<>();
                        }
                        tags.put(getStringById(dense.getKeysVals(kv)), getStringById(dense.getKeysVals(kv + 1)));
                        kv += 2;
                    }
                    kv++;
                }
                node(id, parseLat(lat), parseLon(lon), tags);
            }
        }

        private void node(long id, double lat, double lon, Map<String, String> tags) {
            try {
                store.add(id, lat, lon);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nodeCount++;
            extent.expandToInclude(lon, lat);
            if (tags.isEmpty()) {
                return;
            }
            try {
                Optional<OsmLayer.Classified> c = OsmLayer.ofNode(tags);
                if (c.isPresent()) {
                    write(c.get(), tags, geometries.createPoint(new Coordinate(lon, lat)));
                    PlaceKind kind = c.get().layer() == OsmLayer.PLACE
                            ? ("square".equals(tags.get("place")) ? PlaceKind.SQUARE : PlaceKind.PLACE) : PlaceKind.POI;
                    index(kind, tags, lat, lon, importance(kind, tags));
                }
                address(tags, lat, lon);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            if (ways.isEmpty()) {
                return;
            }
            try {
                store.seal();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!store.sorted()) {
                throw new IllegalArgumentException("nodes are not sorted by id; sort the extract with"
                        + " `osmium sort` first");
            }
            try {
                for (Osmformat.Way w : ways) {
                    wayCount++;
                    if (w.getKeysCount() == 0) {
                        continue;
                    }
                    Map<String, String> tags = new HashMap<>();
                    for (int i = 0; i < w.getKeysCount(); i++) {
                        tags.put(getStringById(w.getKeys(i)), getStringById(w.getVals(i)));
                    }
                    way(w, tags);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void way(Osmformat.Way w, Map<String, String> tags) throws SQLException {
            boolean closedRefs = w.getRefsCount() > 3;
            long first = 0;
            long ref = 0;
            List<Coordinate> coordinates = new ArrayList<>(w.getRefsCount());
            for (int i = 0; i < w.getRefsCount(); i++) {
                ref += w.getRefs(i);
                if (i == 0) {
                    first = ref;
                }
                if (store.find(ref, position)) {
                    coordinates.add(new Coordinate(position[1], position[0]));
                }
            }
            closedRefs = closedRefs && ref == first;
            if (coordinates.size() < 2) {
                return;
            }
            boolean closed = closedRefs && coordinates.size() >= 4 && coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1));
            Optional<OsmLayer.Classified> c = OsmLayer.ofWay(tags, closed);
            Geometry geometry = null;
            if (c.isPresent()) {
                Coordinate[] array = coordinates.toArray(Coordinate[]::new);
                geometry = c.get().layer().area ? geometries.createPolygon(array) : geometries.createLineString(array);
                write(c.get(), tags, geometry);
            }
            if (!tags.containsKey("name") && !tags.containsKey("addr:housenumber")) {
                return;
            }
            Coordinate centre = (geometry != null ? geometry : geometries.createLineString(coordinates.toArray(Coordinate[]::new)))
                    .getEnvelopeInternal().centre();
            if (tags.containsKey("name")) {
                if (tags.containsKey("highway") || "square".equals(tags.get("place"))) {
                    street(tags, coordinates.get(coordinates.size() / 2));
                } else if (tags.containsKey("building")) {
                    index(PlaceKind.BUILDING, tags, centre.y, centre.x, PlaceKind.BUILDING.importance);
                } else if (tags.containsKey("amenity") || tags.containsKey("leisure") || tags.containsKey("tourism")
                        || tags.containsKey("landuse") || tags.containsKey("natural") || tags.containsKey("railway")) {
                    index(PlaceKind.POI, tags, centre.y, centre.x, PlaceKind.POI.importance);
                }
            }
            address(tags, centre.y, centre.x);
        }

        private void street(Map<String, String> tags, Coordinate at) {
            String name = tags.get("name");
            List<StreetCluster> clusters = streets.computeIfAbsent(name, k -> new ArrayList<>());
            for (StreetCluster cluster : clusters) {
                if (Math.abs(cluster.firstLat - at.y) < STREET_CLUSTER_DEGREES
                        && Math.abs(cluster.firstLon - at.x) < STREET_CLUSTER_DEGREES * 1.6) {
                    cluster.tags.putAll(tags);
                    return;
                }
            }
            clusters.add(new StreetCluster(new HashMap<>(tags), at.y, at.x));
        }

        private void write(OsmLayer.Classified c, Map<String, String> tags, Geometry geometry) throws SQLException {
            long id = ++features;
            String name = tags.get("name");
            insertFeature.setLong(1, id);
            insertFeature.setInt(2, c.layer().ordinal());
            insertFeature.setInt(3, c.rank());
            insertFeature.setInt(4, c.minZoom());
            insertFeature.setString(5, name);
            insertFeature.setString(6, name == null ? null : alternate(tags));
            insertFeature.setBytes(7, CompactGeometry.encode(geometry));
            insertFeature.executeUpdate();
            Envelope e = geometry.getEnvelopeInternal();
            insertIndex.setLong(1, id);
            insertIndex.setDouble(2, e.getMinX());
            insertIndex.setDouble(3, e.getMaxX());
            insertIndex.setDouble(4, e.getMinY());
            insertIndex.setDouble(5, e.getMaxY());
            insertIndex.executeUpdate();
        }

        private void index(PlaceKind kind, Map<String, String> tags, double lat, double lon, int importance)
                throws SQLException {
            String name = tags.get("name");
            if (name == null || name.isBlank()) {
                return;
            }
            List<String> spellings = new ArrayList<>();
            for (String key : SPELLING_TAGS) {
                String value = tags.get(key);
                if (value != null) {
                    for (String part : value.split(";")) {
                        spellings.add(part.trim());
                    }
                }
            }
            names.add(kind, name, alternate(tags), spellings, lat, lon, importance);
            namesWritten++;
        }

        private void address(Map<String, String> tags, double lat, double lon) throws SQLException {
            String number = tags.get("addr:housenumber");
            String street = tags.getOrDefault("addr:street", tags.get("addr:place"));
            if (number == null || street == null || number.isBlank() || street.isBlank()) {
                return;
            }
            List<String> spellings = new ArrayList<>(List.of(street));
            // the romanized street helps Latin queries where name:en is missing
            names.addAddress(street, spellings, number, lat, lon);
            namesWritten++;
        }

        /** The name in the other script, shown beside the main name: name:en under a Cyrillic name, else name:uk. */
        private static String alternate(Map<String, String> tags) {
            String name = tags.getOrDefault("name", "");
            String other = NameKeys.hasCyrillic(name) ? tags.get("name:en") : tags.get("name:uk");
            return other == null || other.equals(name) ? null : other;
        }

        private static int importance(PlaceKind kind, Map<String, String> tags) {
            String population = tags.get("population");
            if (population != null) {
                try {
                    return (int) Math.min(Integer.MAX_VALUE, 100 + Long.parseLong(population.replaceAll("[^0-9]", "")));
                } catch (NumberFormatException e) {
                    // not a number: the kind's importance
                }
            }
            return kind.importance;
        }

        /** Multipolygon relations (large water and forest areas) are not drawn yet: recorded in decision 1402. */
        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
        }

        @Override
        public void complete() {
        }

        void finish(Path pbf) throws SQLException {
            for (List<StreetCluster> clusters : streets.values()) {
                for (StreetCluster cluster : clusters) {
                    String name = cluster.tags.get("name");
                    boolean square = "square".equals(cluster.tags.get("place"))
                            || NameKeys.words(name).stream().anyMatch(NameKeys::isSquareWord);
                    PlaceKind kind = square ? PlaceKind.SQUARE : PlaceKind.STREET;
                    index(kind, cluster.tags, cluster.firstLat, cluster.firstLon, kind.importance);
                }
            }
            // the nodes' own extent: some writers put the requested cut, not the data, into the header box
            Envelope bounds = extent.isNull() ? headerBounds.orElse(extent) : extent;
            if (bounds.isNull()) {
                throw new IllegalArgumentException("the extract holds no nodes");
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", OsmStore.FORMAT);
            meta.put("version", Integer.toString(OsmStore.VERSION));
            meta.put("source", pbf.getFileName().toString());
            meta.put("west", Double.toString(bounds.getMinX()));
            meta.put("east", Double.toString(bounds.getMaxX()));
            meta.put("south", Double.toString(bounds.getMinY()));
            meta.put("north", Double.toString(bounds.getMaxY()));
            long dataTime = replicationSeconds > 0 ? replicationSeconds * 1000 : lastModified(pbf);
            meta.put("data_date", Instant.ofEpochMilli(dataTime).toString());
            meta.put("imported_at", Instant.now().toString());
            meta.put("nodes", Long.toString(nodeCount));
            meta.put("ways", Long.toString(wayCount));
            meta.put("names", Long.toString(namesWritten));
            try (PreparedStatement p = db.prepareStatement("INSERT INTO meta(key, value) VALUES (?,?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    p.setString(1, e.getKey());
                    p.setString(2, e.getValue());
                    p.executeUpdate();
                }
            }
            insertFeature.close();
            insertIndex.close();
        }

        private static long lastModified(Path file) {
            try {
                return Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                return System.currentTimeMillis();
            }
        }
    }

    private static final class StreetCluster {
        final Map<String, String> tags;
        final double firstLat;
        final double firstLon;

        StreetCluster(Map<String, String> tags, double firstLat, double firstLon) {
            this.tags = tags;
            this.firstLat = firstLat;
            this.firstLon = firstLon;
        }
    }

    /** Counts bytes for the progress bar and stops the import when the user cancels. */
    private static final class CountingStream extends FilterInputStream {
        private final long total;
        private final ProgressMonitor progress;
        private long done;
        private long reported;

        CountingStream(InputStream in, long total, ProgressMonitor progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            done += n;
            if (done - reported >= 1 << 18 || done == total) {
                reported = done;
                if (progress.isCancelled()) {
                    throw new CancellationException("import cancelled");
                }
                progress.progress(done, total);
            }
        }
    }
}
