package org.groundtruth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.CameraPose;
import org.groundtruth.core.telemetry.Footprint;
import org.groundtruth.core.telemetry.FootprintCalculator;
import org.groundtruth.core.telemetry.FootprintResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth footprint --at COORDS --altitude M --yaw DEG --pitch DEG [--roll DEG] --hfov DEG --aspect W:H
 * [--json]}: the frame's corners on flat ground ({@code {"corners": [[lat, lon] ×4], "centre": [lat, lon]}},
 * top-left, top-right, bottom-right, bottom-left), or exit 1 with "above the horizon" when a corner ray never
 * meets the ground.
 */
@Command(name = "footprint", description = "Project a camera's frame onto flat ground: the four corners and the centre.")
final class FootprintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--at", required = true, paramLabel = "COORDS", description = "Camera position (any format).")
    String at;

    @Option(names = "--altitude", required = true, paramLabel = "M", description = "Height above the ground, metres.")
    double altitude;

    @Option(names = "--yaw", required = true, paramLabel = "DEG", description = "Camera heading, degrees clockwise from north.")
    double yaw;

    @Option(names = "--pitch", required = true, paramLabel = "DEG", description = "Camera pitch, degrees (−90 straight down).")
    double pitch;

    @Option(names = "--roll", paramLabel = "DEG", description = "Camera roll, degrees (default 0).")
    double roll;

    @Option(names = "--hfov", required = true, paramLabel = "DEG", description = "Horizontal field of view, degrees.")
    double hfov;

    @Option(names = "--aspect", required = true, paramLabel = "W:H", description = "Frame aspect ratio, e.g. 16:9.")
    String aspect;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        LatLon position = Options.coordinates(at, "--at");
        CameraPose pose;
        try {
            pose = new CameraPose(position, altitude, yaw, pitch, roll, hfov, aspectRatio(aspect));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        FootprintResult result = FootprintCalculator.compute(pose);
        if (result.aboveHorizon().isPresent()) {
            if (json) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("aboveHorizon", true);
                o.put("detail", result.aboveHorizon().get());
                Output.json(spec, o);
            } else {
                Output.line(spec, "no footprint: " + result.aboveHorizon().get());
            }
            return Cli.CHECK_FAILED;
        }
        Footprint f = result.footprint().get();
        if (json) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode corners = o.putArray("corners");
            f.corners().forEach(c -> corners.addArray().add(c.lat()).add(c.lon()));
            o.putArray("centre").add(f.centre().lat()).add(f.centre().lon());
            o.put("uncertaintyMeters", Math.round(f.uncertaintyMeters() * 10) / 10.0);
            o.put("nearEdgeMeters", Math.round(FootprintCalculator.edgeMeters(f, false) * 10) / 10.0);
            o.put("farEdgeMeters", Math.round(FootprintCalculator.edgeMeters(f, true) * 10) / 10.0);
            Output.json(spec, o);
            return Cli.OK;
        }
        String[] names = {"top-left", "top-right", "bottom-right", "bottom-left"};
        for (int i = 0; i < 4; i++) {
            Output.line(spec, String.format(Locale.ROOT, "%-13s %s", names[i], f.corners().get(i)));
        }
        Output.line(spec, String.format(Locale.ROOT, "%-13s %s  (±%.1f m; flat ground at take-off elevation)", "centre",
                f.centre(), f.uncertaintyMeters()));
        Output.line(spec, String.format(Locale.ROOT, "%-13s near edge %.1f m, far edge %.1f m", "width",
                FootprintCalculator.edgeMeters(f, false), FootprintCalculator.edgeMeters(f, true)));
        return Cli.OK;
    }

    static double aspectRatio(String text) {
        String[] parts = text.strip().split("[:x/×]");
        try {
            double ratio = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : parts.length == 1 ? Double.parseDouble(parts[0]) : Double.NaN;
            if (Double.isFinite(ratio) && ratio > 0) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--aspect: '" + text + "' is not a ratio like 16:9 or 4:3");
    }
}
