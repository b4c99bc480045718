package org.groundtruth.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Times;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth chronolocation add INCIDENT --time ISO}: the sun check, saved on the incident. */
@Command(name = "chronolocation", description = "Sun checks saved on incidents.",
        subcommands = ChronolocationCommand.Add.class)
final class ChronolocationCommand {

    @Command(name = "add", description = "Compute the sun at the incident's location for a claimed time and save it.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--time", required = true, paramLabel = "ISO-8601", description = "Claimed time.") String time;
        @Option(names = "--shadow-bearing", paramLabel = "DEG") Double shadowBearing;
        @Option(names = "--tolerance", paramLabel = "DEG") double tolerance = 5;
        @Option(names = "--note", paramLabel = "TEXT") String note = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            Instant claimed = Times.parseInstant(time, "--time");
            GroundtruthCommand root = Workspace.root(spec);
            String analyst = Workspace.analyst(root);
            try (Investigation inv = Workspace.open(root)) {
                Incident incident = inv.incidents().get(incidentId);
                LatLon place = incident.location().orElseThrow(() -> new BadInputException("incident " + incidentId
                        + " has no location yet: accept a geolocation pin first"));
                SunAngles sun = SunCalculator.at(place, claimed);
                List<TimeWindow> windows = shadowBearing == null ? List.of() : SunCalculator.shadowWindows(place,
                        claimed.atOffset(ZoneOffset.UTC).toLocalDate(), shadowBearing, tolerance);
                Chronolocation check = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), incidentId, claimed,
                        sun.azimuthDegrees(), sun.altitudeDegrees(), Optional.ofNullable(shadowBearing), windows, note,
                        analyst, Instant.now());
                inv.verification().addChronolocation(check, analyst, note);
                if (json) {
                    Output.json(spec, check);
                } else {
                    Output.line(spec, check.id() + String.format(java.util.Locale.ROOT,
                            "  sun azimuth %.2f°, altitude %.2f°, %d matching %s", sun.azimuthDegrees(),
                            sun.altitudeDegrees(), windows.size(), windows.size() == 1 ? "window" : "windows"));
                    ShadowVerdict.of(check).ifPresent(v -> Output.line(spec, "  " + verdict(v)));
                }
            }
            return Cli.OK;
        }

        /** "A 300° shadow fits 06:06–06:49 UTC; the claimed 08:25 does not fit." */
        static String verdict(ShadowVerdict v) {
            String claimed = "the claimed " + v.claimedText() + (v.claimedTimeFits() ? " fits." : " does not fit.");
            return v.windows().isEmpty() ? "A " + v.bearingText() + "° shadow fits no time of that day; " + claimed
                    : "A " + v.bearingText() + "° shadow fits " + v.windowsText() + " UTC; " + claimed;
        }
    }
}
