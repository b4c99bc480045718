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

    @Command(name = "search", description = "Places whose names (Latin or Cyrillic, alternate spellings) match TEXT,"
            + " best match first, then by population.")
    static final class Search implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "TEXT") String[] text;
        @Option(names = "--limit", paramLabel = "N", description = "At most N places (1-1000, default 10).") int limit = 10;
        @Option(names = "--json", description = "Print a JSON array of {name, country, admin1, lat, lon, population}.") boolean json;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw new BadInputException("--limit must be between 1 and 1000, was " + limit);
            }
            List<Place> places;
            try (Gazetteer gazetteer = open()) {
                places = gazetteer.search(String.join(" ", text), limit);
            }
            if (json) {
                Output.json(spec, places.stream().map(PlaceJson::of).toList());
            } else if (places.isEmpty()) {
                Output.line(spec, "no place matches \"" + String.join(" ", text) + "\"");
            } else {
                for (Place p : places) {
                    Output.line(spec, String.format(Locale.ROOT, "%-28s %-22s %-18s %10.5f %11.5f  pop. %,d", p.name(),
                            p.admin1(), p.country(), p.location().lat(), p.location().lon(), p.population()));
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
