package org.groundtruth.core.telemetry;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * A camera's track read from one file: samples in time order, the format they came from ({@code DJI SRT},
 * {@code GoPro GPMF}, {@code DJI XMP}, {@code EXIF GPS}, {@code container location}), the decision on coordinate
 * order when the format needed one, the video frame rate when known, and warnings about what could not be read.
 */
public record FlightTrack(List<TelemetrySample> samples, String format, Optional<OrderDecision> order,
        Optional<Double> frameRate, List<String> warnings) {
    public FlightTrack {
        samples = List.copyOf(Require.present(samples, "samples"));
        format = Require.nonBlank(format, "format", 100);
        Require.present(order, "order");
        Require.present(frameRate, "frame rate").ifPresent(f -> Require.finiteInRange(f, 0.001, 10_000, "frame rate"));
        warnings = List.copyOf(Require.present(warnings, "warnings"));
    }

    /** The same samples with frame numbers from {@code fps} (frame = round(time × fps)) where they lack one. */
    public FlightTrack withFrameRate(double fps) {
        List<TelemetrySample> numbered = samples.stream().map(s -> s.frame().isPresent() ? s
                : s.withFrame(Optional.of((int) Math.round(s.timeSeconds() * fps)))).toList();
        return new FlightTrack(numbered, format, order, Optional.of(fps), warnings);
    }

    /** The sample nearest in time to {@code timeSeconds} at or before it (the last known position), if any. */
    public Optional<TelemetrySample> at(double timeSeconds) {
        TelemetrySample best = null;
        for (TelemetrySample s : samples) {
            if (s.timeSeconds() <= timeSeconds + 1e-9) {
                best = s;
            } else {
                break;
            }
        }
        return Optional.ofNullable(best).or(() -> samples.stream().findFirst());
    }
}
