package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.geolocate.Rectification;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.map.gazetteer.GazetteerSettlements;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.match.TelemetryRectification;
import org.groundtruth.media.telemetry.TelemetryFile;
import org.groundtruth.media.telemetry.TelemetryReader;

/**
 * {@code geolocate}'s rectification of an oblique frame: {@code --ground-points X1,Y1;X2,Y2;X3,Y3;X4,Y4} (frame pixels
 * of the original, the corners of a rectangle on the ground in order round it; {@code --hfov} the lens when known) or
 * {@code --from-telemetry} (the photo's DJI XMP or the video's telemetry at that frame: height, yaw, pitch, roll and the
 * camera model's field of view, or {@code --hfov}).
 */
final class ObliqueFrameOptions {
    private ObliqueFrameOptions() {
    }

    /** Parses {@code X1,Y1;X2,Y2;X3,Y3;X4,Y4}. */
    static double[] points(String text) {
        String[] pairs = text.strip().split("\\s*;\\s*");
        if (pairs.length != 4) {
            throw new BadInputException("--ground-points: '" + text + "' must be four points X,Y separated by ';' (" + pairs.length
                    + " given)");
        }
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            String[] xy = pairs[i].split("\\s*,\\s*");
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                out[2 * i] = Double.parseDouble(xy[0].strip());
                out[2 * i + 1] = Double.parseDouble(xy[1].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--ground-points: '" + pairs[i] + "' is not a point X,Y in frame pixels");
            }
        }
        return out;
    }

    /** The rectification from four marked points of a frame {@code width}×{@code height} pixels (its original size). */
    static Rectification fromPoints(String text, int width, int height, Optional<Double> hfov) {
        try {
            return Rectification.fromGroundRectangle(points(text), width, height, hfov);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--ground-points: " + e.getMessage(), e);
        }
    }

    /**
     * The rectification from the camera's pose recorded with {@code file} (a photo's metadata, a video's telemetry),
     * at {@code timeSeconds} of a video.
     */
    static Rectification fromTelemetry(Path file, Optional<Double> timeSeconds, int width, int height, Optional<Double> hfov) {
        TelemetryFile read;
        try (GazetteerSettlements settlements = GazetteerSettlements.shipped()) {
            read = new TelemetryReader(new CoordinateOrderResolver(settlements)).read(file, Optional.empty());
        } catch (MediaFormatException e) {
            throw new BadInputException(file + ": --from-telemetry: " + e.getMessage(), e);
        }
        TelemetryRectification.Outcome outcome;
        try {
            outcome = TelemetryRectification.of(read, timeSeconds, width, height, hfov);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((hfov.isPresent() ? "--hfov: " : file + ": --from-telemetry: ") + e.getMessage(), e);
        }
        if (outcome.rectification().isPresent()) {
            return outcome.rectification().get();
        }
        String prefix = file + ": --from-telemetry: ";
        throw new BadInputException(prefix + switch (outcome.problem().orElseThrow()) {
            case NO_SAMPLES -> "no telemetry samples (" + outcome.detail() + ")";
            case NO_SAMPLE_AT_TIME -> "no telemetry sample at " + outcome.detail() + " s of the video";
            case NO_POSE -> outcome.detail() + (outcome.needsFieldOfView() ? " (give --hfov DEG)" : "");
            case ABOVE_HORIZON -> "the camera looks above the horizon (pitch " + outcome.detail() + "°): no ground to rectify";
        });
    }
}
