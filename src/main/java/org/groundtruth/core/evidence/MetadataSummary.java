package org.groundtruth.core.evidence;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The normalized fields read from an original, whatever its format: GPS position ({@link GpsFix}; never 0,0),
 * creation time as ISO-8601 text (local date-time when the source has no zone, as EXIF; with {@code Z} when the
 * source is UTC, as MP4 {@code creation_time}), device make and model, pixel size, duration in seconds, frame rate
 * in frames per second, codec name, the number of telemetry fixes (SRT sidecars), and the capture time as the
 * device's local time with its UTC offset ({@code 2020-11-20T15:04:02+01:00}) when the file says it (MP4
 * {@code date}/{@code ©day}, EXIF {@code OffsetTime*}), beside the UTC or zone-less {@code createdAt}.
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
        Optional<Integer> fixes,
        Optional<String> createdLocal) {

    public static final MetadataSummary EMPTY = new MetadataSummary(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Without a local time with offset (most files have none). */
    public MetadataSummary(Optional<GpsFix> gps, Optional<String> createdAt, Optional<String> make,
            Optional<String> model, Optional<Integer> width, Optional<Integer> height, Optional<Double> durationSeconds,
            Optional<Double> frameRate, Optional<String> codec, Optional<Integer> fixes) {
        this(gps, createdAt, make, model, width, height, durationSeconds, frameRate, codec, fixes, Optional.empty());
    }

    /** This summary with the capture time as local time with its offset. */
    public MetadataSummary withCreatedLocal(Optional<String> local) {
        return new MetadataSummary(gps, createdAt, make, model, width, height, durationSeconds, frameRate, codec, fixes,
                local);
    }

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
        createdLocal = Require.present(createdLocal, "created local").map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The technical properties stored as columns of the evidence item. */
    public MediaProperties properties() {
        return new MediaProperties(durationSeconds, width, height, frameRate);
    }
}
