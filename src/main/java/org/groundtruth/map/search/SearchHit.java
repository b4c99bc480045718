package org.groundtruth.map.search;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * One search result: its name, an accepted alternate spelling or the name in the other script shown beside it,
 * what it is, where, its admin-1 region (empty when unknown), where it came from (the gazetteer or a map file),
 * how well it matched ({@link MatchQuality}) and its importance (population for places).
 */
public record SearchHit(String name, Optional<String> alternate, PlaceKind kind, LatLon location, String admin1,
        String countryCode, String source, int quality, long importance) {
    public SearchHit {
        Require.nonBlank(name, "name", 500);
        Require.present(alternate, "alternate");
        Require.present(kind, "kind");
        Require.present(location, "location");
        Require.present(admin1, "admin1");
        Require.present(countryCode, "country code");
        Require.nonBlank(source, "source", 300);
    }

    public SearchHit withRegion(String admin1, String countryCode) {
        return new SearchHit(name, alternate, kind, location, admin1, countryCode, source, quality, importance);
    }

    /** "Kyiv (Kiev)" when an alternate is known. */
    public String label() {
        return alternate.map(a -> name + " (" + a + ")").orElse(name);
    }
}
