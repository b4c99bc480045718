package org.groundtruth.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.geo.CoordinateFormat;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.LatLon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth coords TEXT [--json]}: reads coordinates in any form and prints them in every form. */
@Command(name = "coords", description = "Convert coordinates: decimal, DMS, MGRS, UTM, Google Maps / OpenStreetMap links,"
        + " geo: URIs. Prints decimal, DMS, MGRS and UTM.")
final class CoordsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The coordinates (several words are joined).") String[] text;
    @Option(names = "--json", description = "Print JSON: {lat, lon, dms, mgrs, utm}.") boolean json;

    record Result(double lat, double lon, String dms, String mgrs, String utm) {
    }

    @Override
    public Integer call() {
        LatLon p = CoordinateParser.parse(String.join(" ", text));
        Result result = new Result(round(p.lat()), round(p.lon()), CoordinateFormat.dms(p), CoordinateFormat.mgrs(p),
                CoordinateFormat.utm(p));
        if (json) {
            Output.json(spec, result);
        } else {
            Output.line(spec, String.format(Locale.ROOT, "decimal  %.6f, %.6f", result.lat(), result.lon()));
            Output.line(spec, "DMS      " + result.dms());
            Output.line(spec, "MGRS     " + (result.mgrs().isEmpty() ? "(none near the poles)" : result.mgrs()));
            Output.line(spec, "UTM      " + (result.utm().isEmpty() ? "(none near the poles)" : result.utm()));
        }
        return Cli.OK;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
