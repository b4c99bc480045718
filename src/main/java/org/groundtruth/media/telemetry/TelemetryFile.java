package org.groundtruth.media.telemetry;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.telemetry.FlightTrack;

/**
 * The track read for one file, and what the footprint needs besides: the file the samples came from (the video
 * itself, or its SRT sidecar), the camera model and the frame's aspect ratio (width / height) when known.
 */
public record TelemetryFile(FlightTrack track, Path readFrom, Optional<String> model, Optional<Double> aspectRatio) {
    public TelemetryFile {
        Require.present(track, "track");
        Require.present(readFrom, "read from");
        Require.present(model, "model");
        Require.present(aspectRatio, "aspect ratio");
    }
}
