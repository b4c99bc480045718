package org.groundtruth.core.telemetry;

import java.util.List;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * The camera's ground footprint: the frame's four corners projected onto flat ground at the take-off elevation,
 * in the order top-left, top-right, bottom-right, bottom-left of the frame; the point under the frame centre; and
 * the uncertainty of that centre in metres (from ±1° on the angles and ±5 % on the height; terrain relief adds to it).
 */
public record Footprint(List<LatLon> corners, LatLon centre, double uncertaintyMeters) {
    public Footprint {
        corners = List.copyOf(Require.present(corners, "corners"));
        if (corners.size() != 4) {
            throw new IllegalArgumentException("a footprint has 4 corners, not " + corners.size());
        }
        Require.present(centre, "centre");
        Require.finiteInRange(uncertaintyMeters, 0, 1e8, "uncertainty (metres)");
    }
}
