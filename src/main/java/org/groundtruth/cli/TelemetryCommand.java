package org.groundtruth.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.telemetry.CoordinateOrder;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.map.gazetteer.GazetteerSettlements;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.telemetry.TelemetryFile;
import org.groundtruth.media.telemetry.SidecarItems;
import org.groundtruth.media.telemetry.TelemetryReader;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TelemetryOrders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth telemetry FILE|EVIDENCE [--order auto|lat-lon|lon-lat [--record [--reason TEXT]]] [--json]}: the
 * camera track of a video (GoPro GPMF, or the SRT sidecar with the same base name), an SRT file, or a photo (one
 * point). EVIDENCE is an item of the investigation (a video reads the SRT item imported with it); the order of old
 * DJI GPS(a,b) lines the window recorded for its SRT item is applied, and {@code --record} records a new one with
 * a custody entry, as the window's flight panel does. Notes — how the order was decided, warnings — go to stderr.
 */
@Command(name = "telemetry", description = "Print the camera track of a video, SRT sidecar or photo (position, altitude, gimbal and flight angles per frame).")
final class TelemetryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|EVIDENCE", description = "Video, DJI SRT file or photo; or the evidence id of one in the investigation.")
    String input;

    @Option(names = "--order", paramLabel = "ORDER",
            description = "Order of old DJI GPS(a,b) lines: auto (decided by reasoning), lon-lat or lat-lon.")
    String order;

    @Option(names = "--record", description = "Record --order for the evidence item's SRT in the custody log (the "
            + "window's flight panel shows and uses it).")
    boolean record;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the order is recorded (custody log).")
    String reason;

    @Option(names = "--json", description = "Print one JSON array.")
    boolean json;

    @Override
    public Integer call() {
        Optional<OrderChoice> choice = Optional.empty();
        if (order != null) {
            choice = Optional.of(OrderChoice.parse(order).orElseThrow(() -> new BadInputException(
                    "--order: '" + order + "' is not auto, lon-lat or lat-lon")));
        }
        if (record && choice.isEmpty()) {
            throw new BadInputException("--record needs --order auto|lat-lon|lon-lat");
        }
        Path file = Path.of(input);
        if (Files.exists(file) || !input.startsWith(EvidenceItem.ID_PREFIX + "-")) {
            if (record) {
                throw new BadInputException(input + ": --record needs the evidence id of an item in the investigation");
            }
            TelemetryFile read = read(file, Optional.empty(), choice.flatMap(OrderChoice::override));
            return print(file, read, read.readFrom().toString());
        }
        return evidence(choice);
    }

    /** An evidence item: its original (and its SRT item), with the order recorded for that SRT item. */
    private Integer evidence(Optional<OrderChoice> choice) {
        var err = spec.commandLine().getErr();
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            EvidenceItem item = inv.evidence().find(input).orElseThrow(() -> new BadInputException(
                    input + ": no such file, nor evidence item in " + inv.directory()));
            List<EvidenceItem> all = inv.evidence().all();
            Optional<EvidenceItem> srt = SidecarItems.srtItemOf(item, all);
            if (record) {
                EvidenceItem target = srt.orElseThrow(() -> new BadInputException(input + " (" + item.originalName()
                        + ") has no SRT telemetry item of the same name: there is no GPS order to record"));
                Optional<AuditEntry> entry = inv.telemetryOrders().set(target.id(), choice.orElseThrow(),
                        reason == null || reason.isBlank() ? "GPS(a,b) order of " + target.originalName() + " set to "
                                + choice.get().code() + " from the command line" : reason,
                        Workspace.analyst(Workspace.root(spec)));
                err.println("groundtruth: note: " + target.id() + " (" + target.originalName() + "): GPS order "
                        + choice.get().code() + entry.map(e -> " recorded (custody entry " + e.sequence() + ")")
                                .orElse(" was already recorded"));
            }
            TelemetryOrders.Current recorded = srt.map(s -> inv.telemetryOrders().current(s.id()))
                    .orElse(new TelemetryOrders.Current(OrderChoice.AUTO, Optional.empty()));
            OrderChoice applied = choice.orElse(recorded.choice());
            if (choice.isEmpty() && recorded.entry().isPresent()) {
                AuditEntry e = recorded.entry().get();
                err.println("groundtruth: note: " + input + ": GPS order " + applied.code() + " as recorded by "
                        + e.actor() + " at " + e.at() + recorded.pulledFrom().map(d -> " (pulled from the team: device "
                                + d + " entry " + e.sequence() + ")").orElse(" (custody entry " + e.sequence() + ")"));
            }
            Path original = inv.evidence().originalPath(item);
            Optional<Path> sidecar = SidecarItems.isTelemetry(item) ? Optional.empty()
                    : srt.map(inv.evidence()::originalPath);
            TelemetryFile read = read(original, sidecar, applied.override());
            // the vault names files by hash: notes name the items the track came from
            String from = sidecar.isPresent() && read.readFrom().equals(sidecar.get())
                    ? srt.orElseThrow().originalName() + " (" + srt.get().id() + ")"
                    : item.originalName() + " (" + item.id() + ")";
            return print(Path.of(item.originalName()), read, from);
        }
    }

    private TelemetryFile read(Path file, Optional<Path> sidecar, Optional<CoordinateOrder> override) {
        try (GazetteerSettlements settlements = GazetteerSettlements.shipped()) {
            return new TelemetryReader(new CoordinateOrderResolver(settlements)).read(file, sidecar, override);
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
    }

    private Integer print(Path file, TelemetryFile read, String from) {
        FlightTrack track = read.track();
        var err = spec.commandLine().getErr();
        if (!read.readFrom().equals(file) && !from.startsWith(file.toString())) {
            err.println("groundtruth: note: " + file + ": track read from " + (from.equals(read.readFrom().toString())
                    ? read.readFrom().getFileName().toString() : from));
        }
        track.order().ifPresent(o -> err.println("groundtruth: note: " + from + ": GPS(a,b) read as "
                + o.order().code() + " (" + o.rule() + ": " + o.reason() + ")"));
        track.warnings().forEach(w -> err.println("groundtruth: warning: " + from + ": " + w));
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
