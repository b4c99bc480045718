package org.groundtruth.core.geo;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.evidence.FrameReference;

/** "This canopy in frame 412 is this roof": a feature seen in evidence, tied to a point on the map. */
public record MatchedFeature(String description, Optional<FrameReference> frame, LatLon mapPoint) {
    public MatchedFeature {
        description = Require.nonBlank(description, "feature description", 2000);
        Require.present(frame, "frame");
        Require.present(mapPoint, "map point");
    }
}
