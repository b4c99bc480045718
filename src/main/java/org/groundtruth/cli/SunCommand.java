package org.groundtruth.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.Times;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;
import org.groundtruth.core.verify.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth sun --at COORDS --time ISO-8601}: the sun's azimuth and altitude, and shadow windows. */
@Command(name = "sun", description = "Sun azimuth and altitude at a place and time; with --shadow-bearing, the"
        + " times of that day when shadows point that way.")
final class SunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--at", required = true, paramLabel = "COORDS") String at;
    @Option(names = "--time", required = true, paramLabel = "ISO-8601", description = "UTC unless an offset is given.") String time;
    @Option(names = "--shadow-bearing", paramLabel = "DEG", description = "Shadow direction measured on imagery.") Double shadowBearing;
    @Option(names = "--tolerance", paramLabel = "DEG", description = "Match tolerance (default 5).") double tolerance = 5;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    record Result(double azimuth, double altitude, double shadowBearing, Double shadowLengthPerMetre,
            List<TimeWindow> matchingWindows) {
    }

    @Override
    public Integer call() {
        LatLon place = Options.coordinates(at, "--at");
        Instant when = Times.parseInstant(time, "--time");
        SunAngles sun = SunCalculator.at(place, when);
        List<TimeWindow> windows = shadowBearing == null ? List.of()
                : SunCalculator.shadowWindows(place, when.atOffset(ZoneOffset.UTC).toLocalDate(), shadowBearing, tolerance);
        Double length = sun.isUp() ? sun.shadowLengthPerMetre() : null;
        if (json) {
            Output.json(spec, new Result(round(sun.azimuthDegrees()), round(sun.altitudeDegrees()),
                    round(sun.shadowBearingDegrees()), length == null ? null : round(length), windows));
        } else {
            Output.line(spec, String.format(Locale.ROOT, "azimuth %.2f°, altitude %.2f°, shadows point %.1f°%s",
                    sun.azimuthDegrees(), sun.altitudeDegrees(), sun.shadowBearingDegrees(),
                    length == null ? " (sun below the horizon)" : String.format(Locale.ROOT,
                            ", %.2f m of shadow per metre of height", length)));
            windows.forEach(w -> Output.line(spec, "shadow bearing matches " + w.from() + " .. " + w.to()));
        }
        return Cli.OK;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
