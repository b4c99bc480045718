package org.groundtruth.core.evidence;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The normalized fields read from an original, whatever its format: GPS position ({@link GpsFix}; never 0,0),
 * creation time as ISO-8601 text (local date-time when the source has no zone, as EXIF; with {@code Z} when the
 * source is UTC, as MP4 {@code creation_time}), device make and model, pixel size, duration in seconds, frame rate
 * in frames per second, codec name, and the number of telemetry fixes (SRT sidecars).
 */
public record MetadataSummary(
        Optional<GpsFix> gps,
        Optional<String> createdAt,
        Optional<String> make,
        Optional<String> model,
        Optional<Integer> width,
        Optional<Integer> height,
        Optional<Double> durationSeconds,
        Optional<Double> frameRate,
        Optional<String> codec,
        Optional<Integer> fixes) {

    public static final MetadataSummary EMPTY = new MetadataSummary(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public MetadataSummary {
        Require.present(gps, "GPS");
        createdAt = Require.present(createdAt, "created at").map(String::strip).filter(s -> !s.isEmpty());
        make = Require.present(make, "make").map(String::strip).filter(s -> !s.isEmpty());
        model = Require.present(model, "model").map(String::strip).filter(s -> !s.isEmpty());
        Require.present(width, "width").ifPresent(w -> Require.nonNegative(w, "width"));
        Require.present(height, "height").ifPresent(h -> Require.nonNegative(h, "height"));
        Require.present(durationSeconds, "duration").ifPresent(d -> Require.finiteInRange(d, 0, 1e9, "duration"));
        Require.present(frameRate, "frame rate").ifPresent(f -> Require.finiteInRange(f, 0, 10_000, "frame rate"));
        codec = Require.present(codec, "codec").map(String::strip).filter(s -> !s.isEmpty());
        Require.present(fixes, "fixes").ifPresent(n -> Require.nonNegative(n, "fixes"));
    }

    /** The technical properties stored as columns of the evidence item. */
    public MediaProperties properties() {
        return new MediaProperties(durationSeconds, width, height, frameRate);
    }
}
