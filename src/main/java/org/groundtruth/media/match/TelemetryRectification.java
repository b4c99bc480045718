package org.groundtruth.media.match;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geolocate.Rectification;
import org.groundtruth.core.telemetry.CameraPose;
import org.groundtruth.core.telemetry.FlightReplay;
import org.groundtruth.media.telemetry.TelemetryFile;

/**
 * The rectification of a frame from the camera pose recorded with it (decision 1610): the telemetry read from a photo's
 * DJI XMP or a video's track, the moment at the frame's time (a photo: its one sample), its pose (height, yaw, pitch,
 * roll, field of view) projected onto flat ground. The one code path for {@code geolocate --from-telemetry} and the
 * window's "Rectify: from telemetry"; each says a missing pose in its own words from {@link Outcome#problem()}.
 */
public final class TelemetryRectification {
    private TelemetryRectification() {
    }

    /** Why a frame has no rectification from telemetry. */
    public enum Problem {
        /** The file's telemetry has no samples (detail: the reader's warnings). */
        NO_SAMPLES,
        /** No telemetry sample at the frame's time (detail: the time in seconds). */
        NO_SAMPLE_AT_TIME,
        /** The moment has no camera pose (detail: the footprint note; {@link Outcome#needsFieldOfView()} says if the lens is the gap). */
        NO_POSE,
        /** The camera looks above the horizon (detail: the pitch in degrees). */
        ABOVE_HORIZON
    }

    /** Either a rectification or the problem, with its detail. */
    public record Outcome(Optional<Rectification> rectification, Optional<Problem> problem, String detail,
            boolean needsFieldOfView) {
        public Outcome {
            Require.present(rectification, "rectification");
            Require.present(problem, "problem");
            Require.present(detail, "detail");
            if (rectification.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("an outcome is a rectification or a problem");
            }
        }

        static Outcome of(Rectification r) {
            return new Outcome(Optional.of(r), Optional.empty(), "", false);
        }

        static Outcome problem(Problem p, String detail, boolean needsFieldOfView) {
            return new Outcome(Optional.empty(), Optional.of(p), detail, needsFieldOfView);
        }
    }

    /**
     * @param read        the telemetry read from the file (photo, video or SRT)
     * @param timeSeconds the frame's presentation time in a video; empty for a photo (its first sample)
     * @param width       the frame's width in pixels, as it will be matched
     * @param height      its height
     * @param hfov        the lens's horizontal field of view when the analyst gave it, else the camera model's
     * @throws IllegalArgumentException when {@code hfov} is not a field of view
     */
    public static Outcome of(TelemetryFile read, Optional<Double> timeSeconds, int width, int height, Optional<Double> hfov) {
        FlightReplay replay = new FlightReplay(read.track(), read.model(), width / (double) height, hfov);
        if (read.track().samples().isEmpty()) {
            return Outcome.problem(Problem.NO_SAMPLES, String.join("; ", read.track().warnings()), false);
        }
        Optional<FlightReplay.Moment> moment = timeSeconds.isPresent() ? replay.at(timeSeconds.get())
                : Optional.of(replay.moment(0));
        if (moment.isEmpty()) {
            return Outcome.problem(Problem.NO_SAMPLE_AT_TIME, String.format(java.util.Locale.ROOT, "%.3f",
                    timeSeconds.orElse(0.0)), false);
        }
        Optional<CameraPose> pose = moment.get().pose();
        if (pose.isEmpty()) {
            return Outcome.problem(Problem.NO_POSE, moment.get().footprintNote(), replay.needsFieldOfView());
        }
        return Rectification.fromCamera(pose.get(), width, height).map(Outcome::of).orElseGet(() -> Outcome.problem(
                Problem.ABOVE_HORIZON, String.valueOf(pose.get().pitchDegrees()), false));
    }
}
