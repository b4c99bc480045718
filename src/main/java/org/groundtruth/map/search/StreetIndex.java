package org.groundtruth.map.search;

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
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapFileException;

/**
 * Search over the street and address index written by {@link NameIndexWriter}: B-tree range scans on the keys
 * (exact and prefix), an equality lookup on the skeleton for transliteration variants, and street + number keys for
 * addresses. Candidates per key class are capped, so a one-letter prefix over a million names stays fast.
 */
public final class StreetIndex {
    static final int CANDIDATES = 150;
    private static final String NAME_COLUMNS = "n.id, n.kind, n.name, n.alt, n.lat_e6, n.lon_e6, n.importance";

    private StreetIndex() {
    }

    /** Hits from one index; {@code source} names the map file in the results. */
    public static List<SearchHit> search(Connection connection, Path file, String source, SearchQuery query) {
        if (query.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchHit> best = new HashMap<>();
        try {
            if (query.hasNumber()) {
                range(connection, "SELECT " + NAME_COLUMNS + ", a.key FROM osm_addr_key a JOIN osm_name n ON n.id = a.name_id"
                        + " WHERE a.key >= ? AND a.key < ? LIMIT " + CANDIDATES, query.bare(), source, best, (key, pos) ->
                        key.equals(query.bare()) ? MatchQuality.EXACT : MatchQuality.PREFIX);
                java.util.Optional<String> variant = query.addressVariantKey();
                if (variant.isPresent()) {
                    exact(connection, "SELECT " + NAME_COLUMNS + " FROM osm_addr_key a JOIN osm_name n ON n.id = a.name_id"
                            + " WHERE a.key = ? LIMIT " + CANDIDATES, variant.get(), source, best, MatchQuality.VARIANT);
                }
            }
            range(connection, "SELECT " + NAME_COLUMNS + ", k.key, k.pos FROM osm_key k JOIN osm_name n ON n.id = k.name_id"
                    + " WHERE k.key >= ? AND k.key < ? AND k.pos > 0 LIMIT " + CANDIDATES, query.bare(), source, best,
                    (key, pos) -> key.equals(query.bare())
                            ? (pos == NameIndexWriter.POS_BARE ? MatchQuality.EXACT : MatchQuality.WORD_EXACT)
                            : (pos == NameIndexWriter.POS_BARE ? MatchQuality.PREFIX : MatchQuality.WORD_PREFIX));
            if (!query.full().equals(query.bare())) {
                exact(connection, "SELECT " + NAME_COLUMNS + " FROM osm_key k JOIN osm_name n ON n.id = k.name_id"
                        + " WHERE k.key = ? AND k.pos = 0 LIMIT " + CANDIDATES, query.full(), source, best, MatchQuality.FULL_EXACT);
            }
            if (query.skeleton().length() >= 2) {
                exact(connection, "SELECT " + NAME_COLUMNS + " FROM osm_skel s JOIN osm_name n ON n.id = s.name_id"
                        + " WHERE s.skel = ? LIMIT " + CANDIDATES, query.skeleton(), source, best,
                        // the skeleton leaves the house number out: the street alone is a partial match of such a query
                        query.hasNumber() ? MatchQuality.WORD_PREFIX : MatchQuality.VARIANT);
            }
        } catch (SQLException e) {
            throw new MapFileException(file, "street search failed: " + e.getMessage(), e);
        }
        return new ArrayList<>(best.values());
    }

    private interface Grader {
        int grade(String key, int pos);
    }

    private static void range(Connection connection, String sql, String prefix, String source, Map<Long, SearchHit> best,
            Grader grader) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, prefix);
            p.setString(2, prefix + '\uffff');
            try (ResultSet rs = p.executeQuery()) {
                boolean hasPos = rs.getMetaData().getColumnCount() >= 9;
                while (rs.next()) {
                    keep(best, hit(rs, source, grader.grade(rs.getString(8), hasPos ? rs.getInt(9) : NameIndexWriter.POS_BARE)));
                }
            }
        }
    }

    private static void exact(Connection connection, String sql, String key, String source, Map<Long, SearchHit> best,
            int quality) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keep(best, hit(rs, source, quality));
                }
            }
        }
    }

    private static void keep(Map<Long, SearchHit> best, IdHit hit) {
        best.merge(hit.id(), hit.hit(), (a, b) -> a.quality() >= b.quality() ? a : b);
    }

    private record IdHit(long id, SearchHit hit) {
    }

    private static IdHit hit(ResultSet rs, String source, int quality) throws SQLException {
        PlaceKind kind = PlaceKind.values()[rs.getInt(2)];
        return new IdHit(rs.getLong(1), new SearchHit(rs.getString(3), Optional.ofNullable(rs.getString(4)), kind,
                new LatLon(rs.getLong(5) / 1e6, rs.getLong(6) / 1e6), "", "", source, quality, rs.getInt(7)));
    }
}
