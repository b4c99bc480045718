package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.telemetry.CoordinateOrder;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.map.gazetteer.GazetteerSettlements;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.telemetry.TelemetryFile;
import org.groundtruth.media.telemetry.TelemetryReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth telemetry FILE [--order lon-lat|lat-lon] [--json]}: the camera track of a video (GoPro GPMF,
 * or the SRT sidecar with the same base name), an SRT file, or a photo (one point). Notes — how the order of old
 * DJI GPS lines was decided, warnings — go to stderr.
 */
@Command(name = "telemetry", description = "Print the camera track of a video, SRT sidecar or photo (position, altitude, gimbal and flight angles per frame).")
final class TelemetryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Video, DJI SRT file or photo.")
    Path file;

    @Option(names = "--order", paramLabel = "ORDER",
            description = "Override the order of old DJI GPS(a,b) lines: lon-lat or lat-lon.")
    String order;

    @Option(names = "--json", description = "Print one JSON array.")
    boolean json;

    @Override
    public Integer call() {
        Optional<CoordinateOrder> override = Optional.empty();
        if (order != null) {
            override = Optional.of(CoordinateOrder.parse(order).orElseThrow(() -> new BadInputException(
                    "--order: '" + order + "' is not lon-lat or lat-lon")));
        }
        TelemetryFile read;
        try (GazetteerSettlements settlements = GazetteerSettlements.shipped()) {
            read = new TelemetryReader(new CoordinateOrderResolver(settlements)).read(file, override);
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
        FlightTrack track = read.track();
        var err = spec.commandLine().getErr();
        if (!read.readFrom().equals(file)) {
            err.println("groundtruth: note: " + file + ": track read from " + read.readFrom().getFileName());
        }
        track.order().ifPresent(o -> err.println("groundtruth: note: " + read.readFrom() + ": GPS(a,b) read as "
                + o.order().code() + " (" + o.rule() + ": " + o.reason() + ")"));
        track.warnings().forEach(w -> err.println("groundtruth: warning: " + read.readFrom() + ": " + w));
        err.flush();
        if (json) {
            Output.json(spec, TrackJson.samples(track));
            return Cli.OK;
        }
        Output.line(spec, file + ": " + track.samples().size() + " sample(s), " + track.format()
                + read.model().map(m -> ", " + m).orElse(""));
        Output.line(spec, "  frame      time        lat          lon     alt  relAlt    yaw  pitch   roll  flightYaw");
        for (TelemetrySample s : track.samples()) {
            Output.line(spec, String.format(Locale.ROOT, "  %5s %9.3f %11.6f %12.6f %7s %7s %6s %6s %6s %6s",
                    s.frame().map(String::valueOf).orElse("-"), s.timeSeconds(), s.lat(), s.lon(),
                    f(s.altitudeMetres()), f(s.relativeAltitudeMetres()), f(s.yawDegrees()), f(s.pitchDegrees()),
                    f(s.rollDegrees()), f(s.flightYawDegrees())));
        }
        return Cli.OK;
    }

    private static String f(Optional<Double> v) {
        return v.map(d -> String.format(Locale.ROOT, "%.1f", d)).orElse("-");
    }
}
