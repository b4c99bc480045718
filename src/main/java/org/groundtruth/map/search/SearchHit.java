package org.groundtruth.map.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * One search result: its name, an accepted alternate spelling or the name in the other script shown beside it,
 * what it is, where, its admin-1 region (empty when unknown), where it came from (the gazetteer or a map file),
 * how well it matched ({@link MatchQuality}) and its importance (population for places). {@code alsoIn} names the
 * other map files that hold the same thing (the same area added twice, e.g. as {@code .map} and {@code .osm.pbf}),
 * shown once (decision 1430).
 */
public record SearchHit(String name, Optional<String> alternate, PlaceKind kind, LatLon location, String admin1,
        String countryCode, String source, int quality, long importance, List<String> alsoIn) {
    public SearchHit(String name, Optional<String> alternate, PlaceKind kind, LatLon location, String admin1,
            String countryCode, String source, int quality, long importance) {
        this(name, alternate, kind, location, admin1, countryCode, source, quality, importance, List.of());
    }

    public SearchHit {
        Require.nonBlank(name, "name", 500);
        Require.present(alternate, "alternate");
        Require.present(kind, "kind");
        Require.present(location, "location");
        Require.present(admin1, "admin1");
        Require.present(countryCode, "country code");
        Require.nonBlank(source, "source", 300);
        Require.present(alsoIn, "also in");
        alsoIn = List.copyOf(alsoIn);
    }

    public SearchHit withRegion(String admin1, String countryCode) {
        return new SearchHit(name, alternate, kind, location, admin1, countryCode, source, quality, importance, alsoIn);
    }

    /** This result, noting that {@code other} holds it too (nothing changes for its own source or one noted). */
    public SearchHit alsoFrom(String other) {
        if (other.equals(source) || alsoIn.contains(other)) {
            return this;
        }
        List<String> more = new ArrayList<>(alsoIn);
        more.add(other);
        return new SearchHit(name, alternate, kind, location, admin1, countryCode, source, quality, importance, more);
    }

    /** Its source and the other files that hold it: "monaco-pbf + monaco". */
    public String sources() {
        return alsoIn.isEmpty() ? source : source + " + " + String.join(" + ", alsoIn);
    }

    /** "Kyiv (Kiev)" when an alternate is known. */
    public String label() {
        return alternate.map(a -> name + " (" + a + ")").orElse(name);
    }
}
