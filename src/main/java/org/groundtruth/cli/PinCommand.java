package org.groundtruth.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth pin add|accept|list}: geolocation pins. */
@Command(name = "pin", description = "Geolocation pins: add, accept, list.",
        subcommands = {PinCommand.Add.class, PinCommand.Accept.class, PinCommand.ListPins.class})
final class PinCommand {

    @Command(name = "add", description = "Add a geolocation pin (a hypothesis) to an incident.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--at", required = true, paramLabel = "COORDS", description = "Target: decimal, DMS, MGRS, UTM or a map link.") String at;
        @Option(names = "--precision", required = true, paramLabel = "METRES", description = "Radius: 10, 100, 1000 or any.") double precision;
        @Option(names = "--method", required = true, paramLabel = "TEXT", description = "How it was geolocated.") String method;
        @Option(names = "--camera", paramLabel = "COORDS") String camera;
        @Option(names = "--bearing", paramLabel = "DEG", description = "Camera bearing from true north.") Double bearing;
        @Option(names = "--fov", paramLabel = "DEG", description = "Horizontal field of view.") Double fov;
        @Option(names = "--feature", paramLabel = "DESC|COORDS[|EVIDENCE:FRAME]",
                description = "A matched feature; repeatable.") List<String> features = List.of();
        @Option(names = "--reference-layer", paramLabel = "NAME") String referenceLayer = "";
        @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD") String referenceDate;
        @Option(names = "--accept", description = "Make it the incident's accepted pin (its location).") boolean accept;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            Optional<CameraView> view = Optional.empty();
            if (camera != null || bearing != null || fov != null) {
                if (camera == null || bearing == null || fov == null) {
                    throw new BadInputException("--camera, --bearing and --fov go together");
                }
                view = Optional.of(new CameraView(Options.coordinates(camera, "--camera"), bearing, fov));
            }
            List<MatchedFeature> matched = new ArrayList<>();
            for (String f : features) {
                matched.add(feature(f));
            }
            Optional<LocalDate> captured;
            try {
                captured = Optional.ofNullable(referenceDate).map(LocalDate::parse);
            } catch (DateTimeParseException e) {
                throw new BadInputException("--reference-date '" + referenceDate + "' is not YYYY-MM-DD");
            }
            GroundtruthCommand root = Workspace.root(spec);
            String analyst = Workspace.analyst(root);
            GeolocationPin pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incidentId,
                    Options.coordinates(at, "--at"), precision, view, method, matched, referenceLayer, captured, analyst,
                    accept, Instant.now());
            try (Investigation inv = Workspace.open(root)) {
                GeolocationPin stored = inv.verification().addPin(pin, analyst, method);
                if (json) {
                    Output.json(spec, stored);
                } else {
                    Output.line(spec, stored.id() + "  " + stored.target() + "  ±" + stored.precisionMeters() + " m"
                            + (stored.accepted() ? "  (accepted)" : ""));
                }
            }
            return Cli.OK;
        }

        private static MatchedFeature feature(String text) {
            String[] parts = text.split("\\|");
            if (parts.length < 2 || parts.length > 3) {
                throw new BadInputException("--feature '" + text + "' is not DESCRIPTION|COORDS[|EVIDENCE:FRAME]");
            }
            Optional<FrameReference> frame = Optional.empty();
            if (parts.length == 3) {
                String[] ref = parts[2].split(":");
                try {
                    frame = Optional.of(new FrameReference(ref[0].strip(), Long.parseLong(ref[1].strip())));
                } catch (RuntimeException e) {
                    throw new BadInputException("--feature '" + text + "': frame must be EVIDENCE-ID:FRAME-NUMBER");
                }
            }
            return new MatchedFeature(parts[0], frame, Options.coordinates(parts[1], "--feature"));
        }
    }

    @Command(name = "accept", description = "Make a pin its incident's accepted pin.")
    static final class Accept implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "PIN") String pinId;
        @Option(names = "--reason", paramLabel = "TEXT") String reason = "";

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                inv.verification().acceptPin(pinId, Workspace.analyst(root), reason);
            }
            Output.line(spec, "Accepted " + pinId);
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List an incident's pins.")
    static final class ListPins implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                inv.incidents().get(incidentId);
                List<GeolocationPin> pins = inv.verification().pins(incidentId);
                if (json) {
                    Output.json(spec, pins);
                } else {
                    pins.forEach(p -> Output.line(spec, p.id() + "  " + p.target() + "  ±" + p.precisionMeters() + " m  "
                            + (p.accepted() ? "accepted  " : "") + p.analyst() + "  " + p.method()));
                }
            }
            return Cli.OK;
        }
    }
}
