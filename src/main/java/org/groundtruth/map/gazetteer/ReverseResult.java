package org.groundtruth.map.gazetteer;

import java.util.Optional;
import org.groundtruth.core.Require;

/** What is at a point: the nearest gazetteer place (with its distance in metres) and the admin-1 region containing it. */
public record ReverseResult(Optional<Place> nearest, double distanceMeters, Optional<Region> region) {
    public ReverseResult {
        Require.present(nearest, "nearest place");
        Require.present(region, "region");
        if (nearest.isPresent()) {
            Require.finiteInRange(distanceMeters, 0, 21_000_000, "distance (metres)");
        }
    }
}
