package org.groundtruth.core.evidence;

import java.util.Optional;
import org.groundtruth.core.Require;

/** Technical properties read from the media: duration in seconds, pixel size, frames per second. */
public record MediaProperties(Optional<Double> durationSeconds, Optional<Integer> width, Optional<Integer> height,
        Optional<Double> framesPerSecond) {
    public static final MediaProperties UNKNOWN =
            new MediaProperties(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public MediaProperties {
        Require.present(durationSeconds, "duration").ifPresent(d -> Require.finiteInRange(d, 0, 1e9, "duration"));
        Require.present(width, "width").ifPresent(w -> Require.nonNegative(w, "width"));
        Require.present(height, "height").ifPresent(h -> Require.nonNegative(h, "height"));
        Require.present(framesPerSecond, "frame rate").ifPresent(f -> Require.finiteInRange(f, 0, 10_000, "frame rate"));
    }
}
