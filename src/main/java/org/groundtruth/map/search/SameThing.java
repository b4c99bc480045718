package org.groundtruth.map.search;

import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.NameKeys;

/**
 * Whether two search results are one thing on the ground, so the list shows it once (decision 1430). The same area
 * added as a mapsforge {@code .map} and as an {@code .osm.pbf} (or as an oblast and a city extract) gives each street
 * twice, each indexer choosing its own point on it. Two results are the same thing when their names are equal under
 * the search's name key ({@link NameKeys#key}: case, accents, punctuation and script folded), their kinds are alike
 * (a building and a POI are alike: named buildings are tagged either way) and their points are close enough for that
 * kind: {@value #LINE_METRES} m for streets, squares and places — the two points are anywhere along the same street
 * or across the same town: measured between the two indexes of the shared Monaco and Moscow extracts the nearest
 * same-name street was up to 1.8 km away, most within 150 m — and {@value #POINT_METRES} m for houses,
 * buildings and POIs, where two shops of one chain a street apart are two results. Gazetteer places are never merged
 * with map features (the gazetteer's population and region are worth their own row).
 */
final class SameThing {
    static final double LINE_METRES = 2500;
    static final double POINT_METRES = 150;
    private static final double METRES_PER_DEGREE = 111_195;

    private SameThing() {
    }

    /**
     * {@code hits}, best first, with each later result that is the same thing as an earlier one left out and its
     * source noted on the earlier one ({@link SearchHit#alsoIn}); at most {@code limit} results.
     */
    static List<SearchHit> merge(List<SearchHit> hits, int limit) {
        List<SearchHit> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SearchHit hit : hits) {
            String key = NameKeys.key(hit.name());
            int same = -1;
            for (int i = 0; i < out.size() && same < 0; i++) {
                if (same(out.get(i), keys.get(i), hit, key)) {
                    same = i;
                }
            }
            if (same >= 0) {
                out.set(same, out.get(same).alsoFrom(hit.source()));
            } else if (out.size() < limit) {
                out.add(hit);
                keys.add(key);
            }
        }
        return out;
    }

    static boolean same(SearchHit a, String keyA, SearchHit b, String keyB) {
        boolean gazetteerA = a.source().equals(PlaceSearch.GAZETTEER_SOURCE);
        boolean gazetteerB = b.source().equals(PlaceSearch.GAZETTEER_SOURCE);
        if (gazetteerA != gazetteerB || !alike(a.kind(), b.kind())) {
            return false;
        }
        if (!keyA.isEmpty() ? !keyA.equals(keyB) : !a.name().equals(b.name())) {
            return false;
        }
        double limit = linear(a.kind()) ? LINE_METRES : POINT_METRES;
        return metres(a.location(), b.location()) <= limit;
    }

    private static boolean alike(PlaceKind a, PlaceKind b) {
        return a == b || (pointLike(a) && pointLike(b) && a != PlaceKind.ADDRESS && b != PlaceKind.ADDRESS);
    }

    private static boolean pointLike(PlaceKind k) {
        return k == PlaceKind.BUILDING || k == PlaceKind.POI || k == PlaceKind.ADDRESS;
    }

    private static boolean linear(PlaceKind k) {
        return k == PlaceKind.STREET || k == PlaceKind.SQUARE || k == PlaceKind.PLACE;
    }

    /** Equirectangular distance: exact enough at these few kilometres. */
    static double metres(LatLon a, LatLon b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        return Math.sqrt(dLat * dLat + dLon * dLon) * METRES_PER_DEGREE;
    }
}
