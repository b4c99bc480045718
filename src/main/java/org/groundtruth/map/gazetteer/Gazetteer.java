package org.groundtruth.map.gazetteer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.MapFileException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Offline place search over {@code maps/gazetteer.sqlite}: FTS5 prefix matching over Latin and Cyrillic names and
 * alternate spellings, ranked by how well the name matches and then by population; reverse lookup by R*Tree.
 * One connection, guarded by this object's monitor: SQLite reads are fast and callers are background tasks.
 */
public final class Gazetteer implements AutoCloseable {
    public static final String FILE_NAME = "gazetteer.sqlite";
    public static final String ATTRIBUTION = "GeoNames (geonames.org), CC BY 4.0";
    static final String NAME_SEPARATOR = " | ";
    private static final int CANDIDATES = 3000;
    /** How far (degrees, about 10 km) a point outside every region outline may be and still get the nearest one. */
    static final double REGION_SNAP_DEGREES = 0.1;
    private static final double[] SEARCH_RADII_DEGREES = {0.05, 0.2, 1, 5, 30};

    private final Path file;
    private final Connection connection;
    private final GeometryFactory geometries = new GeometryFactory();
    private final java.util.Map<Long, PreparedGeometry> outlines = new java.util.HashMap<>();
    private PlaceGrid grid;
    /** Statements of the reverse lookup, prepared once: it runs once per point of an imported file. */
    private PreparedStatement placeById;
    private RegionBoxes regionBoxes;
    /** Places found by recent reverse lookups: the points of one file are often near the same few places. */
    private final java.util.Map<Long, Place> places = new java.util.HashMap<>();
    private static final int PLACE_CACHE = 10_000;

    private Gazetteer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Gazetteer open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "gazetteer not found");
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        } catch (SQLException e) {
            throw new MapFileException(file, "not a readable gazetteer: " + e.getMessage(), e);
        }
        try {
            try (PreparedStatement p = connection.prepareStatement("SELECT value FROM meta WHERE key = 'format'");
                    ResultSet rs = p.executeQuery()) {
                if (!rs.next() || !"groundtruth-gazetteer".equals(rs.getString(1))) {
                    throw new MapFileException(file, "not a Groundtruth gazetteer");
                }
            }
            return new Gazetteer(file, connection);
        } catch (SQLException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e instanceof MapFileException m ? m
                    : new MapFileException(file, "not a readable gazetteer: " + e.getMessage(), e);
        }
    }

    /** Opening failed part-way: the connection is closed, and a failure to close is kept with the first one. */
    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** Places whose names contain every word of {@code text} (word prefixes), best first; empty for blank text. */
    public synchronized List<Place> search(String text, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        String query = ftsQuery(text);
        if (query.isEmpty()) {
            return List.of();
        }
        String wanted = Transliteration.key(text);
        List<Scored> scored = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT p.id, p.names, p.country_code, coalesce(r.name, ''), p.lat_e5, p.lon_e5, p.population"
                        + " FROM place_fts JOIN place p ON p.id = place_fts.rowid LEFT JOIN region r ON r.id = p.region_id"
                        + " WHERE place_fts MATCH ? ORDER BY p.population DESC LIMIT " + CANDIDATES)) {
            p.setString(1, query);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    scored.add(new Scored(place(rs), matchQuality(rs.getString(2), wanted)));
                }
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "search failed: " + e.getMessage(), e);
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::quality).reversed()
                        .thenComparing(Comparator.comparingLong((Scored s) -> s.place().population()).reversed()))
                .limit(limit)
                .map(Scored::place)
                .toList();
    }

    /** A place with how well it matched (3 exact, 2 prefix, 1 words somewhere, 0 transliteration variant) and the matched spelling when it is not the name. */
    public record ScoredPlace(Place place, int quality, Optional<String> matchedSpelling) {
    }

    /**
     * Like {@link #search} but keeps the match quality and spelling, and adds the places whose name skeleton equals
     * {@code skeleton} (transliteration variants, from the {@code place_skel} table when the file has it).
     */
    public synchronized List<ScoredPlace> searchScored(String text, String skeleton, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        java.util.Map<Long, ScoredPlace> found = new java.util.LinkedHashMap<>();
        String query = ftsQuery(text);
        String wanted = Transliteration.key(text);
        String sql = "SELECT p.id, p.names, p.country_code, coalesce(r.name, ''), p.lat_e5, p.lon_e5, p.population"
                + " FROM %s JOIN place p ON p.id = %s LEFT JOIN region r ON r.id = p.region_id WHERE %s"
                + " ORDER BY p.population DESC LIMIT " + CANDIDATES;
        try {
            if (!query.isEmpty()) {
                try (PreparedStatement p = connection.prepareStatement(String.format(sql, "place_fts", "place_fts.rowid",
                        "place_fts MATCH ?"))) {
                    p.setString(1, query);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            Place place = place(rs);
                            String names = rs.getString(2);
                            found.put(place.geonameId(), new ScoredPlace(place, matchQuality(names, wanted),
                                    matchedSpelling(names, wanted, place.name())));
                        }
                    }
                }
            }
            if (skeleton.length() >= 2 && hasTable("place_skel")) {
                try (PreparedStatement p = connection.prepareStatement(String.format(sql, "place_skel s", "s.place_id",
                        "s.skel = ?"))) {
                    p.setString(1, skeleton);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            Place place = place(rs);
                            found.putIfAbsent(place.geonameId(), new ScoredPlace(place, 0, Optional.empty()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "search failed: " + e.getMessage(), e);
        }
        return found.values().stream()
                .sorted(Comparator.comparingInt(ScoredPlace::quality).reversed()
                        .thenComparing(Comparator.comparingLong((ScoredPlace s) -> s.place().population()).reversed()))
                .limit(limit)
                .toList();
    }

    private Boolean skeletonTable;

    private boolean hasTable(String name) throws SQLException {
        if (skeletonTable == null) {
            try (PreparedStatement p = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    skeletonTable = rs.next();
                }
            }
        }
        return skeletonTable;
    }

    /** The spelling that matched best when it is not the place's own name (shown beside it: "Kyiv (Kiev)"). */
    private static Optional<String> matchedSpelling(String names, String wanted, String official) {
        String prefixMatch = null;
        for (String name : names.split(java.util.regex.Pattern.quote(NAME_SEPARATOR))) {
            String key = Transliteration.key(name);
            if (key.equals(wanted)) {
                return Transliteration.key(official).equals(key) ? Optional.empty() : Optional.of(name);
            }
            if (prefixMatch == null && key.startsWith(wanted)) {
                prefixMatch = name;
            }
        }
        if (prefixMatch == null || Transliteration.key(official).startsWith(wanted)) {
            return Optional.empty();
        }
        return Optional.of(prefixMatch);
    }

    /** The nearest place (within about 3000 km) and the admin-1 region that contains the point, if any. */
    public synchronized ReverseResult reverse(LatLon point) {
        Optional<Nearest> nearest = nearestPlace(point);
        return new ReverseResult(nearest.map(Nearest::place), nearest.map(Nearest::distanceMeters).orElse(0.0),
                regionAt(point));
    }

    /** The admin-1 region at a point (see {@link #reverse}), without the nearest-place search. */
    public synchronized Optional<Region> region(LatLon point) {
        return regionAt(point);
    }

    private Optional<Nearest> nearestPlace(LatLon point) {
        PlaceGrid grid = grid();
        for (double radius : SEARCH_RADII_DEGREES) {
            double lonRadius = radius / Math.max(0.05, Math.cos(Math.toRadians(point.lat())));
            OptionalLong id = grid.nearestIn(point.lat(), point.lon(), Math.round((point.lat() - radius) * 1e5),
                    Math.round((point.lat() + radius) * 1e5), Math.round((point.lon() - lonRadius) * 1e5),
                    Math.round((point.lon() + lonRadius) * 1e5));
            if (id.isEmpty()) {
                continue;
            }
            Place best = placeById(id.getAsLong());
            double bestDistance = haversineMeters(point, best.location());
            // Only trust the nearest when it lies inside the searched circle; otherwise a wider search may find closer.
            if (bestDistance <= radius * 111_000) {
                return Optional.of(new Nearest(best, bestDistance));
            }
        }
        return Optional.empty();
    }

    /** The places' positions, read into memory on the first reverse lookup. */
    private PlaceGrid grid() {
        if (grid == null) {
            try {
                grid = PlaceGrid.load(connection);
            } catch (SQLException e) {
                throw new MapFileException(file, "reverse lookup failed: " + e.getMessage(), e);
            }
        }
        return grid;
    }

    private Place placeById(long id) {
        Place known = places.get(id);
        if (known != null) {
            return known;
        }
        Place place = readPlace(id);
        if (places.size() >= PLACE_CACHE) {
            places.clear();
        }
        places.put(id, place);
        return place;
    }

    private Place readPlace(long id) {
        try {
            if (placeById == null) {
                placeById = connection.prepareStatement("SELECT p.id, p.names, p.country_code, coalesce(r.name, ''),"
                        + " p.lat_e5, p.lon_e5, p.population FROM place p LEFT JOIN region r ON r.id = p.region_id"
                        + " WHERE p.id = ?");
            }
            PreparedStatement p = placeById;
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new MapFileException(file, "reverse lookup failed: place " + id + " vanished");
                }
                return place(rs);
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "reverse lookup failed: " + e.getMessage(), e);
        }
    }

    /**
     * The region containing the point; else the nearest within {@link #REGION_SNAP_DEGREES}, because Natural Earth's
     * 10m outlines leave river banks and harbours (Kherson's centre among them) just outside every region.
     */
    private Optional<Region> regionAt(LatLon point) {
        Point p = geometries.createPoint(new Coordinate(point.lon(), point.lat()));
        Region nearest = null;
        double nearestDistance = Double.MAX_VALUE;
        try {
            if (regionBoxes == null) {
                regionBoxes = RegionBoxes.load(connection);
            }
            List<java.util.Map.Entry<Region, PreparedGeometry>> candidates = new ArrayList<>();
            for (RegionBoxes.Entry near : regionBoxes.near(point.lon(), point.lat(), REGION_SNAP_DEGREES)) {
                candidates.add(java.util.Map.entry(near.region(), outline(near.id())));
            }
            for (var candidate : candidates) {
                if (candidate.getValue().covers(p)) {
                    return Optional.of(candidate.getKey());
                }
            }
            // Outside every outline: the distance to each (slow for a long coastline) only now.
            for (var candidate : candidates) {
                double distance = candidate.getValue().getGeometry().distance(p);
                if (distance <= REGION_SNAP_DEGREES && distance < nearestDistance) {
                    nearest = candidate.getKey();
                    nearestDistance = distance;
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new MapFileException(file, "region lookup failed: " + e.getMessage(), e);
        }
        return Optional.ofNullable(nearest);
    }

    /** A region's outline, decoded once and prepared for repeated point tests (reverse lookups of many points). */
    private PreparedGeometry outline(long regionId) throws SQLException {
        PreparedGeometry shape = outlines.get(regionId);
        if (shape == null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT wkb FROM region WHERE id = ?")) {
                s.setLong(1, regionId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("region " + regionId + " has no outline");
                    }
                    shape = PreparedGeometryFactory.prepare(CompactGeometry.decode(rs.getBytes(1), geometries));
                }
            }
            outlines.put(regionId, shape);
        }
        return shape;
    }

    /** Every admin-1 region with its outline (longitude/latitude, simplified to about 400 m when it was built). */
    public synchronized List<RegionOutline> regionOutlines() {
        List<RegionOutline> outlines = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT name, name_uk, iso, country_code, wkb FROM region");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                outlines.add(new RegionOutline(new Region(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), CompactGeometry.decode(rs.getBytes(5), geometries)));
            }
        } catch (SQLException | RuntimeException e) {
            throw new MapFileException(file, "reading region outlines failed: " + e.getMessage(), e);
        }
        return outlines;
    }

    private static Place place(ResultSet rs) throws SQLException {
        String names = rs.getString(2);
        int separator = names.indexOf(NAME_SEPARATOR);
        String code = rs.getString(3);
        return new Place(rs.getLong(1), separator < 0 ? names : names.substring(0, separator), countryName(code), code,
                rs.getString(4), new LatLon(rs.getLong(5) / 1e5, rs.getLong(6) / 1e5), rs.getLong(7));
    }

    public static String countryName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** 3 = a name equals the text, 2 = a name starts with it, 1 = the words match somewhere. */
    private static int matchQuality(String names, String wanted) {
        int best = 1;
        for (String name : names.split(java.util.regex.Pattern.quote(NAME_SEPARATOR))) {
            String key = Transliteration.key(name);
            if (key.equals(wanted)) {
                return 3;
            }
            if (key.startsWith(wanted)) {
                best = 2;
            }
        }
        return best;
    }

    /** Each word becomes a quoted prefix term, so user text can never be read as FTS5 syntax. */
    static String ftsQuery(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                query.append(query.length() == 0 ? "" : " ").append('"').append(word).append("\"*");
            }
        }
        return query.toString();
    }

    static double haversineMeters(LatLon a, LatLon b) {
        return PlaceGrid.haversineMeters(a.lat(), a.lon(), b.lat(), b.lon());
    }

    @Override
    public synchronized void close() {
        try {
            if (placeById != null) {
                placeById.close();
            }
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection: nothing was written that could be lost
        }
    }

    private record Scored(Place place, int quality) {
    }

    private record Nearest(Place place, double distanceMeters) {
    }
}
