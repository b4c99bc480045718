package org.groundtruth.media.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.CoordinateOrder;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.MediaFiles;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.MediaTypes;
import org.groundtruth.media.MetadataReader;
import org.groundtruth.media.SrtTelemetryParser;

/**
 * The camera track of any file: an SRT sidecar as it is; a video from its GoPro GPMF track, else from an SRT
 * sidecar with the same base name (the video's model and container GPS help decide old DJI coordinate order),
 * else its container location as one point; a photo as one point with its DJI XMP angles. Frame numbers come
 * from the video's frame rate.
 */
public final class TelemetryReader {
    static final long MAX_SRT_BYTES = 256L * 1024 * 1024;
    private final CoordinateOrderResolver resolver;

    public TelemetryReader(CoordinateOrderResolver resolver) {
        this.resolver = resolver;
    }

    /** Throws {@link MediaFormatException} (a short reason without the file name) when nothing can be read. */
    public TelemetryFile read(Path file, Optional<CoordinateOrder> override) {
        return read(file, Optional.empty(), override);
    }

    /**
     * As {@link #read(Path, Optional)}, with the video's SRT sidecar given (an investigation's vault names originals
     * by hash, so the sidecar is not beside the video there); without one, a sidecar beside the video is looked for.
     */
    public TelemetryFile read(Path file, Optional<Path> givenSidecar, Optional<CoordinateOrder> override) {
        MediaFiles.requireReadable(file);
        String type = MediaTypes.detect(MediaFiles.head(file, 8 * 1024));
        if (MediaTypes.isTelemetry(type)) {
            FlightTrack track = srt(file, new SrtTelemetryParser.Hints(Optional.empty(), Optional.empty(), override));
            return new TelemetryFile(track, file, Optional.empty(), Optional.empty());
        }
        if (MediaTypes.isImage(type)) {
            PhotoTelemetryReader.Result photo = new PhotoTelemetryReader().read(file);
            return new TelemetryFile(photo.track(), file, photo.model(), photo.aspectRatio());
        }
        MediaMetadata video = new MetadataReader().read(file, type);
        MetadataSummary summary = video.summary();
        if (summary.width().isEmpty()) {
            throw new MediaFormatException("is not a photo, video or SRT telemetry file");
        }
        Optional<Double> aspect = summary.width().flatMap(w -> summary.height().filter(h -> h > 0).map(h -> w / (double) h));
        Optional<Double> fps = summary.frameRate().filter(f -> f > 0);
        Optional<FlightTrack> gpmf = new GoProTelemetryReader().read(file);
        if (gpmf.isPresent() && !gpmf.get().samples().isEmpty()) {
            return new TelemetryFile(gpmf.get(), file, summary.model(), aspect);
        }
        Optional<Path> sidecar = givenSidecar.isPresent() ? givenSidecar : sidecar(file);
        if (sidecar.isPresent()) {
            Optional<LatLon> container = summary.gps().map(g -> new LatLon(g.latitudeDegrees(), g.longitudeDegrees()));
            FlightTrack track = srt(sidecar.get(), new SrtTelemetryParser.Hints(summary.model(), container, override));
            return new TelemetryFile(fps.map(track::withFrameRate).orElse(track), sidecar.get(), summary.model(), aspect);
        }
        List<String> warnings = new ArrayList<>(gpmf.map(FlightTrack::warnings).orElse(List.of()));
        if (summary.gps().isPresent()) {
            var g = summary.gps().get();
            TelemetrySample point = TelemetrySample.at(0, g.latitudeDegrees(), g.longitudeDegrees())
                    .withFrame(Optional.of(0)).withAltitudes(g.altitudeMetres(), Optional.empty())
                    .withLocalTime(local(summary).map(java.time.OffsetDateTime::toLocalDateTime))
                    .withUtcTime(local(summary).map(java.time.OffsetDateTime::toInstant).or(() -> summary.createdAt()
                            .filter(t -> t.endsWith("Z")).map(java.time.Instant::parse)));
            warnings.add("no telemetry track: the container's single location (" + g.source() + ") is used");
            return new TelemetryFile(new FlightTrack(List.of(point), "container location", Optional.empty(), fps,
                    warnings), file, summary.model(), aspect);
        }
        warnings.add("no telemetry: no GPMF track, no SRT sidecar beside it and no container location");
        return new TelemetryFile(new FlightTrack(List.of(), "none", Optional.empty(), fps, warnings), file,
                summary.model(), aspect);
    }

    /** The capture time as the device's local time with its offset, when the container says it. */
    private static Optional<java.time.OffsetDateTime> local(MetadataSummary summary) {
        try {
            return summary.createdLocal().map(java.time.OffsetDateTime::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private FlightTrack srt(Path file, SrtTelemetryParser.Hints hints) {
        try {
            if (Files.size(file) > MAX_SRT_BYTES) {
                throw new MediaFormatException("is larger than " + MAX_SRT_BYTES / (1024 * 1024)
                        + " MB, too large for an SRT telemetry file");
            }
            return new SrtTelemetryParser(resolver).parse(Files.readAllBytes(file), hints).track();
        } catch (IOException e) {
            throw new MediaFormatException("cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code clip.MP4} → {@code clip.SRT} or {@code clip.srt} in the same folder (any case of the extension). */
    static Optional<Path> sidecar(Path video) {
        Path dir = video.toAbsolutePath().getParent();
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (dir == null) {
            return Optional.empty();
        }
        for (String ext : List.of(".SRT", ".srt")) {
            Path candidate = dir.resolve(base + ext);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            return siblings.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .equals((base + ".srt").toLowerCase(Locale.ROOT))).filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
