package org.groundtruth.core.telemetry;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * What is known when deciding the order of old DJI {@code GPS(a,b)} pairs: the pairs themselves (as written),
 * the {@code HOME(a,b)} pairs (the take-off point, written in the same order), the camera model when the video
 * names it, the video container's own GPS position, and a user's override.
 */
public record OrderEvidence(List<double[]> gpsPairs, List<double[]> homePairs, Optional<String> model,
        Optional<LatLon> containerPosition, Optional<CoordinateOrder> override) {
    public OrderEvidence {
        gpsPairs = List.copyOf(Require.present(gpsPairs, "GPS pairs"));
        homePairs = List.copyOf(Require.present(homePairs, "HOME pairs"));
        Require.present(model, "model");
        Require.present(containerPosition, "container position");
        Require.present(override, "override");
    }
}
