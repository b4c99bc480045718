package org.groundtruth.core.telemetry;

import java.util.Optional;
import org.groundtruth.core.geo.LatLon;

/** Distance in metres from a point to the nearest known settlement (an offline gazetteer), when one is known. */
@FunctionalInterface
public interface SettlementDistance {
    SettlementDistance NONE = point -> Optional.empty();

    Optional<Double> nearestMetres(LatLon point);
}
