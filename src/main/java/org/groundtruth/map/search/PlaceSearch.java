package org.groundtruth.map.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.Region;

/**
 * Offline search over the gazetteer (towns and villages) and the street maps the user added (streets, squares,
 * buildings, POIs, house numbers), in Cyrillic and Latin with transliteration variants. Ranking: an exact match always
 * before any other, then inside the current view, then in Ukraine, then match quality ({@link MatchQuality}), then
 * population or importance, then nearer the view first. The caller owns the gazetteer and the stores.
 */
public final class PlaceSearch {
    public static final String GAZETTEER_SOURCE = "gazetteer";
    static final GeoBox UKRAINE_BOX = new GeoBox(22.1, 44.3, 40.3, 52.4);
    private final Optional<Gazetteer> gazetteer;
    private final List<Source> sources;

    /** A street map (an {@code OsmStore}) and the name shown as the result's source. */
    public record Source(String name, NameIndexFile store) {
    }

    public PlaceSearch(Optional<Gazetteer> gazetteer, List<Source> sources) {
        this.gazetteer = gazetteer;
        this.sources = List.copyOf(sources);
    }

    /** Where the investigator is looking: the map's view, or a box around {@code --near}. */
    public record Context(Optional<GeoBox> view) {
        public static final Context NONE = new Context(Optional.empty());

        public static Context near(LatLon point) {
            double dLat = 0.15;
            double dLon = dLat / Math.max(0.2, Math.cos(Math.toRadians(point.lat())));
            return new Context(Optional.of(new GeoBox(Math.max(-180, point.lon() - dLon), Math.max(-85, point.lat() - dLat),
                    Math.min(180, point.lon() + dLon), Math.min(85, point.lat() + dLat))));
        }
    }

    public List<SearchHit> search(String text, Context context, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        SearchQuery query = SearchQuery.of(text);
        if (query.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        gazetteer.ifPresent(g -> {
            if (!query.hasNumber()) {
                for (Gazetteer.ScoredPlace p : g.searchScored(text, query.skeleton(), Math.min(1000, Math.max(50, limit * 5)))) {
                    hits.add(new SearchHit(p.place().name(), p.matchedSpelling(), PlaceKind.PLACE, p.place().location(),
                            p.place().admin1(), p.place().countryCode(), GAZETTEER_SOURCE, gazetteerQuality(p.quality()),
                            p.place().population()));
                }
            }
        });
        for (Source source : sources) {
            hits.addAll(StreetIndex.search(source.store().connection(), source.store().file(), source.name(), query));
        }
        Comparator<SearchHit> order = ranking(context, query);
        hits.sort(order);
        List<SearchHit> top = new ArrayList<>(hits.subList(0, Math.min(hits.size(), limit * 3)));
        Map<String, Optional<Region>> regions = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            SearchHit hit = top.get(i);
            if (!hit.source().equals(GAZETTEER_SOURCE) && gazetteer.isPresent()) {
                LatLon at = hit.location();
                String cell = Math.round(at.lat() * 100) + ":" + Math.round(at.lon() * 100);
                Optional<Region> region = regions.computeIfAbsent(cell, c -> gazetteer.get().region(at));
                top.set(i, hit.withRegion(region.map(Region::name).orElse(""), region.map(Region::countryCode).orElse("")));
            }
        }
        top.sort(order);
        return dedupe(top, limit);
    }

    /** The gazetteer's 3/2/1/0 on the street index's scale. */
    private static int gazetteerQuality(int quality) {
        return switch (quality) {
            case 3 -> MatchQuality.EXACT;
            case 2 -> MatchQuality.PREFIX;
            case 1 -> MatchQuality.WORD_PREFIX;
            default -> MatchQuality.VARIANT;
        };
    }

    static Comparator<SearchHit> ranking(Context context, SearchQuery query) {
        Optional<GeoBox> view = context.view();
        Comparator<SearchHit> exactFirst = Comparator.comparing((SearchHit h) -> MatchQuality.exact(h.quality())).reversed();
        Comparator<SearchHit> byQuality = Comparator.comparingInt(SearchHit::quality).reversed();
        Comparator<SearchHit> inView = Comparator.comparing((SearchHit h) -> view.map(v -> v.contains(h.location())).orElse(false))
                .reversed();
        Comparator<SearchHit> inUkraine = Comparator.comparing(PlaceSearch::inUkraine).reversed();
        Comparator<SearchHit> kindWanted = Comparator.comparing((SearchHit h) -> query.square() && h.kind() == PlaceKind.SQUARE)
                .reversed();
        Comparator<SearchHit> importance = Comparator.comparingLong(SearchHit::importance).reversed();
        Comparator<SearchHit> distance = Comparator.comparingDouble(h -> view.map(v -> squaredDegrees(v.center(), h.location()))
                .orElse(0.0));
        // exact before the rest (a prefix never outranks an exact match), then what the investigator is looking at:
        // in the view, then in Ukraine; then how well it matched, then population or importance (decision 1421)
        return exactFirst.thenComparing(inView).thenComparing(inUkraine).thenComparing(kindWanted).thenComparing(byQuality)
                .thenComparing(importance).thenComparing(distance).thenComparing(SearchHit::name);
    }

    static boolean inUkraine(SearchHit hit) {
        if (!hit.countryCode().isEmpty()) {
            return hit.countryCode().equals("UA");
        }
        return UKRAINE_BOX.contains(hit.location());
    }

    private static double squaredDegrees(LatLon a, LatLon b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * Math.cos(Math.toRadians(a.lat()));
        return dLat * dLat + dLon * dLon;
    }

    /**
     * The same street found in two added files (the same area as {@code .map} and {@code .osm.pbf}, or an oblast and
     * a city extract) is shown once, as its best-ranked result noting the other files ({@link SameThing}).
     */
    private static List<SearchHit> dedupe(List<SearchHit> hits, int limit) {
        return SameThing.merge(hits, limit);
    }
}
