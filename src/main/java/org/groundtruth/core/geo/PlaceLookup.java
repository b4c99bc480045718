package org.groundtruth.core.geo;

import java.util.Optional;

/** Reverse lookup of what is at a point, used to fill an incident's place and region from its accepted pin. */
@FunctionalInterface
public interface PlaceLookup {
    PlaceLookup NONE = point -> Optional.empty();

    Optional<PlaceFix> at(LatLon point);
}
