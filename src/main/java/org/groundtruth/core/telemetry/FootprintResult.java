package org.groundtruth.core.telemetry;

import java.util.Optional;
import org.groundtruth.core.Require;

/** A footprint, or why there is none (a corner ray at or above the horizon never meets the ground). */
public record FootprintResult(Optional<Footprint> footprint, Optional<String> aboveHorizon) {
    public FootprintResult {
        Require.present(footprint, "footprint");
        Require.present(aboveHorizon, "above horizon");
        if (footprint.isPresent() == aboveHorizon.isPresent()) {
            throw new IllegalArgumentException("a footprint result is either a footprint or an above-horizon reason");
        }
    }
}
