package org.groundtruth.core.geo;

import java.util.Optional;
import org.groundtruth.core.Require;

/** What a reverse lookup found at a point: the nearby settlement, if close enough, and the admin-1 region. */
public record PlaceFix(Optional<String> placeName, Optional<String> admin1) {
    public PlaceFix {
        placeName = Require.present(placeName, "place name").map(String::strip).filter(s -> !s.isEmpty());
        admin1 = Require.present(admin1, "admin-1 region").map(String::strip).filter(s -> !s.isEmpty());
    }
}
