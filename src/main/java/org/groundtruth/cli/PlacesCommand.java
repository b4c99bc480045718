package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.geo.CoordinateFormat;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.Place;
import org.groundtruth.map.gazetteer.ReverseResult;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.map.search.PlaceSearch;
import org.groundtruth.map.search.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth places search TEXT} and {@code places reverse COORDS}: the offline gazetteer in maps/. */
@Command(name = "places", description = "Offline place search (GeoNames, in maps/gazetteer.sqlite).",
        subcommands = {PlacesCommand.Search.class, PlacesCommand.Reverse.class})
final class PlacesCommand {

    record PlaceJson(String name, String country, String admin1, double lat, double lon, long population) {
        static PlaceJson of(Place p) {
            return new PlaceJson(p.name(), p.country(), p.admin1(), p.location().lat(), p.location().lon(), p.population());
        }
    }

    static Gazetteer open() {
        Path maps = MapsDirectory.locate().orElseThrow(() -> new BadInputException(
                "maps/ with the gazetteer not found (looked in " + MapsDirectory.candidates() + "); set -D"
                        + MapsDirectory.PROPERTY + "=DIR"));
        return Gazetteer.open(maps.resolve(Gazetteer.FILE_NAME));
    }

    /** A search result: the contract keys name, kind, lat, lon, admin1, source; plus the alternate spelling, country and population. */
    record HitJson(String name, String kind, double lat, double lon, String admin1, String source, String alternate,
            String country, long population, List<String> alsoIn) {
        static HitJson of(SearchHit h) {
            return new HitJson(h.name(), h.kind().key(), h.location().lat(), h.location().lon(), h.admin1(), h.source(),
                    h.alternate().orElse(null), h.countryCode().isEmpty() ? "" : Gazetteer.countryName(h.countryCode()),
                    h.source().equals(PlaceSearch.GAZETTEER_SOURCE) ? h.importance() : 0, h.alsoIn());
        }
    }

    @Command(name = "search", description = "Places (gazetteer) and streets, squares, buildings, POIs and house numbers"
            + " (added .map and .osm.pbf street maps) matching TEXT in Cyrillic or Latin, transliteration variants included;"
            + " best first: exact before prefix, then near --near, then in Ukraine, then by population or importance.")
    static final class Search implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "TEXT") String[] text;
        @Option(names = "--limit", paramLabel = "N", description = "At most N results (1-1000, default 10).") int limit = 10;
        @Option(names = "--near", paramLabel = "LAT,LON", description = "Prefer results around this point (the view).") String near;
        @Option(names = "--json", description = "Print a JSON array of {name, kind, lat, lon, admin1, source, alternate, country, population, alsoIn}.") boolean json;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw new BadInputException("--limit must be between 1 and 1000, was " + limit);
            }
            PlaceSearch.Context context = near == null ? PlaceSearch.Context.NONE
                    : PlaceSearch.Context.near(CoordinateParser.parse(near));
            List<SearchHit> hits;
            List<PlaceSearch.Source> sources = OfflineMapLibrary.user().searchSources();
            try (Gazetteer gazetteer = open()) {
                hits = new PlaceSearch(java.util.Optional.of(gazetteer), sources).search(String.join(" ", text), context, limit);
            } finally {
                sources.forEach(s -> s.store().close());
            }
            if (json) {
                Output.json(spec, hits.stream().map(HitJson::of).toList());
            } else if (hits.isEmpty()) {
                Output.line(spec, "no place matches \"" + String.join(" ", text) + "\"");
            } else {
                for (SearchHit h : hits) {
                    Output.line(spec, String.format(Locale.ROOT, "%-40s %-8s %-22s %10.5f %11.5f  %s", h.label(),
                            h.kind().key(), h.admin1(), h.location().lat(), h.location().lon(), h.sources()));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "reverse", description = "The nearest place and the admin-1 region (oblast) at COORDS.")
    static final class Reverse implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "COORDS") String[] text;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record ReverseJson(PlaceJson nearest, Double distanceMeters, String region, String regionUk, String regionIso,
                String regionCountryCode) {
        }

        @Override
        public Integer call() {
            LatLon point = CoordinateParser.parse(String.join(" ", text));
            ReverseResult result;
            try (Gazetteer gazetteer = open()) {
                result = gazetteer.reverse(point);
            }
            if (json) {
                Output.json(spec, new ReverseJson(result.nearest().map(PlaceJson::of).orElse(null),
                        result.nearest().isPresent() ? Math.round(result.distanceMeters() * 10) / 10.0 : null,
                        result.region().map(r -> r.name()).orElse(null), result.region().map(r -> r.nameUk()).orElse(null),
                        result.region().map(r -> r.iso()).orElse(null), result.region().map(r -> r.countryCode()).orElse(null)));
            } else {
                Output.line(spec, "point    " + CoordinateFormat.decimal(point));
                Output.line(spec, "nearest  " + result.nearest().map(p -> String.format(Locale.ROOT, "%s, %s (%.1f km)",
                        p.name(), p.country(), result.distanceMeters() / 1000)).orElse("(none within 3000 km)"));
                Output.line(spec, "region   " + result.region().map(r -> r.name() + (r.nameUk().isEmpty() ? "" : " / " + r.nameUk())
                        + " (" + r.iso() + ")").orElse("(none)"));
            }
            return Cli.OK;
        }
    }
}
