package org.groundtruth.core.telemetry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * A flight track replayed in step with its video: the path to draw, the camera at a video time (interpolated between
 * the samples around it by {@link TrackInterpolation}; the last sample at or before it across a gap over 2 s), and
 * the camera's ground footprint there when the sample has the camera's yaw and pitch, the height above take-off and
 * the field of view is known (from {@link CameraModels} for the model, else given by the
 * analyst). Plain arithmetic over samples already read: cheap enough for every frame of a playing video.
 */
public final class FlightReplay {
    /** How the track was read, for captions and pin methods: the format and the camera model when known. */
    private final FlightTrack track;
    private final Optional<String> model;
    private final double aspectRatio;
    private final Optional<Double> horizontalFov;
    private final List<LatLon> path;

    /**
     * @param aspectRatio the frame's width / height (16:9 when the file does not say)
     * @param fovOverride the horizontal field of view the analyst gave, degrees; else the model's from the table
     */
    public FlightReplay(FlightTrack track, Optional<String> model, double aspectRatio, Optional<Double> fovOverride) {
        this.track = Require.present(track, "track");
        this.model = Require.present(model, "model").map(String::strip).filter(m -> !m.isEmpty());
        this.aspectRatio = Require.finiteInRange(aspectRatio, 0.05, 20, "aspect ratio");
        Require.present(fovOverride, "field of view").ifPresent(f -> Require.finiteInRange(f, 0.1, 179, "field of view"));
        this.horizontalFov = fovOverride.or(() -> this.model.flatMap(m -> CameraModels.horizontalFov(m, aspectRatio)));
        this.path = track.samples().stream().map(TelemetrySample::position).toList();
    }

    /** Where the camera was at one moment, and what it saw on the ground (or why that is not known). */
    public record Moment(int index, TelemetrySample sample, Optional<Footprint> footprint, Optional<CameraPose> pose,
            String footprintNote) {
        public Moment {
            Require.nonNegative(index, "sample index");
            Require.present(sample, "sample");
            Require.present(footprint, "footprint");
            Require.present(pose, "pose");
            Require.text(footprintNote, "footprint note", 500);
        }

        /** The sample's frame number, or the one its time gives at {@code fps}. */
        public long frame(double fps) {
            return sample.frame().map(Integer::longValue).orElse(Math.round(sample.timeSeconds() * fps));
        }
    }

    public FlightTrack track() {
        return track;
    }

    /** The frame's width / height used for footprints. */
    public double aspectRatio() {
        return aspectRatio;
    }

    public Optional<String> model() {
        return model;
    }

    public List<LatLon> path() {
        return path;
    }

    /** The horizontal field of view used for footprints, degrees, when known. */
    public Optional<Double> horizontalFov() {
        return horizontalFov;
    }

    /** True when footprints would need a field of view nobody has given yet (the samples have angles and height). */
    public boolean needsFieldOfView() {
        return horizontalFov.isEmpty() && track.samples().stream().anyMatch(s -> yaw(s).isPresent()
                && s.pitchDegrees().isPresent() && s.relativeAltitudeMetres().filter(h -> h > 0).isPresent());
    }

    /**
     * The moment at {@code timeSeconds} of video time; empty for a track without samples. Its index is the last sample
     * at or before the time; its sample is interpolated towards the next when they are at most 2 s apart.
     */
    public Optional<Moment> at(double timeSeconds) {
        return at(timeSeconds, 0);
    }

    /**
     * The moment at {@code timeSeconds}, counting a sample written up to {@code toleranceSeconds} later as already
     * reached (half a frame: a frame stands for the instant it covers, and seeking to a sample lands on the frame
     * nearest to it, which may start a little before).
     */
    public Optional<Moment> at(double timeSeconds, double toleranceSeconds) {
        List<TelemetrySample> samples = track.samples();
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        int lo = 0;
        int hi = samples.size() - 1;
        int found = 0;
        while (lo <= hi) { // the last sample at or before the time (samples are in time order)
            int mid = (lo + hi) >>> 1;
            if (samples.get(mid).timeSeconds() <= timeSeconds + toleranceSeconds + 1e-9) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        TelemetrySample before = samples.get(found);
        if (found + 1 < samples.size() && timeSeconds > before.timeSeconds()
                && TrackInterpolation.bridges(before, samples.get(found + 1))) {
            // between two samples: where the camera was at this very time, so the marker and footprint glide
            return Optional.of(moment(found, TrackInterpolation.between(before, samples.get(found + 1), timeSeconds)));
        }
        return Optional.of(moment(found));
    }

    /** The moment of sample {@code index}. */
    public Moment moment(int index) {
        return moment(index, track.samples().get(index));
    }

    /** The moment at {@code s}, which is sample {@code index} or interpolated after it. */
    private Moment moment(int index, TelemetrySample s) {
        Optional<Double> yaw = yaw(s);
        Optional<Double> height = s.relativeAltitudeMetres().filter(h -> h > 0.01);
        String missing = yaw.isEmpty() ? "no camera yaw in this sample"
                : s.pitchDegrees().isEmpty() ? "no camera pitch in this sample"
                : height.isEmpty() ? "no height above take-off in this sample"
                : horizontalFov.isEmpty() ? "field of view unknown for " + model.orElse("this camera") : "";
        if (!missing.isEmpty()) {
            return new Moment(index, s, Optional.empty(), Optional.empty(), missing);
        }
        CameraPose pose = new CameraPose(s.position(), height.get(), yaw.get(), s.pitchDegrees().get(),
                s.rollDegrees().orElse(0.0), horizontalFov.get(), aspectRatio);
        FootprintResult result = FootprintCalculator.compute(pose);
        return result.footprint().map(f -> new Moment(index, s, Optional.of(f), Optional.of(pose), String.format(Locale.ROOT,
                "footprint ±%.0f m (flat ground at take-off elevation, %.0f m below; field of view %.1f°)",
                f.uncertaintyMeters(), height.get(), horizontalFov.get())))
                .orElseGet(() -> new Moment(index, s, Optional.empty(), Optional.of(pose), result.aboveHorizon().orElseThrow()));
    }

    /** The sample nearest to {@code point} (for "click the track to seek"), when one is within {@code maxMeters}. */
    public Optional<Integer> nearest(LatLon point, double maxMeters) {
        int best = -1;
        double bestMeters = Double.MAX_VALUE;
        double cosLat = Math.cos(Math.toRadians(point.lat()));
        for (int i = 0; i < path.size(); i++) {
            LatLon p = path.get(i);
            double north = (p.lat() - point.lat()) * 111_320;
            double east = (p.lon() - point.lon()) * 111_320 * cosLat;
            double d = Math.hypot(north, east);
            if (d < bestMeters) {
                bestMeters = d;
                best = i;
            }
        }
        return best >= 0 && bestMeters <= maxMeters ? Optional.of(best) : Optional.empty();
    }

    /** The camera's (gimbal's) yaw; the aircraft's heading when the gimbal's is not written (gimbals follow it). */
    private static Optional<Double> yaw(TelemetrySample s) {
        return s.yawDegrees().or(s::flightYawDegrees);
    }
}
